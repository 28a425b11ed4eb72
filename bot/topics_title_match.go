package bot

import "slices"

// firstHoldingAll returns the lowest two IDs whose postings hold every
// term of q (ids[:n], n at most 2). It walks the shortest list, searching
// the others from where the last search stopped, and stops at the second:
// a common word costs searches per ID of the rarest word, not a merge.
func (t termIndex) firstHoldingAll(q []string) (ids [2]int32, n int) {
	if len(q) == 0 {
		return ids, 0
	}
	lists := make([][]int32, 0, len(q))
	for _, w := range q {
		ps := t[w]
		if len(ps) == 0 {
			return ids, 0
		}
		lists = append(lists, ps)
	}
	slices.SortFunc(lists, func(a, b []int32) int { return len(a) - len(b) })
	rest := lists[1:]
outer:
	for _, id := range lists[0] {
		for k, ps := range rest {
			j, ok := slices.BinarySearch(ps, id)
			rest[k] = ps[j:]
			if len(rest[k]) == 0 {
				break outer
			}
			if !ok {
				continue outer
			}
		}
		ids[n] = id
		if n++; n == 2 {
			break
		}
	}
	return ids, n
}

// hashNorm is the FNV-1a hash of a normalised text (normName).
func hashNorm(norm string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(norm); i++ {
		h = (h ^ uint64(norm[i])) * fnvPrime
	}
	return h
}

// hasKey reports whether m holds k.
func hasKey[K comparable, V any](m map[K]V, k K) bool {
	_, ok := m[k]
	return ok
}
