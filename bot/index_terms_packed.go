package bot

import (
	"slices"
	"sort"
)

// idList is an ascending list of distinct non-negative IDs in 2 bytes an
// ID (and 8 a chunk): the low 16 bits of each, and the IDs cut into
// chunks of one high part. A list of n IDs below 65536·c has at most c
// chunks, so finding an ID's chunk costs little. The zero idList is
// empty. An idList of an index is the index's own: not to be modified.
type idList struct {
	lows   []uint16
	chunks []idChunk
}

// idChunk is the IDs of an idList from the previous chunk's end up to
// end (positions in lows), whose high 16 bits are hi.
type idChunk struct{ hi, end uint32 }

// packIDs returns ids (ascending) as an idList.
func packIDs(ids []int32) idList {
	l := idList{lows: make([]uint16, len(ids))}
	l.chunks = appendChunks(l.lows, nil, ids)
	return l
}

// appendChunks fills lows with the low parts of ids (ascending, as long)
// and appends their chunks to chunks.
func appendChunks(lows []uint16, chunks []idChunk, ids []int32) []idChunk {
	first := len(chunks)
	for k, id := range ids {
		lows[k] = uint16(id)
		hi := uint32(id) >> 16
		if n := len(chunks); n == first || chunks[n-1].hi != hi {
			chunks = append(chunks, idChunk{hi: hi})
		}
		chunks[len(chunks)-1].end = uint32(k + 1)
	}
	return chunks
}

// len returns the number of IDs.
func (l idList) len() int { return len(l.lows) }

// at returns the k-th ID.
func (l idList) at(k int) int32 {
	c := 0
	if len(l.chunks) > 1 {
		c = sort.Search(len(l.chunks), func(i int) bool { return int(l.chunks[i].end) > k })
	}
	return int32(l.chunks[c].hi<<16 | uint32(l.lows[k]))
}

// appendTo appends the IDs to dst.
func (l idList) appendTo(dst []int32) []int32 {
	from := 0
	for _, c := range l.chunks {
		hi := c.hi << 16
		for _, lo := range l.lows[from:c.end] {
			dst = append(dst, int32(hi|uint32(lo)))
		}
		from = int(c.end)
	}
	return dst
}

// search returns where id is or would be in the list, and whether it is
// there, as slices.BinarySearch does on the IDs.
func (l idList) search(id int32) (int, bool) {
	if id < 0 {
		return 0, false
	}
	hi := uint32(id) >> 16
	from := 0
	for _, c := range l.chunks {
		if c.hi > hi {
			break
		}
		if c.hi == hi {
			k, found := slices.BinarySearch(l.lows[from:c.end], uint16(id))
			return from + k, found
		}
		from = int(c.end)
	}
	return from, false
}

// packedTerms is a term index (see termIndex) whose lists are idLists,
// cut from two arrays: half the bytes of a termIndex, for the large ones
// (quotes, events, deadlines). Its lists are the same as the termIndex's
// it was packed from.
type packedTerms struct {
	num    map[string]int32 // term → its number t
	at     []uint32         // term t's lows are lows[at[t]:at[t+1]]
	lows   []uint16
	chunk  []uint32 // term t's chunks are chunks[chunk[t]:chunk[t+1]], ends from at[t]
	chunks []idChunk
}

// packTerms packs t, numbering its terms in sorted order.
func packTerms(t termIndex) packedTerms {
	names := make([]string, 0, len(t))
	n := 0
	for w, ids := range t {
		if len(ids) > 0 {
			names = append(names, w)
			n += len(ids)
		}
	}
	slices.Sort(names)
	p := packedTerms{
		num:   make(map[string]int32, len(names)),
		at:    make([]uint32, len(names)+1),
		lows:  make([]uint16, n),
		chunk: make([]uint32, len(names)+1),
	}
	for k, w := range names {
		ids := t[w]
		p.num[w] = int32(k)
		from := p.at[k]
		p.at[k+1] = from + uint32(len(ids))
		p.chunks = appendChunks(p.lows[from:p.at[k+1]], p.chunks, ids)
		p.chunk[k+1] = uint32(len(p.chunks))
	}
	p.chunks = exact(p.chunks)
	return p
}

// get returns the list of term w, empty when it has none.
func (p *packedTerms) get(w string) idList {
	t, ok := p.num[w]
	if !ok {
		return idList{}
	}
	return idList{lows: p.lows[p.at[t]:p.at[t+1]:p.at[t+1]], chunks: p.chunks[p.chunk[t]:p.chunk[t+1]:p.chunk[t+1]]}
}

// each calls f with every term and its list, in term order.
func (p *packedTerms) each(f func(w string, ids idList)) {
	names := make([]string, len(p.num))
	for w, t := range p.num {
		names[t] = w
	}
	for _, w := range names {
		f(w, p.get(w))
	}
}

// unpack returns the index as a termIndex.
func (p *packedTerms) unpack() termIndex {
	out := make(termIndex, len(p.num))
	p.each(func(w string, ids idList) { out[w] = ids.appendTo(nil) })
	return out
}

// counts is termIndex.counts.
func (p *packedTerms) counts(q []string) map[int32]int {
	count := map[int32]int{}
	var buf []int32
	for _, w := range q {
		buf = p.get(w).appendTo(buf[:0])
		for _, id := range buf {
			count[id]++
		}
	}
	return count
}

// best is termIndex.best.
func (p *packedTerms) best(q []string) (ids []int32, matched int) {
	return bestOf(p.counts(q))
}

// bestSorted is termIndex.bestSorted: the IDs holding the most query
// terms (at least one), and how many they hold. One matching term
// returns its list as the index keeps it.
func (p *packedTerms) bestSorted(q []string) (ids idList, matched int) {
	var hit []string
	for _, w := range q {
		if p.get(w).len() > 0 {
			hit = append(hit, w)
		}
	}
	switch len(hit) {
	case 0:
		return idList{}, 0
	case 1:
		return p.get(hit[0]), 1
	}
	var acc []counted
	var buf []int32
	for _, w := range hit {
		buf = p.get(w).appendTo(buf[:0])
		acc = mergeCounted(acc, buf)
	}
	best, n := mostCounted(acc)
	return packIDs(best), n
}

// holds is termIndex.holds.
func (p *packedTerms) holds(q []string, id int) int {
	n := 0
	for _, w := range q {
		if _, ok := p.get(w).search(int32(id)); ok {
			n++
		}
	}
	return n
}
