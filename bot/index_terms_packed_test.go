package bot

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
)

// randomTermIndex returns a termIndex of terms whose lists are ascending
// IDs below limit, of every density, so that lists span several chunks
// of an idList, skip some and sit in one.
func randomTermIndex(seed uint64, limit int32) termIndex {
	rng := rand.New(rand.NewPCG(seed, 7))
	t := termIndex{}
	for k, every := range []int32{1, 2, 3, 50, 1000, 40000, 70000, 200000} {
		var ids []int32
		for id := rng.Int32N(every); id < limit; id += 1 + rng.Int32N(2*every) {
			ids = append(ids, id)
		}
		t[fmt.Sprintf("w%d", k)] = ids
	}
	t["one"] = []int32{65536}
	t["edge"] = []int32{0, 65535, 65536, 131071, 131072}
	return t
}

func TestPackedTermsMatchTermIndex(t *testing.T) {
	for _, limit := range []int32{10, 70000, 300000} {
		ti := randomTermIndex(uint64(limit), limit)
		p := packTerms(ti)
		want := termIndex{}
		for w, ids := range ti {
			if len(ids) > 0 {
				want[w] = ids
			}
		}
		if got := p.unpack(); !reflect.DeepEqual(got, want) {
			t.Fatalf("limit %d: unpack differs from the packed index", limit)
		}
		for w, ids := range want {
			l := p.get(w)
			if l.len() != len(ids) {
				t.Fatalf("limit %d: %s has %d IDs, want %d", limit, w, l.len(), len(ids))
			}
			for k, id := range ids {
				if got := l.at(k); got != id {
					t.Fatalf("limit %d: %s at %d = %d, want %d", limit, w, k, got, id)
				}
			}
			for _, id := range []int32{-1, 0, 1, 65535, 65536, 65537, 131072, limit - 1, limit, 1 << 30} {
				gi, gf := l.search(id)
				wi, wf := slices.BinarySearch(ids, id)
				if gi != wi || gf != wf {
					t.Fatalf("limit %d: %s search(%d) = %d %v, want %d %v", limit, w, id, gi, gf, wi, wf)
				}
			}
			for _, id := range ids[:min(len(ids), 50)] {
				if gi, gf := l.search(id); !gf || ids[gi] != id {
					t.Fatalf("limit %d: %s search(%d) = %d %v", limit, w, id, gi, gf)
				}
			}
		}
		if p.get("absent").len() != 0 || p.get("absent").appendTo(nil) != nil {
			t.Errorf("limit %d: an absent term has IDs", limit)
		}
		queries := [][]string{{"w0"}, {"w3", "w5"}, {"w4", "w6", "edge"}, {"one", "absent"}, {"absent"}, {"w7", "w7"}}
		for _, q := range queries {
			got, gotN := p.bestSorted(q)
			wantIDs, wantN := want.bestSorted(q)
			if !slices.Equal(got.appendTo(nil), wantIDs) || gotN != wantN {
				t.Errorf("limit %d: bestSorted(%q) = %d IDs (%d), want %d (%d)", limit, q, got.len(), gotN, len(wantIDs), wantN)
			}
			if g, w := packIDs(wantIDs).appendTo(nil), wantIDs; !slices.Equal(g, w) {
				t.Errorf("limit %d: packIDs does not round-trip %d IDs", limit, len(w))
			}
			bg, bn := p.best(q)
			bw, bwn := want.best(q)
			if !slices.Equal(bg, bw) || bn != bwn {
				t.Errorf("limit %d: best(%q) differs", limit, q)
			}
			if !reflect.DeepEqual(p.counts(q), want.counts(q)) {
				t.Errorf("limit %d: counts(%q) differ", limit, q)
			}
			for _, id := range []int{0, 3, 65536, 131071, int(limit) - 1} {
				if g, w := p.holds(q, id), want.holds(q, id); g != w {
					t.Errorf("limit %d: holds(%q, %d) = %d, want %d", limit, q, id, g, w)
				}
			}
		}
	}
}

// TestSentDocs checks that sentDocs gives back every sentence added: those
// its columns hold, and those it keeps whole (out of order, too long).
func TestSentDocs(t *testing.T) {
	want := []sentDoc{
		{art: 0, sent: 0, length: 3}, {art: 0, sent: 1, length: 0},
		{art: 2, sent: 0, length: 7}, {art: 2, sent: 1, length: bigDoc}, {art: 2, sent: 2, length: 1 << 20}, {art: 2, sent: 3, length: bigDoc - 1},
		{art: 1, sent: 5, length: 2}, {art: 1, sent: 6, length: 4},
		{art: 0, sent: 2, length: 9}, {art: 2, sent: 4, length: 254},
	}
	var d sentDocs
	for _, s := range want {
		d.add(s)
	}
	d.clip()
	if d.len() != len(want) {
		t.Fatalf("%d sentences, want %d", d.len(), len(want))
	}
	for doc, s := range want {
		if got := d.at(int32(doc)); got != s {
			t.Errorf("sentence %d = %+v, want %+v", doc, got, s)
		}
		if got := d.length(int32(doc)); got != s.length {
			t.Errorf("sentence %d: length %d, want %d", doc, got, s.length)
		}
	}
	if len(d.big) != 6 {
		t.Errorf("%d sentences kept whole, want 6 (two too long, four out of order)", len(d.big))
	}
}

// TestSentDocsBlocks checks sentDocs over many blocks, with articles far
// apart within a block and articles without sentences.
func TestSentDocsBlocks(t *testing.T) {
	var want []sentDoc
	art := int32(0)
	for len(want) < 6*docBlock+17 {
		n := int32(1 + int(art)%5)
		if art%7 == 3 {
			n = 0 // an article without sentences
		}
		for s := range n {
			want = append(want, sentDoc{art: art, sent: s, length: s + art%3})
		}
		art++
		if art%40 == 39 {
			art += 300 // past a block's offsets
		}
	}
	var d sentDocs
	for _, s := range want {
		d.add(s)
	}
	for doc, s := range want {
		if got, a := d.at(int32(doc)), d.art(int32(doc)); got != s || a != s.art {
			t.Fatalf("sentence %d = %+v (article %d), want %+v", doc, got, a, s)
		}
	}
	if len(d.big) == 0 || len(d.big) > len(want)/2 {
		t.Errorf("%d of %d sentences kept whole: the jumps do not test both forms", len(d.big), len(want))
	}
}
