package summarize

import (
	"math"
	"testing"
)

// TestSimilaritiesMatchCosine holds the spread-out comparison of
// similarities to termVec.cosine, bit for bit, on the sentences of the
// test corpora taken forty at a time, and checks the diagonal is zero.
func TestSimilaritiesMatchCosine(t *testing.T) {
	texts := corpusTexts(t)
	for start := 0; start < len(texts); start += 40 {
		docs := texts[start:min(start+40, len(texts))]
		vecs := tfidf(docs)
		sim := similarities(vecs)
		for i := range vecs {
			if sim[i][i] != 0 {
				t.Errorf("sim[%d][%d] = %g, want 0", i, i, sim[i][i])
			}
			for j := range i {
				want := vecs[i].cosine(vecs[j])
				if math.Float64bits(sim[i][j]) != math.Float64bits(want) || sim[j][i] != sim[i][j] {
					t.Errorf("sim of %q and %q = %g, %g, want %g", docs[i], docs[j], sim[i][j], sim[j][i], want)
				}
			}
		}
	}
}

// TestTFIDFInReusesArray checks that tfidfIn gives the vectors tfidf
// gives, in a reused array too small, large enough, or dirty from an
// earlier call, and that similaritiesIn does the same in a pooled array.
func TestTFIDFInReusesArray(t *testing.T) {
	texts := corpusTexts(t)
	var weights []termWeight
	for start := 0; start < len(texts); start += 25 {
		docs := texts[start:min(start+25, len(texts))]
		want := tfidf(docs)
		var got []termVec
		got, weights = tfidfIn(docs, weights[:0])
		if len(got) != len(want) {
			t.Fatalf("tfidfIn: %d vectors, want %d", len(got), len(want))
		}
		for i := range want {
			if got[i].norm != want[i].norm || len(got[i].terms) != len(want[i].terms) {
				t.Fatalf("tfidfIn vector %d = %v, want %v", i, got[i], want[i])
			}
			for k := range want[i].terms {
				if got[i].terms[k] != want[i].terms[k] {
					t.Fatalf("tfidfIn vector %d term %d = %v, want %v", i, k, got[i].terms[k], want[i].terms[k])
				}
			}
		}
		flat := pooledFloats(len(got) * len(got))
		sim, wantSim := similaritiesIn(got, flat), similarities(want)
		for i := range sim {
			for j := range sim[i] {
				if sim[i][j] != wantSim[i][j] {
					t.Fatalf("similaritiesIn[%d][%d] = %g, want %g", i, j, sim[i][j], wantSim[i][j])
				}
			}
		}
		for i := range flat {
			flat[i] = -1 // dirty: pooledFloats must clear it
		}
		releaseFloats(flat)
	}
}
