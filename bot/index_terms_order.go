package bot

import (
	"cmp"
	"slices"
)

// impactOrder puts posting lists in impact order: impact descending, then
// sentence ascending. A posting's impact depends only on its term
// frequency and its sentence's length, and a corpus has few such pairs, so
// each pair is ranked once (equal impacts sharing a rank) and a list is
// sorted as integers: rank, then position in the list, whose postings
// arrive in sentence order (see sort).
type impactOrder struct {
	s     *sentIndex
	rank1 []uint32            // tf 1: sentence length → rank
	rank  map[[2]int32]uint32 // tf above 1: (tf, length) → rank
	keys  []uint64            // scratch: rank<<32 | position
	tmp   []posting           // scratch: the list before sorting
	ranks []uint32            // scratch: the rank of each posting
	count []uint32            // scratch, one per rank: all zero between sorts
	value []float64           // rank → the impact of its pairs
}

// impactOrder ranks the (tf, length) pairs of the postings in all. It
// needs avgLen computed.
func (s *sentIndex) impactOrder(all []posting) *impactOrder {
	maxLen := int32(0)
	for doc := range int32(s.docs.len()) {
		maxLen = max(maxLen, s.docs.length(doc))
	}
	has1 := make([]bool, maxLen+1)
	pairs := map[[2]int32]bool{}
	for _, p := range all {
		switch l, tf := s.docs.length(p.doc()), p&tfEscape; tf {
		case 1:
			has1[l] = true
		case tfEscape: // in bigTF
		default:
			pairs[[2]int32{int32(tf), l}] = true
		}
	}
	for _, big := range s.bigTF {
		for doc, tf := range big {
			pairs[[2]int32{tf, s.docs.length(doc)}] = true
		}
	}
	type pair struct {
		tf, length int32
		impact     float64
	}
	var ps []pair
	for l, ok := range has1 {
		if ok {
			ps = append(ps, pair{1, int32(l), s.impactOf(1, int32(l))})
		}
	}
	for k := range pairs {
		ps = append(ps, pair{k[0], k[1], s.impactOf(k[0], k[1])})
	}
	slices.SortFunc(ps, func(a, b pair) int { return cmp.Compare(b.impact, a.impact) })
	o := &impactOrder{s: s, rank1: make([]uint32, maxLen+1), rank: make(map[[2]int32]uint32, len(pairs))}
	r := uint32(0)
	for i, p := range ps {
		if i > 0 && p.impact != ps[i-1].impact {
			r++
		}
		if int(r) == len(o.value) {
			o.value = append(o.value, p.impact)
		}
		if p.tf == 1 {
			o.rank1[p.length] = r
		} else {
			o.rank[[2]int32{p.tf, p.length}] = r
		}
	}
	o.count = make([]uint32, r+1)
	return o
}

// rankOf returns the rank of a posting's impact: 0 for the highest. big is
// its term's part of bigTF.
func (o *impactOrder) rankOf(p posting, big map[int32]int32) uint32 {
	l := o.s.docs.length(p.doc())
	if tf := p.tf(big); tf != 1 {
		return o.rank[[2]int32{tf, l}]
	}
	return o.rank1[l]
}

// sort puts ps, in sentence order, in impact order. big is their term's
// part of bigTF. A list at least as long as the number of ranks is
// counting-sorted by rank, which keeps sentence order within a rank; a
// shorter one is sorted as keys.
func (o *impactOrder) sort(ps []posting, big map[int32]int32) {
	if len(ps) < 2 {
		return
	}
	if len(ps) >= len(o.count) {
		o.countingSort(ps, big)
		return
	}
	keys, sorted := o.keys[:0], true
	for i, p := range ps {
		k := uint64(o.rankOf(p, big))<<32 | uint64(i)
		if i > 0 && k < keys[i-1] {
			sorted = false
		}
		keys = append(keys, k)
	}
	o.keys = keys
	if sorted {
		return
	}
	slices.Sort(keys)
	o.tmp = append(o.tmp[:0], ps...)
	for i, k := range keys {
		ps[i] = o.tmp[uint32(k)]
	}
}

// countingSort is sort for a list at least as long as o.count.
func (o *impactOrder) countingSort(ps []posting, big map[int32]int32) {
	ranks, sorted := o.ranks[:0], true
	for i, p := range ps {
		r := o.rankOf(p, big)
		if i > 0 && r < ranks[i-1] {
			sorted = false
		}
		ranks = append(ranks, r)
		o.count[r]++
	}
	o.ranks = ranks
	if !sorted {
		at := uint32(0)
		for r, c := range o.count { // count → where rank r starts
			o.count[r], at = at, at+c
		}
		o.tmp = append(o.tmp[:0], ps...)
		for i, p := range o.tmp {
			ps[o.count[ranks[i]]] = p
			o.count[ranks[i]]++
		}
	}
	clear(o.count)
}

// runs returns ps (in impact order) as runs of postings of one impact,
// or nil when there would be more than one run per maxRunShare postings:
// a short or varied list is cheaper scored posting by posting.
func (o *impactOrder) runs(ps []posting, big map[int32]int32) []impactRun {
	var out []impactRun
	for i, p := range ps {
		r := o.rankOf(p, big)
		if i == 0 || r != out[len(out)-1].rank {
			if (len(out)+1)*maxRunShare > len(ps) {
				return nil
			}
			out = append(out, impactRun{rank: r})
		}
		out[len(out)-1].end = uint32(i + 1)
	}
	return exact(out)
}
