package bot

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"

	"github.com/kljensen/snowball/english"
)

// BM25 parameters: the usual defaults for short documents (here, sentences).
const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// questionFiller are words a question carries that say nothing about its
// topic ("tell me what Trump said"); they are dropped from questions only,
// so `search said` still finds "said".
var questionFiller = map[string]bool{
	"tell": true, "say": true, "says": true, "said": true, "know": true,
	"news": true, "latest": true, "please": true, "anything": true,
	"happening": true, "happened": true, "going": true, "give": true,
	"show": true, "whats": true, "briefbot": true, "think": true,
}

// words splits s into lowercase runs of letters and digits. An apostrophe
// ends a word, so "Russia's" gives "russia" and "s".
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// terms returns the index terms of s in order: its words without English
// stopwords, stemmed with the Snowball English stemmer.
func terms(s string) []string {
	var out []string
	for _, w := range words(s) {
		if english.IsStopWord(w) {
			continue
		}
		out = append(out, stem(w))
	}
	return out
}

// stems memoises english.Stem, which costs a third of building an index
// when called for every word of every sentence: a corpus repeats its
// words. The memo stops growing at maxStems words, far beyond an English
// vocabulary, so hostile input cannot grow it without bound.
var (
	stems    sync.Map // word → stem
	numStems atomic.Int64
)

const maxStems = 1 << 20

// stem returns the Snowball English stem of a lowercase word.
func stem(w string) string {
	if s, ok := stems.Load(w); ok {
		return s.(string)
	}
	s := english.Stem(w, false)
	if numStems.Load() < maxStems {
		if _, loaded := stems.LoadOrStore(strings.Clone(w), s); !loaded {
			numStems.Add(1)
		}
	}
	return s
}

// queryTerms returns the distinct terms of a query; with question set it
// also drops question filler.
func queryTerms(s string, question bool) []string {
	var out []string
	for _, w := range words(s) {
		if english.IsStopWord(w) || question && questionFiller[w] {
			continue
		}
		if t := stem(w); !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

// termIndex maps a term to the ascending, distinct IDs of the things (quotes,
// deadlines, events, titles) whose text holds it.
type termIndex map[string][]int

// add indexes text under id. IDs must be added in ascending order.
func (t termIndex) add(id int, text string) {
	for _, w := range terms(text) {
		if ids := t[w]; len(ids) == 0 || ids[len(ids)-1] != id {
			t[w] = append(ids, id)
		}
	}
}

// counts returns, for each ID holding a query term, how many it holds.
func (t termIndex) counts(q []string) map[int]int {
	count := map[int]int{}
	for _, w := range q {
		for _, id := range t[w] {
			count[id]++
		}
	}
	return count
}

// best returns, ascending, the IDs that hold the most query terms (at least
// one), and how many they hold. A topic of several words thus narrows to the
// things that match it best without requiring every word.
func (t termIndex) best(q []string) (ids []int, matched int) {
	return bestOf(t.counts(q))
}

// bestOf returns the IDs with the highest count, ascending, and that count.
func bestOf(count map[int]int) (ids []int, matched int) {
	for _, n := range count {
		matched = max(matched, n)
	}
	for id, n := range count {
		if n == matched {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	return ids, matched
}

// sentDoc is one sentence of the corpus as a BM25 document.
type sentDoc struct {
	art, sent int32 // article index, sentence index in its analysis
	length    int32 // number of terms
}

type posting struct{ doc, tf int32 }

// rankDepth bounds the postings of one term a query reads: a term's
// postings are kept in impact order (its BM25 score in each sentence,
// highest first), and rank reads only the rankDepth best of each. A query
// of one word thus gets exactly its best sentences however common the word;
// a sentence scoring low on every word of a longer query but high on their
// sum can be missed, a trade every impact-ordered search engine makes.
const rankDepth = 1000

// sentIndex is an inverted index of every sentence in the corpus, ranked
// with BM25.
type sentIndex struct {
	docs   []sentDoc
	post   map[string][]posting // term → sentences, highest impact first (after finish)
	avgLen float64
}

func (s *sentIndex) add(art, sent int, text string) {
	ts := terms(text)
	doc := int32(len(s.docs))
	s.docs = append(s.docs, sentDoc{art: int32(art), sent: int32(sent), length: int32(len(ts))})
	for k, t := range ts {
		if slices.Contains(ts[:k], t) {
			continue // counted at its first occurrence
		}
		n := 1
		for _, u := range ts[k+1:] {
			if u == t {
				n++
			}
		}
		s.post[t] = append(s.post[t], posting{doc: doc, tf: int32(n)})
	}
}

// finish computes the average length and puts every posting list in
// impact order; call it once after the last add.
func (s *sentIndex) finish() {
	total := 0
	for _, d := range s.docs {
		total += int(d.length)
	}
	if len(s.docs) > 0 {
		s.avgLen = float64(total) / float64(len(s.docs))
	}
	type ranked struct {
		impact float64
		p      posting
	}
	var buf []ranked
	for _, ps := range s.post {
		if len(ps) < 2 {
			continue
		}
		buf = buf[:0]
		for _, p := range ps {
			buf = append(buf, ranked{s.impact(p), p})
		}
		slices.SortFunc(buf, func(a, b ranked) int {
			return cmp.Or(cmp.Compare(b.impact, a.impact), cmp.Compare(a.p.doc, b.p.doc))
		})
		for i := range ps {
			ps[i] = buf[i].p
		}
	}
}

// impact is the length-normalised term frequency of a posting: its BM25
// score but for the term's IDF, which is the same for all of a term's
// postings.
func (s *sentIndex) impact(p posting) float64 {
	tf := float64(p.tf)
	norm := 1 - bm25B + bm25B*float64(s.docs[p.doc].length)/max(s.avgLen, 1)
	return tf * (bm25K1 + 1) / (tf + bm25K1*norm)
}

// hit is a scored sentence.
type hit struct {
	doc   int
	score float64
}

// rank scores the sentences holding a query term (the rankDepth best of
// each term), best first; ties keep corpus order so results are
// deterministic.
func (s *sentIndex) rank(q []string) []hit {
	n := float64(len(s.docs))
	score := map[int]float64{}
	for _, t := range q {
		ps := s.post[t]
		if len(ps) == 0 {
			continue
		}
		df := float64(len(ps))
		idf := math.Log(1 + (n-df+0.5)/(df+0.5))
		for _, p := range ps[:min(len(ps), rankDepth)] {
			score[int(p.doc)] += idf * s.impact(p)
		}
	}
	hits := make([]hit, 0, len(score))
	for d, sc := range score {
		hits = append(hits, hit{doc: d, score: sc})
	}
	slices.SortFunc(hits, func(a, b hit) int {
		if a.score != b.score {
			if a.score > b.score {
				return -1
			}
			return 1
		}
		return a.doc - b.doc
	})
	return hits
}
