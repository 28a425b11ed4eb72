package corpus

import (
	"encoding/binary"
	"hash/maphash"
	"io"
	"math/bits"
	"runtime"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// folder folds a body for Dedupe: white space trimmed at both ends, each
// run of it (unicode.IsSpace) one space, letters lowercase
// (unicode.ToLower). The folded text streams through buf, so a folder
// allocates nothing per body; one folder serves one goroutine.
type folder struct {
	buf [4096]byte
}

// SWAR masks: a byte repeated in the eight bytes of a word.
const (
	ones   = 0x0101010101010101
	high   = 0x80 * ones // the top bit of each byte
	spaces = 0x20 * ones
)

// fold writes the folded body to w in pieces of at most len(f.buf) bytes.
// It reads eight bytes at a time: the plain ASCII text they start with
// (no control byte, no second space in a row) folds at once, its capitals
// lowered in one word; the byte that ends it folds alone, a rune at a
// time.
func (f *folder) fold(body string, w io.Writer) {
	buf := f.buf[:]
	n := 0
	space := false // a run of white space not yet written
	body = strings.TrimSpace(body)
	p := unsafe.Pointer(unsafe.StringData(body))
	for i := 0; i < len(body); {
		if n > len(buf)-16 { // room for a space and a word, or a space and a rune
			w.Write(buf[:n])
			n = 0
		}
		// Whole words of plain text: their loop carries no dependence on
		// the data but through predicted branches, so loads run ahead.
		for i+8 <= len(body) && n <= len(buf)-16 {
			x := binary.LittleEndian.Uint64(unsafe.Slice((*byte)(unsafe.Add(p, i)), 8))
			bad := oddBytes(x)
			if bad != 0 {
				// The plain bytes x starts with, then the odd one alone.
				if k := bits.TrailingZeros64(bad) >> 3; k > 0 {
					if space && byte(x) != ' ' {
						buf[n] = ' '
						n++
					}
					binary.LittleEndian.PutUint64(buf[n:n+8], lowerWord(x)) // the bytes past k are written over later
					n += k
					i += k
					if space = byte(x>>(8*(k-1))) == ' '; space { // it may start a run: leave it pending
						n--
					}
				}
				break
			}
			if space && byte(x) != ' ' {
				buf[n] = ' '
				n++
			}
			binary.LittleEndian.PutUint64(buf[n:n+8], lowerWord(x))
			n += 8
			i += 8
			if space = x>>56 == ' '; space {
				n--
			}
		}
		if i >= len(body) || n > len(buf)-16 {
			continue
		}
		c := body[i]
		if c < utf8.RuneSelf { // ASCII: unicode.IsSpace and ToLower by table
			i++
			if c = asciiFold[c]; c == foldSpace {
				space = true
				continue
			}
			if space {
				buf[n] = ' '
				n++
				space = false
			}
			buf[n] = c
			n++
			continue
		}
		r, size := utf8.DecodeRuneInString(body[i:])
		i += size
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			buf[n] = ' '
			n++
			space = false
		}
		n += utf8.EncodeRune(buf[n:], unicode.ToLower(r))
	}
	w.Write(buf[:n])
}

// oddBytes returns the top bit of each byte of x (eight bytes of text,
// little-endian) that does not fold to itself but for its case: a byte
// of a multi-byte rune, a control byte (tabs and line ends are among
// those), a space right after a space. Only its lowest set bit is
// exact: past the first byte of a rune a carry may mark or unmark a
// byte.
func oddBytes(x uint64) uint64 {
	control := ^(x + (0x80-0x20)*ones) & high // bytes under 0x20
	y := x ^ spaces
	space := ^((y + 0x7f*ones) | y) & high // bytes that are ' '
	return x&high | control | space&(space<<8)
}

// lowerWord returns x, eight ASCII bytes, with 'A'-'Z' lowered.
func lowerWord(x uint64) uint64 {
	atLeastA := (x + (0x80-'A')*ones) & high
	pastZ := (x + (0x80-'Z'-1)*ones) & high
	return x | (atLeastA&^pastZ)>>2 // 0x80>>2 is the 0x20 between the cases
}

// sliceWriter appends what is written to it.
type sliceWriter struct{ b []byte }

func (s *sliceWriter) Write(p []byte) (int, error) {
	s.b = append(s.b, p...)
	return len(p), nil
}

// folded returns body folded, for comparing two bodies whose hashes
// agree.
func (f *folder) folded(body string) []byte {
	w := &sliceWriter{b: make([]byte, 0, len(body))}
	f.fold(body, w)
	return w.b
}

// foldHashes returns a maphash (under seed) of each article's folded
// body, computed on runtime.GOMAXPROCS goroutines, all joined before it
// returns. Equal folded bodies hash the same; different ones almost
// never do, and Dedupe compares the texts when they do.
func foldHashes(arts []Article, seed maphash.Seed) []uint64 {
	keys := make([]uint64, len(arts))
	workers := min(runtime.GOMAXPROCS(0), len(arts)/64+1)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			f := new(folder)
			var h maphash.Hash
			h.SetSeed(seed)
			for i := w; i < len(arts); i += workers {
				h.Reset()
				f.fold(arts[i].Body, &h)
				keys[i] = h.Sum64()
			}
		})
	}
	wg.Wait()
	return keys
}
