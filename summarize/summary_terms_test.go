package summarize

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
)

// referenceTermVecs is tfidf as written before terms were numbered by the
// stem cache: stems numbered by a map in the order they first appear.
func referenceTermVecs(texts []string) []termVec {
	ids := map[string]int32{}
	var df []int
	terms := make([][]int32, len(texts))
	for i, t := range texts {
		for _, w := range contentWords(t) {
			id, ok := ids[w]
			if !ok {
				id = int32(len(df))
				ids[w] = id
				df = append(df, 0)
			}
			terms[i] = append(terms[i], id)
		}
		slices.Sort(terms[i])
	}
	vecs := make([]termVec, len(texts))
	for i, ts := range terms {
		for k, id := range ts {
			if k > 0 && id == ts[k-1] {
				vecs[i].terms[len(vecs[i].terms)-1].w++
				continue
			}
			vecs[i].terms = append(vecs[i].terms, termWeight{term: id, w: 1})
			df[id]++
		}
	}
	for i := range vecs {
		sq := 0.0
		for k := range vecs[i].terms {
			tw := &vecs[i].terms[k]
			tw.w *= idf(df[tw.term], len(texts))
			sq += tw.w * tw.w
		}
		vecs[i].norm = math.Sqrt(sq)
	}
	return vecs
}

// sameVecs reports whether got and want are the same vectors to the bit.
func sameVecs(t *testing.T, got, want []termVec) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d vectors, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i].norm != want[i].norm || !slices.Equal(got[i].terms, want[i].terms) {
			t.Fatalf("vector %d = %v, want %v", i, got[i], want[i])
		}
	}
}

// TestTermNumbersMatchReference checks that tfidf numbers the terms as the
// map of stems did, to the bit, on the test articles.
func TestTermNumbersMatchReference(t *testing.T) {
	texts := corpusTexts(t)
	for start := 0; start < len(texts); start += 40 {
		docs := texts[start:min(start+40, len(texts))]
		sameVecs(t, tfidf(docs), referenceTermVecs(docs))
	}
}

// TestTermNumbersFullCache fills the stem cache, then numbers terms whose
// stems the cache numbered (a word it keeps, or one it does not keep with
// a stem it knows) and terms whose stems it never numbered, mixed in the
// same texts: each stem must be one term, numbered as the reference
// does.
func TestTermNumbersFullCache(t *testing.T) {
	// An empty cache of its own, whatever earlier tests left in the
	// shared one; the shared one is put back afterwards.
	stemMu.Lock()
	oldSnap, oldNew, oldHits, oldIDs := stemSnap.Load(), stemNew, stemNewHits, stemIDs
	stemSnap.Store(nil)
	stemNew, stemNewHits, stemIDs = map[string]stemEntry{}, 0, map[string]int32{}
	stemMu.Unlock()
	defer func() {
		stemMu.Lock()
		stemSnap.Store(oldSnap)
		stemNew, stemNewHits, stemIDs = oldNew, oldHits, oldIDs
		stemMu.Unlock()
	}()

	stemOfString("qzwalks") // kept while the cache has room: stem "qzwalk" numbered
	for i := range stemCacheSize {
		stemOf([]byte(fmt.Sprintf("zqfill%dings", i)))
	}
	docs := []string{
		"Qzwalking qzjumping and qzwalks, qzjumped the Qzwalk.",
		"qzjumps qzwalk QZWALKED other words entirely",
		"words qzwalked",
	}
	if e := stemEntryOfString("qzwalking"); e.id < 0 {
		t.Fatalf("stem of a word the full cache does not keep, known stem: id %d, want a number", e.id)
	}
	if e := stemEntryOfString("qzjumping"); e.id >= 0 || e.stop {
		t.Fatalf("stem never numbered before the cache filled: entry %+v, want id -1", e)
	}
	sameVecs(t, tfidf(docs), referenceTermVecs(docs))
}

// TestTermNumbersManyWords gives tfidf more distinct words than its word
// table first holds, so that the table grows mid-call, and repeats them
// in other texts and cases: the terms must still be the reference's.
func TestTermNumbersManyWords(t *testing.T) {
	var a, b strings.Builder
	for i := range 3000 {
		fmt.Fprintf(&a, "zqword%dx ", i)
		if i%7 == 0 {
			fmt.Fprintf(&b, "ZQWORD%dX and zqword%dx, ", i, i)
		}
	}
	docs := []string{a.String(), b.String(), "zqword1x zqword2x zqword2x"}
	sameVecs(t, tfidf(docs), referenceTermVecs(docs))
	sameVecs(t, tfidf(docs), referenceTermVecs(docs)) // again, on the pooled table of the first call
}
