package summarize

import (
	"bytes"
	"hash/maphash"
	"unicode"
	"unicode/utf8"
)

// normKey folds case and runs of other characters than letters and
// digits, for telling repeats apart: the words of strings.ToLower(s), split
// at every rune that is neither letter nor digit, joined by one space.
func normKey(s string) string {
	var arr [64]byte
	return string(appendNormKey(arr[:0], s))
}

// appendNormKey appends normKey(s) to dst and returns it. ASCII goes by
// table; another rune is lowercased with unicode.ToLower (as
// strings.ToLower does) and kept when the result is a letter or digit;
// invalid UTF-8 separates words, as the U+FFFD strings.ToLower writes for
// it does.
func appendNormKey(dst []byte, s string) []byte {
	start := len(dst)
	gap := false // a separator since the last word byte
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			l := normKeyASCII[c]
			if l == 0 {
				gap = true
				continue
			}
			if gap && len(dst) > start {
				dst = append(dst, ' ')
			}
			gap = false
			dst = append(dst, l)
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		l := unicode.ToLower(r)
		if r == utf8.RuneError && size == 1 || !unicode.IsLetter(l) && !unicode.IsDigit(l) {
			gap = true
			continue
		}
		if gap && len(dst) > start {
			dst = append(dst, ' ')
		}
		gap = false
		dst = utf8.AppendRune(dst, l)
	}
	return dst
}

// normKeyASCII maps an ASCII letter or digit to its lower case, any other
// ASCII byte to 0.
var normKeyASCII = func() (t [utf8.RuneSelf]byte) {
	for c := range t {
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			t[c] = byte(c)
		case 'A' <= c && c <= 'Z':
			t[c] = byte(c + 'a' - 'A')
		}
	}
	return t
}()

// keySet numbers byte strings in the order they are first added, keeping
// them in one arena rather than one string each: buildStory tells repeated
// statements, deadlines and events apart with it. A key is found by its
// maphash and confirmed by its bytes, so two keys are one exactly when
// their bytes are equal: among the first keySmall keys by a scan of their
// hashes, beyond by a map from hash to key (probing the next hash values
// on a collision). The zero value is not ready: use newKeySet.
type keySet struct {
	seed   maphash.Seed
	hashes []uint64 // by key number
	ends   []int32  // where each key ends in arena
	arena  []byte
	slots  map[uint64]int32 // hash → key number, once the set holds keySmall keys; nil before
	hint   int              // how many keys the set may get
}

// keySmall is how many keys a keySet scans before it maps them: most
// stories have a few statements, deadlines and events.
const keySmall = 32

func newKeySet() *keySet {
	return &keySet{seed: maphash.MakeSeed()}
}

// reset empties the set, keeping its arena (a map is dropped rather than
// cleared: clearing costs its capacity, and a large story is followed by
// small ones); the set may then get up to hint keys.
func (s *keySet) reset(hint int) {
	s.hashes, s.ends, s.arena, s.slots, s.hint = s.hashes[:0], s.ends[:0], s.arena[:0], nil, hint
}

// add returns key's number, and whether key is new to the set.
func (s *keySet) add(key []byte) (int, bool) {
	h := maphash.Bytes(s.seed, key)
	if k, ok := s.lookup(h, key); ok {
		return k, false
	}
	k := len(s.ends)
	s.hashes = append(s.hashes, h)
	s.arena = append(s.arena, key...)
	s.ends = append(s.ends, int32(len(s.arena)))
	switch {
	case s.slots != nil:
		s.slot(h, k)
	case len(s.ends) == keySmall:
		s.slots = make(map[uint64]int32, max(s.hint, 2*keySmall))
		for k, h := range s.hashes {
			s.slot(h, k)
		}
	}
	return k, true
}

// slot maps hash h to key k, at the first free hash from h on.
func (s *keySet) slot(h uint64, k int) {
	for ; ; h++ {
		if _, taken := s.slots[h]; !taken {
			s.slots[h] = int32(k)
			return
		}
	}
}

// lookup returns the number of key, whose hash is h, if the set holds it.
func (s *keySet) lookup(h uint64, key []byte) (int, bool) {
	if s.slots == nil {
		for k, x := range s.hashes {
			if x == h && bytes.Equal(s.bytes(k), key) {
				return k, true
			}
		}
		return 0, false
	}
	for ; ; h++ {
		k, ok := s.slots[h]
		if !ok {
			return 0, false
		}
		if bytes.Equal(s.bytes(int(k)), key) {
			return int(k), true
		}
	}
}

// bytes returns key number k. The slice is valid until the next add.
func (s *keySet) bytes(k int) []byte {
	from := int32(0)
	if k > 0 {
		from = s.ends[k-1]
	}
	return s.arena[from:s.ends[k]:s.ends[k]]
}

// find returns key's number, and whether the set holds key.
func (s *keySet) find(key []byte) (int, bool) {
	return s.lookup(maphash.Bytes(s.seed, key), key)
}
