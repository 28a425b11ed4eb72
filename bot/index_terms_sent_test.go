package bot

import (
	"cmp"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// refSentIndex builds a sentIndex as first written: one growing posting
// list per term, each sorted by impact with a float comparison. The
// compact build must file the same postings in the same order.
func refSentIndex(texts []string) *sentIndex {
	s := &sentIndex{post: map[string][]posting{}}
	for i, text := range texts {
		ts := refTerms(text)
		doc := int32(s.docs.len())
		s.docs.add(sentDoc{art: int32(i / 3), sent: int32(i % 3), length: int32(len(ts))})
		for k, t := range ts {
			if slices.Contains(ts[:k], t) {
				continue
			}
			n := 1
			for _, u := range ts[k+1:] {
				if u == t {
					n++
				}
			}
			s.post[t] = append(s.post[t], makePosting(doc, int32(n)))
			if n >= tfEscape {
				if s.bigTF == nil {
					s.bigTF = map[string]map[int32]int32{}
				}
				if s.bigTF[t] == nil {
					s.bigTF[t] = map[int32]int32{}
				}
				s.bigTF[t][doc] = int32(n)
			}
		}
	}
	total := 0
	for doc := range int32(s.docs.len()) {
		total += int(s.docs.length(doc))
	}
	if s.docs.len() > 0 {
		s.avgLen = float64(total) / float64(s.docs.len())
	}
	for t, ps := range s.post {
		big := s.bigTF[t]
		slices.SortStableFunc(ps, func(a, b posting) int {
			return cmp.Or(cmp.Compare(s.impact(b, big), s.impact(a, big)), cmp.Compare(a.doc(), b.doc()))
		})
	}
	return s
}

// sentTexts returns n sentences of words drawn from a small vocabulary,
// of lengths from 0 to 60 words, so terms repeat within a sentence and
// impacts tie across sentences.
func sentTexts(n int, seed uint64) []string {
	rng := rand.New(rand.NewPCG(seed, 3))
	vocab := strings.Fields("tariff tariffs Tariffs trade war Russia Russia's strike union " +
		"budget vote Senate trial judge storm flood the of and a said says Zürich İstanbul 2024 x")
	out := make([]string, n)
	for i := range out {
		ws := make([]string, rng.IntN(61))
		for k := range ws {
			ws[k] = vocab[rng.IntN(min(len(vocab), 4+rng.IntN(len(vocab))))]
		}
		out[i] = strings.Join(ws, " ")
		if i%97 == 5 { // a term far more often than a posting holds
			out[i] += strings.Repeat(" storm", tfEscape+i%7)
		}
	}
	return out
}

func TestSentIndexMatchesReference(t *testing.T) {
	for _, n := range []int{0, 1, 2, 50, 3000} {
		texts := sentTexts(n, uint64(n))
		want := refSentIndex(texts)
		got := &sentIndex{post: map[string][]posting{}}
		for i, text := range texts {
			got.add(i/3, i%3, text)
		}
		got.finish()
		if !reflect.DeepEqual(got.docs, want.docs) || got.avgLen != want.avgLen || !reflect.DeepEqual(got.bigTF, want.bigTF) {
			t.Errorf("%d sentences: docs or average length differ", n)
		}
		if len(got.post) != len(want.post) {
			t.Errorf("%d sentences: %d terms, want %d", n, len(got.post), len(want.post))
		}
		for term, ps := range want.post {
			// The index keeps a term's rankDepth best postings and
			// how many it has.
			if !slices.Equal(got.post[term], ps[:min(len(ps), rankDepth)]) {
				t.Errorf("%d sentences: postings of %q = %v, want %v", n, term, got.post[term], ps[:min(len(ps), rankDepth)])
			}
			if df, ok := got.df[term]; ok != (len(ps) > rankDepth) || ok && int(df) != len(ps) {
				t.Errorf("%d sentences: %q in %d sentences (kept: %v), want %d", n, term, df, ok, len(ps))
			}
			if g := got.post[term]; len(g) != cap(g) {
				t.Errorf("%d sentences: postings of %q have capacity %d for %d", n, term, cap(g), len(g))
			}
		}
		for _, q := range [][]string{{"tariff"}, {"tariff", "russia"}, {"storm", "flood", "2024"}, {"storm"}, {"absent"}} {
			if g, w := got.rank(q), want.rank(q); !slices.Equal(g, w) {
				t.Errorf("%d sentences: rank(%q) differs", n, q)
			}
		}
	}
}
