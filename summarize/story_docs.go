package summarize

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/briefbot/briefbot/corpus"
)

// docTerms is what an article's document vector takes from the article
// alone: its distinct terms in the order they first appear in it (headline
// words, then lead and summary words, then one "person:" term per name it
// gives), and their counts (titleWeight per headline occurrence, one per
// sentence occurrence, personWeight per name). terms[words:] are its names.
// The terms are IDs in a storyVocab.
type docTerms struct {
	terms  []int32
	counts []int32
	words  int
}

// storyVocab numbers the terms of one clustering in the order they first
// appear in the corpus, article by article, each article's in the order of
// its docTerms: the term IDs, and so the order of every sum over them,
// are the same whether an article's terms are derived afresh or taken from
// a cache.
type storyVocab struct {
	words []string
	ids   map[string]int32
}

// id returns w's term ID, numbering it when new.
func (v *storyVocab) id(w string) int32 {
	t, ok := v.ids[w]
	if !ok {
		t = int32(len(v.words))
		v.ids[w] = t
		v.words = append(v.words, w)
	}
	return t
}

// idBytes is id for a term in a buffer; it copies the term only when new.
func (v *storyVocab) idBytes(w []byte) int32 {
	if t, ok := v.ids[string(w)]; ok {
		return t
	}
	return v.id(string(w))
}

// termer derives docTerms, cutting them from two slabs so a corpus costs a
// few allocations rather than several per article. It is not safe for
// concurrent use.
type termer struct {
	v      *storyVocab
	terms  []int32 // the slabs
	counts []int32
	start  int     // where the current article's terms start in the slabs
	at     []int32 // by term: its place in the slabs when stamp says it is the current article's
	stamp  []int32 // by term: the article (+1) at holds a place for
	art    int32
	words  []string // scratch
	sents  []int
	key    []byte
}

// newTermer returns a termer numbering terms in v, with slabs sized for
// about n terms.
func newTermer(v *storyVocab, n int) *termer {
	return &termer{v: v, terms: make([]int32, 0, n), counts: make([]int32, 0, n)}
}

// begin starts the next article's terms.
func (tm *termer) begin() {
	tm.art++
	tm.start = len(tm.terms)
}

// end returns the current article's terms, of which the first words are
// words.
func (tm *termer) end(words int) docTerms {
	return docTerms{
		terms:  tm.terms[tm.start:len(tm.terms):len(tm.terms)],
		counts: tm.counts[tm.start:len(tm.counts):len(tm.counts)],
		words:  words,
	}
}

// add counts c more of term t in the current article.
func (tm *termer) add(t int32, c int32) {
	if int(t) >= len(tm.stamp) {
		tm.stamp = append(tm.stamp, make([]int32, int(t)+1-len(tm.stamp)+len(tm.stamp)/2)...)
		tm.at = append(tm.at, make([]int32, len(tm.stamp)-len(tm.at))...)
	}
	if tm.stamp[t] == tm.art {
		tm.counts[tm.at[t]] += c
		return
	}
	tm.stamp[t], tm.at[t] = tm.art, int32(len(tm.terms))
	tm.terms = append(tm.terms, t)
	tm.counts = append(tm.counts, c)
}

// derive returns the terms of an article: the content words of its
// headline, of the sentences of its lead (storyLead) and summary, and the
// people and organisations it names.
func (tm *termer) derive(a *corpus.Article, an *Analysis) docTerms {
	tm.begin()
	tm.words = appendContentWords(tm.words[:0], a.Title)
	for _, w := range tm.words {
		tm.add(tm.v.id(w), titleWeight)
	}
	idx := append(tm.sents[:0], an.Summary...)
	for s := range min(storyLead, len(an.Sentences)) {
		idx = append(idx, s)
	}
	slices.Sort(idx)
	idx = slices.Compact(idx)
	tm.sents = idx
	for _, s := range idx {
		if s >= 0 && s < len(an.Sentences) {
			tm.words = appendContentWords(tm.words[:0], an.Sentences[s].Text)
			for _, w := range tm.words {
				tm.add(tm.v.id(w), 1)
			}
		}
	}
	words := len(tm.terms) - tm.start
	const person = "person:"
	for _, p := range an.People {
		tm.key = appendNormKey(append(tm.key[:0], person...), p.Name)
		if len(tm.key) > len(person) {
			tm.add(tm.v.idBytes(tm.key), personWeight)
		}
	}
	clear(tm.words) // keep no strings alive
	return tm.end(words)
}

// renumber returns cached terms, n of them packed in src (see
// appendPackedTerms) of which the first words are words, IDs in the
// vocabulary from, as IDs in tm's; tr maps from's IDs to tm's (-1: not
// yet known) and learns. It reports too whether every ID stayed the same,
// when src is what packing the terms returned gives.
func (tm *termer) renumber(src []byte, n, words int, from []string, tr []int32) (docTerms, bool) {
	tm.begin()
	same := true
	for range n {
		var p, c int32
		p, c, src = packedTerm(src)
		t := tr[p]
		if t < 0 {
			t = tm.v.id(from[p])
			tr[p] = t
		}
		same = same && t == p
		tm.terms = append(tm.terms, t)
		tm.counts = append(tm.counts, c)
	}
	return tm.end(words), same
}

// storyDocs returns each article's document vector, heaviest terms and
// names, given its terms: TF-IDF weights, each term's count times
// ln((1+n)/(1+df)) + 1 for a corpus of n articles of which df hold it.
func storyDocs(all []docTerms, vocab []string) []storyDoc {
	df := make([]int32, len(vocab))
	size := 0
	for _, d := range all {
		for _, t := range d.terms {
			df[t]++
		}
		size += len(d.terms)
	}
	n := float64(len(all))
	idf := make([]float64, len(vocab))
	for t, f := range df {
		idf[t] = math.Log((1+n)/(1+float64(f))) + 1
	}
	docs := make([]storyDoc, len(all))
	terms := make([]int32, 0, size)
	weights := make([]float64, 0, size)
	tops := make([]int32, 0, storyKeys*len(all))
	var pairs []uint64
	var order []int
	for i, d := range all {
		pairs = pairs[:0]
		for k, t := range d.terms {
			pairs = append(pairs, uint64(t)<<32|uint64(uint32(d.counts[k])))
		}
		slices.Sort(pairs)
		from := len(terms)
		norm := 0.0
		for _, p := range pairs {
			t := int32(p >> 32)
			w := float64(int32(uint32(p))) * idf[t]
			terms = append(terms, t)
			weights = append(weights, w)
			norm += w * w
		}
		doc := &docs[i]
		doc.terms = terms[from:len(terms):len(terms)]
		doc.weights = weights[from:len(weights):len(weights)]
		doc.norm = math.Sqrt(norm)
		doc.names = d.terms[d.words:]
		var top []int32
		order, top = topTerms(doc, vocab, storyKeys, order, tops)
		tops = top[len(top):]
		doc.top = top[:len(top):len(top)]
	}
	return docs
}

// topTerms appends to dst up to k of d's terms with the largest weights,
// heaviest first, ties broken by the term so the result is deterministic;
// it returns its scratch buffer and the terms.
func topTerms(d *storyDoc, vocab []string, k int, order []int, dst []int32) ([]int, []int32) {
	order = order[:0]
	for i := range d.terms {
		order = append(order, i)
	}
	slices.SortFunc(order, func(a, b int) int {
		return cmp.Or(cmp.Compare(d.weights[b], d.weights[a]), strings.Compare(vocab[d.terms[a]], vocab[d.terms[b]]))
	})
	for _, i := range order[:min(k, len(order))] {
		dst = append(dst, d.terms[i])
	}
	return order, dst
}
