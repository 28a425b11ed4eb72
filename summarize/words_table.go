package summarize

// wordTable is a read-only set of short words with a small value each,
// for the lookups made at every token: open addressing over a table four
// times the size of the set, with a hash of the length and three bytes
// of the word, so that a lookup costs a few loads and one string
// comparison rather than a map's hashing of the whole word. It answers
// as the map it was built from does.
type wordTable struct {
	keys []string
	vals []uint8
	mask uint32
}

// newWordTable returns the table of m's keys and values. The empty word
// is left out: lookups of it report false.
func newWordTable(m map[string]uint8) *wordTable {
	size := 8
	for size < 4*len(m) {
		size *= 2
	}
	t := &wordTable{keys: make([]string, size), vals: make([]uint8, size), mask: uint32(size - 1)}
	for w, v := range m {
		if w == "" {
			continue
		}
		i := wordHash(w) & t.mask
		for t.keys[i] != "" {
			i = (i + 1) & t.mask
		}
		t.keys[i], t.vals[i] = w, v
	}
	return t
}

// newWordSetTable is newWordTable for a set: the words m maps to true,
// each with the value 1.
func newWordSetTable(m map[string]bool) *wordTable {
	flags := make(map[string]uint8, len(m))
	for w, in := range m {
		if in {
			flags[w] = 1
		}
	}
	return newWordTable(flags)
}

// has reports whether w is in the table with a value other than 0.
func (t *wordTable) has(w string) bool {
	v, _ := t.get(w)
	return v != 0
}

// wordHash mixes the length and the first, second and last bytes of a
// non-empty word.
func wordHash(w string) uint32 {
	h := uint32(len(w))*0x9e3779b1 ^ uint32(w[0])<<16 ^ uint32(w[len(w)-1])<<8 ^ uint32(w[len(w)/2])
	h ^= h >> 13
	h *= 0x85ebca6b
	return h ^ h>>16
}

// get returns the value of w and whether w is in the table.
func (t *wordTable) get(w string) (uint8, bool) {
	if w == "" {
		return 0, false
	}
	for i := wordHash(w) & t.mask; ; i = (i + 1) & t.mask {
		switch k := t.keys[i]; {
		case k == "":
			return 0, false
		case k == w:
			return t.vals[i], true
		}
	}
}
