package summarize

import "testing"

// TestTFIDFKnownWords checks the words a tfidf scratch remembers from
// earlier calls: a scratch that has seen every word (and its upper-case,
// accented and too-short neighbours) gives the vectors a fresh one gives,
// bit for bit, and so do the bounded table once full and a table grown
// past its first size.
func TestTFIDFKnownWords(t *testing.T) {
	texts := append(corpusTexts(t),
		"Über die Straße: ÉCOLE Ecole école, A I a i x X 7 77 Seven SEVEN.",
		"The court's rulings RULE the ruling; rulers ruled, Rule-makers rule.")
	warm := newTfidfScratch()
	for start := 0; start < len(texts); start += 30 {
		docs := texts[start:min(start+30, len(texts))]
		want := tfidfScratchVecs(newTfidfScratch(), docs) // knows nothing
		// The second time every word is known.
		for range 2 {
			sameVecs(t, tfidfScratchVecs(warm, docs), want)
		}
	}
	if warm.knownCount == 0 || len(warm.known) <= 1024 {
		t.Fatalf("known words: %d in a table of %d, want the table grown", warm.knownCount, len(warm.known))
	}
	full := newTfidfScratch()
	full.knownCount = maxKnownWords // full: learns nothing more
	for start := 0; start < len(texts); start += 30 {
		docs := texts[start:min(start+30, len(texts))]
		sameVecs(t, tfidfScratchVecs(full, docs), tfidfScratchVecs(newTfidfScratch(), docs))
	}
}

// newTfidfScratch is pooledTfidf's fresh scratch, never pooled.
func newTfidfScratch() *tfidfScratch { return &tfidfScratch{ids: make(map[string]int32), gen: 1} }

// tfidfScratchVecs is tfidf with the scratch sc, reset afterwards as
// releaseTfidf resets it but kept out of the pool.
func tfidfScratchVecs(sc *tfidfScratch, docs []string) []termVec {
	vecs, _, _ := tfidfWith(sc, docs, nil, nil, nil)
	sc.reset()
	return vecs
}
