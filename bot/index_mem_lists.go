package bot

// compactLists moves every list of m into one array, each cut to its
// exact length (a full slice expression, so that appending to one copies
// it): what appending grew by doubling, in an allocation each, keeps no
// spare room. The lists and their order are unchanged; empty lists are
// left as they are.
func compactLists[K comparable, V any](m map[K][]V) {
	n := 0
	for _, xs := range m {
		n += len(xs)
	}
	flat := make([]V, n)
	at := 0
	for k, xs := range m {
		if len(xs) == 0 {
			continue
		}
		end := at + copy(flat[at:], xs)
		m[k] = flat[at:end:end]
		at = end
	}
}
