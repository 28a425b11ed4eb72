package bot

import "slices"

// termNumbers numbers terms in order of first use: by the stem's number
// in the word memo (wordInfo.id) when it has one, an array lookup, else
// by name.
type termNumbers struct {
	local []int32          // wordInfo.id → 1 + its term's number here, 0 for none yet
	num   map[string]int32 // term → its number
	names []string         // number → term
}

// number returns the number of a word's term, numbering it if new: a new
// term's number is len(names)-1.
func (n *termNumbers) number(e wordInfo) int32 {
	if e.id >= 0 && int(e.id) < len(n.local) && n.local[e.id] > 0 {
		return n.local[e.id] - 1
	}
	t, ok := n.num[e.stem]
	if !ok {
		if n.num == nil {
			n.num = map[string]int32{}
		}
		t = int32(len(n.names))
		n.num[e.stem] = t
		n.names = append(n.names, e.stem)
	}
	if e.id >= 0 {
		if int(e.id) >= len(n.local) {
			n.local = slices.Grow(n.local, int(e.id)+1-len(n.local))[:int(e.id)+1]
		}
		n.local[e.id] = t + 1
	}
	return t
}

// termBuilder builds a termIndex from the term numbers of each ID's text:
// it logs one posting per term and ID, in ID order, and files them at
// the end into one array sorted by term (a counting sort), so no list
// grows by appending and each is cut to its exact length.
type termBuilder struct {
	termNumbers
	last []int32       // term number → the latest ID filed under it, -1 for none
	log  []termPosting // in ID order
	sc   wordScanner
}

// termPosting is an ID filed under the term numbered term.
type termPosting struct{ term, id int32 }

// appendTerms appends to dst the numbers of the terms of text (its words
// but stopwords, stemmed, as terms gives them), in order, repeats
// included.
func (b *termBuilder) appendTerms(dst []int32, text string) []int32 {
	var buf [64]byte
	b.sc.reset(text)
	for w, ok := b.sc.next(buf[:0]); ok; w, ok = b.sc.next(w) {
		e := lookupWord(w)
		if e.stop {
			continue
		}
		t := b.number(e)
		if int(t) == len(b.last) {
			b.last = append(b.last, -1)
		}
		dst = append(dst, t)
	}
	return dst
}

// file files id under the terms numbered terms (from appendTerms), each
// once however often it comes. IDs must be filed in ascending order.
func (b *termBuilder) file(id int32, terms []int32) {
	for _, t := range terms {
		if b.last[t] != id {
			b.last[t] = id
			b.log = append(b.log, termPosting{term: t, id: id})
		}
	}
}

// finish returns the index of what was filed: each term's IDs ascending,
// every list cut to its exact length from one array. The builder is
// empty afterwards.
func (b *termBuilder) finish() termIndex {
	end := make([]int32, len(b.names)+1) // term t's IDs are flat[end[t]:end[t+1]]
	for _, p := range b.log {
		end[p.term+1]++
	}
	for t := range b.names {
		end[t+1] += end[t]
	}
	next := slices.Clone(end[:len(b.names)])
	flat := make([]int32, len(b.log))
	for _, p := range b.log {
		flat[next[p.term]] = p.id
		next[p.term]++
	}
	out := make(termIndex, len(b.names))
	for t, name := range b.names {
		if end[t] < end[t+1] {
			out[name] = flat[end[t]:end[t+1]:end[t+1]]
		}
	}
	*b = termBuilder{}
	return out
}
