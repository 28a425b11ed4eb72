package summarize

import "unsafe"

// lexTable is a read-only map from short words to values, for the lookups
// made at every token: open addressing over a table four times the size of
// the map, with a hash of the length and three bytes of the word, so that
// a lookup costs a few loads and one string comparison rather than a
// map's hashing of the whole word. It answers as the map it was built from
// does.
type lexTable[V comparable] struct {
	keys []string
	vals []V
	mask uint32
}

// wordTable is a lexTable of small values: flags, or 1 for a set.
type wordTable = lexTable[uint8]

// newLexTable returns the table of m's keys and values. The empty word is
// left out: lookups of it report false.
func newLexTable[V comparable](m map[string]V) *lexTable[V] {
	size := 8
	for size < 4*len(m) {
		size *= 2
	}
	t := &lexTable[V]{keys: make([]string, size), vals: make([]V, size), mask: uint32(size - 1)}
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

// newWordTable returns the table of m's keys and values.
func newWordTable(m map[string]uint8) *wordTable { return newLexTable(m) }

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

// has reports whether w is in the table with a value other than V's zero:
// m[w] for a set m of type map[string]bool.
func (t *lexTable[V]) has(w string) bool {
	v, _ := t.get(w)
	var zero V
	return v != zero
}

// at returns the value of w, V's zero when w is not in the table: m[w]
// for the map m the table was built from.
func (t *lexTable[V]) at(w string) V {
	v, _ := t.get(w)
	return v
}

// atBytes is at for a word held in bytes, which it neither keeps nor
// copies.
func (t *lexTable[V]) atBytes(w []byte) V {
	return t.at(unsafe.String(unsafe.SliceData(w), len(w)))
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
func (t *lexTable[V]) get(w string) (V, bool) {
	if w != "" {
		for i := wordHash(w) & t.mask; ; i = (i + 1) & t.mask {
			switch k := t.keys[i]; {
			case k == "":
				var zero V
				return zero, false
			case k == w:
				return t.vals[i], true
			}
		}
	}
	var zero V
	return zero, false
}

// unionSet returns the set of the words of sets, for one lookup in place
// of one in each.
func unionSet(sets ...map[string]bool) map[string]bool {
	out := map[string]bool{}
	for _, s := range sets {
		for w, in := range s {
			if in {
				out[w] = true
			}
		}
	}
	return out
}
