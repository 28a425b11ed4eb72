package summarize

import (
	"math"
	"slices"
	"strings"
	"unicode"

	"github.com/kljensen/snowball/english"
)

// A bag is a sparse term vector: stemmed term → weight.
type bag map[string]float64

// contentWords returns the stemmed, lowercased words of s without stop
// words.
func contentWords(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		if len(w) < 2 || english.IsStopWord(w) {
			continue
		}
		out = append(out, english.Stem(w, false))
	}
	return out
}

// weigh turns term counts into TF-IDF weights in place, with the smoothed
// IDF ln((1+n)/(1+df))+1 over n documents. Terms missing from df count as
// seen in no document.
func weigh(bags []bag, df map[string]int, n int) {
	for _, b := range bags {
		for w, tf := range b {
			b[w] = tf * (math.Log((1+float64(n))/(1+float64(df[w]))) + 1)
		}
	}
}

// tfidf returns a stemmed TF-IDF vector for each text, the texts being the
// documents.
func tfidf(texts []string) []bag {
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

// cosine returns the cosine similarity of two vectors, 0 when either is
// empty.
func cosine(a, b bag) float64 {
	if len(a) > len(b) {
		a, b = b, a
	}
	var dot, na, nb float64
	for w, x := range a {
		dot += x * b[w]
		na += x * x
	}
	for _, y := range b {
		nb += y * y
	}
	if na == 0 || nb == 0 {
		return 0
	}
	return dot / math.Sqrt(na*nb)
}

// similarities returns the symmetric matrix of pairwise cosines, with 0 on
// the diagonal.
func similarities(vecs []bag) [][]float64 {
	n := len(vecs)
	sim := make([][]float64, n)
	for i := range sim {
		sim[i] = make([]float64, n)
		for j := range i {
			sim[i][j] = cosine(vecs[i], vecs[j])
			sim[j][i] = sim[i][j]
		}
	}
	return sim
}

// lexRank returns the centrality of each node of the similarity graph:
// continuous LexRank (Erkan & Radev 2004) with damping 0.85, scaled so the
// most central node scores 1.
func lexRank(sim [][]float64) []float64 { return biasedLexRank(sim, nil, 0.85) }

// scaleToMax divides every value by the largest, when that is positive.
func scaleToMax(v []float64) {
	if len(v) == 0 {
		return
	}
	if top := slices.Max(v); top > 0 {
		for i := range v {
			v[i] /= top
		}
	}
}

// biasedLexRank returns the centrality of each node in the similarity
// graph of a random walk that jumps to node i with probability bias[i]
// (normalised; uniform when all are 0): topic-sensitive LexRank
// (Otterbacher, Erkan & Radev 2005), with the headline as the topic. Edges
// are weighted by similarity at or over 0.1; walk is the probability of
// following an edge rather than jumping. Scaled so the top node scores 1.
func biasedLexRank(sim [][]float64, bias []float64, walk float64) []float64 {
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
	out := make([]float64, n) // each node's total outgoing edge weight
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
