package summarize

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// referenceTFIDF is tfidf as first written, over bags.
func referenceTFIDF(texts []string) []bag {
	bags := make([]bag, len(texts))
	df := map[string]int{}
	for i, t := range texts {
		b := bag{}
		for _, w := range contentWords(t) {
			if b[w] == 0 {
				df[w]++
			}
			b[w]++
		}
		bags[i] = b
	}
	weigh(bags, df, len(texts))
	return bags
}

// TestTFIDFMatchesBags checks the term vectors against bags built the
// first way: the same cosines (to rounding) for every pair of sentences
// of each test article, and the same norms.
func TestTFIDFMatchesBags(t *testing.T) {
	texts := corpusTexts(t)
	for start := 0; start < len(texts); start += 40 {
		docs := texts[start:min(start+40, len(texts))]
		vecs, bags := tfidf(docs), referenceTFIDF(docs)
		for i := range docs {
			if want := math.Sqrt(cosineSelf(bags[i])); math.Abs(vecs[i].norm-want) > 1e-9*max(1, want) {
				t.Errorf("norm of %q = %g, want %g", docs[i], vecs[i].norm, want)
			}
			for j := range i {
				if got, want := vecs[i].cosine(vecs[j]), cosine(bags[i], bags[j]); math.Abs(got-want) > 1e-12 {
					t.Errorf("cosine(%q, %q) = %g, want %g", docs[i], docs[j], got, want)
				}
			}
		}
	}
}

func cosineSelf(b bag) float64 {
	s := 0.0
	for _, x := range b {
		s += x * x
	}
	return s
}

// referenceLexRank is biasedLexRank as first written: a dense walk.
func referenceLexRank(sim [][]float64, bias []float64, walk float64) []float64 {
	const threshold, steps = 0.1, 50
	n := len(sim)
	jump := make([]float64, n)
	total := 0.0
	for _, b := range bias {
		total += b
	}
	for i := range jump {
		jump[i] = 1 / float64(n)
		if total > 0 {
			jump[i] = bias[i] / total
		}
	}
	out := make([]float64, n)
	for i := range sim {
		for j, s := range sim[i] {
			if i != j && s >= threshold {
				out[i] += s
			}
		}
	}
	p := slices.Clone(jump)
	next := make([]float64, n)
	for range steps {
		for i := range next {
			v := 0.0
			for j, s := range sim[i] {
				if i != j && s >= threshold {
					v += s / out[j] * p[j]
				}
			}
			next[i] = (1-walk)*jump[i] + walk*v
		}
		p, next = next, p
	}
	scaleToMax(p)
	return p
}

// TestBiasedLexRankMatchesDense checks the sparse walk gives exactly the
// dense walk's scores on random graphs, biased and not, with isolated
// nodes among them.
func TestBiasedLexRankMatchesDense(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{1, 2, 5, 30, 80} {
		sim := make([][]float64, n)
		for i := range sim {
			sim[i] = make([]float64, n)
		}
		for i := range n {
			for j := range i {
				if rng.Float64() < 0.4 {
					sim[i][j] = rng.Float64() * 0.6
					sim[j][i] = sim[i][j]
				}
			}
		}
		bias := make([]float64, n)
		for i := range bias {
			bias[i] = rng.Float64()
		}
		for _, b := range [][]float64{nil, bias} {
			got, want := biasedLexRank(sim, b, 0.5), referenceLexRank(sim, b, 0.5)
			if !slices.Equal(got, want) {
				t.Errorf("n=%d biased=%v: biasedLexRank = %v, want %v", n, b != nil, got, want)
			}
		}
	}
}
