package summarize

import (
	"math"
	"strings"
	"testing"
	"unicode"
)

// ROUGE (Lin 2004) for the summary tests, with the tokenisation of
// ../shared/eval/score.py so the figures compare: lower case, every rune
// that is not a letter, digit, '_' or '-' is a separator, no stemming and no
// stop-word removal. Each score is the F1 of precision and recall over the
// summary's sentences joined as one text.

// rougeTokens splits text the way score.py does.
func rougeTokens(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' && r != '-'
	})
}

// rougeN returns the ROUGE-N F1 of the candidate sentences against the
// reference sentences: clipped n-gram overlap.
func rougeN(cand, ref []string, n int) float64 {
	grams := func(sents []string) map[string]int {
		toks := rougeTokens(strings.Join(sents, " "))
		m := map[string]int{}
		for i := 0; i+n <= len(toks); i++ {
			m[strings.Join(toks[i:i+n], " ")]++
		}
		return m
	}
	c, r := grams(cand), grams(ref)
	common, nc, nr := 0, 0, 0
	for g, k := range c {
		common += min(k, r[g])
		nc += k
	}
	for _, k := range r {
		nr += k
	}
	return f1(common, nc, nr)
}

// rougeL returns the ROUGE-L F1: the longest common subsequence of the two
// token sequences.
func rougeL(cand, ref []string) float64 {
	a, b := rougeTokens(strings.Join(cand, " ")), rougeTokens(strings.Join(ref, " "))
	prev, cur := make([]int, len(b)+1), make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			if a[i] == b[j] {
				cur[j+1] = prev[j] + 1
			} else {
				cur[j+1] = max(prev[j+1], cur[j])
			}
		}
		prev, cur = cur, prev
	}
	return f1(prev[len(b)], len(a), len(b))
}

func f1(common, nc, nr int) float64 {
	if common == 0 {
		return 0
	}
	p, r := float64(common)/float64(nc), float64(common)/float64(nr)
	return 2 * p * r / (p + r)
}

func TestRouge(t *testing.T) {
	tests := []struct {
		name       string
		cand, ref  []string
		r1, r2, rl float64
	}{
		{"identical", []string{"The cat sat."}, []string{"the cat sat"}, 1, 1, 1},
		{"disjoint", []string{"dogs bark"}, []string{"cats purr"}, 0, 0, 0},
		// cand "the cat sat on the mat" (6), ref "the cat lay on the mat" (6):
		// 5 unigrams, 3 bigrams (the cat, on the, the mat), LCS 5.
		{"one word differs", []string{"The cat sat on the mat."}, []string{"The cat lay on the mat."}, 5.0 / 6, 3.0 / 5, 5.0 / 6},
		// Clipping: "the" twice in the candidate, once in the reference.
		{"clipped counts", []string{"the the"}, []string{"the cat"}, 0.5, 0, 0.5},
		// Order matters for ROUGE-L only: LCS of "a b c" and "c b a" is 1.
		{"reordered", []string{"a b c"}, []string{"c b a"}, 1, 0, 1.0 / 3},
		{"punctuation and hyphens", []string{"Co-founder's “view”, 5%."}, []string{"co-founder s view 5"}, 1, 1, 1},
		{"sentences are joined", []string{"one two", "three"}, []string{"one two three"}, 1, 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := [3]float64{rougeN(tt.cand, tt.ref, 1), rougeN(tt.cand, tt.ref, 2), rougeL(tt.cand, tt.ref)}
			want := [3]float64{tt.r1, tt.r2, tt.rl}
			for i := range got {
				if math.Abs(got[i]-want[i]) > 1e-9 {
					t.Errorf("ROUGE(%q, %q) = %.4f, want %.4f (1, 2, L)", tt.cand, tt.ref, got, want)
					break
				}
			}
		})
	}
}
