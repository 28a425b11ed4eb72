package summarize

import "slices"

// storyDups are the near-duplicate pairs of a corpus (see nearDuplicates)
// by article: what story merging needs of the MinHash signatures to tell
// reprints apart, so neither it nor a StoryCache keeps the signatures.
type storyDups struct {
	start []int32 // article a's near-duplicates are mates[start[a]:start[a+1]]
	mates []int32 // each article's, ascending
}

// newStoryDups returns the near-duplicates of n articles given their
// pairs, in any order, each once.
func newStoryDups(n int, pairs [][2]int) storyDups {
	d := storyDups{start: make([]int32, n+1), mates: make([]int32, 2*len(pairs))}
	for _, p := range pairs {
		d.start[p[0]+1]++
		d.start[p[1]+1]++
	}
	for a := range n {
		d.start[a+1] += d.start[a]
	}
	fill := slices.Clone(d.start[:n])
	for _, p := range pairs {
		d.mates[fill[p[0]]] = int32(p[1])
		fill[p[0]]++
		d.mates[fill[p[1]]] = int32(p[0])
		fill[p[1]]++
	}
	for a := range n {
		slices.Sort(d.mates[d.start[a]:d.start[a+1]])
	}
	return d
}

// of returns article a's near-duplicates, ascending.
func (d storyDups) of(a int) []int32 { return d.mates[d.start[a]:d.start[a+1]] }

// normPairs returns pairs with each pair's lesser article first, sorted,
// each once.
func normPairs(pairs [][2]int) [][2]int {
	for k, p := range pairs {
		pairs[k] = [2]int{min(p[0], p[1]), max(p[0], p[1])}
	}
	slices.SortFunc(pairs, func(x, y [2]int) int {
		if x[0] != y[0] {
			return x[0] - y[0]
		}
		return x[1] - y[1]
	})
	return slices.Compact(pairs)
}

// copiesAmong returns which members (earliest first) reprint an earlier
// one: each member is a copy of the first earlier member that is no copy
// itself and whose MinHash signature agrees with it at duplicateJacc or
// more (one of mates(member), a near-duplicate), nil when none is.
func copiesAmong(members []int, mates func(int) []int32) map[int]int {
	var pos map[int]int // a member's place in members, once one has a near-duplicate
	for _, b := range members {
		if len(mates(b)) > 0 {
			pos = make(map[int]int, len(members))
			for y, a := range members {
				pos[a] = y
			}
			break
		}
	}
	if pos == nil {
		return nil
	}
	var copies map[int]int
	var earlier []int
	for x, b := range members {
		earlier = earlier[:0]
		for _, a := range mates(b) {
			if y, ok := pos[int(a)]; ok && y < x {
				earlier = append(earlier, y)
			}
		}
		slices.Sort(earlier)
		for _, y := range earlier {
			a := members[y]
			if _, isCopy := copies[a]; !isCopy {
				if copies == nil {
					copies = map[int]int{}
				}
				copies[b] = a
				break
			}
		}
	}
	return copies
}
