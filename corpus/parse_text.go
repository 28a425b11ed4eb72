package corpus

import (
	"encoding/binary"
	"unicode/utf8"
	"unsafe"
)

// ownedText is validText for a buffer the caller hands over: data must not
// be written or reused afterwards, by anyone. When data is valid text it
// becomes the string without a copy (a loaded file's bytes are read into
// a buffer of their own, and copying 100,000 files' text again cost a
// third of a second and as many bytes as the corpus).
func ownedText(data []byte) (string, error) {
	if len(data) == 0 || controlBytes(data) != 0 || !utf8.Valid(data) {
		return validText(data)
	}
	return unsafe.String(&data[0], len(data)), nil
}

// controlBytes counts the ASCII control characters in data other than tab,
// line feed, vertical tab, form feed, carriage return and escape. It reads
// eight bytes at a time: a word with no byte under 0x20 and none equal to
// 0x7f (most words of text) is skipped whole, the others are counted byte
// by byte through controlTable.
func controlBytes(data []byte) int {
	const (
		ones  = 0x0101010101010101
		highs = 0x8080808080808080
	)
	n := 0
	for len(data) >= 8 {
		w := binary.LittleEndian.Uint64(data)
		// The classic tests "has a byte less than 0x20" and "has a zero
		// byte" (of w^0x7f…): each is exact about whether there is one.
		low := (w - 0x20*ones) &^ w & highs
		x := w ^ 0x7f*ones
		del := (x - ones) &^ x & highs
		if low|del != 0 {
			for _, c := range data[:8] {
				n += int(controlTable[c])
			}
		}
		data = data[8:]
	}
	for _, c := range data {
		n += int(controlTable[c])
	}
	return n
}

// controlTable holds 1 for the bytes controlBytes counts.
var controlTable = func() (t [256]uint8) {
	for c := range 0x20 {
		switch c {
		case '\t', '\n', '\v', '\f', '\r', 0x1b:
		default:
			t[c] = 1
		}
	}
	t[0x7f] = 1
	return t
}()
