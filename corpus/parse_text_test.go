package corpus

import (
	"math/rand/v2"
	"testing"
	"unsafe"
)

// controlBytesRef is controlBytes as it was written first, one byte at a
// time: the reference the word-at-a-time version must match.
func controlBytesRef(data []byte) int {
	n := 0
	for _, c := range data {
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r' && c != 0x1b) || c == 0x7f {
			n++
		}
	}
	return n
}

func TestControlBytesMatchesReference(t *testing.T) {
	// Every byte value at every place in a word, among plain text.
	for c := range 256 {
		for at := range 17 {
			data := []byte("The minister said the deadline was Friday.")[:17]
			data[at%len(data)] = byte(c)
			if got, want := controlBytes(data), controlBytesRef(data); got != want {
				t.Fatalf("byte %#x at %d: %d control bytes, want %d", c, at, got, want)
			}
		}
	}
	// Random buffers, dense in the bytes near the edges of the tests.
	edges := []byte{0x00, 0x01, 0x09, 0x0a, 0x1b, 0x1f, 0x20, 0x21, 0x7e, 0x7f, 0x80, 0x9f, 0xa0, 0xff, 'a', ' '}
	r := rand.New(rand.NewPCG(1, 2))
	for range 5000 {
		data := make([]byte, r.IntN(70))
		for i := range data {
			data[i] = edges[r.IntN(len(edges))]
		}
		if got, want := controlBytes(data), controlBytesRef(data); got != want {
			t.Fatalf("%q: %d control bytes, want %d", data, got, want)
		}
	}
}

func TestOwnedText(t *testing.T) {
	for _, in := range []string{
		"",
		"plain text\nover two lines\n",
		"caf\xc3\xa9 and \xe2\x80\x9cquotes\xe2\x80\x9d",
		"bad \xff byte among many good ones, which validText replaces with U+FFFD",
		"a bell \x07 among many good bytes, which is counted but kept as it is",
		"\x00\x01\x02\x03",
	} {
		want, wantErr := validText([]byte(in))
		data := []byte(in)
		got, err := ownedText(data)
		if got != want || (err == nil) != (wantErr == nil) {
			t.Errorf("ownedText(%q) = %q, %v; validText gives %q, %v", in, got, err, want, wantErr)
		}
	}
	// Valid text is the buffer itself, not a copy.
	data := []byte("the buffer becomes the string")
	if got, _ := ownedText(data); unsafe.StringData(got) != &data[0] {
		t.Error("ownedText copied valid text")
	}
}

func BenchmarkControlBytes(b *testing.B) {
	data := make([]byte, 64<<10)
	for i := range data {
		data[i] = "The minister said on Friday that the deadline stands.\n"[i%54]
	}
	for _, f := range []struct {
		name  string
		count func([]byte) int
	}{{"words", controlBytes}, {"bytes", controlBytesRef}} {
		b.Run(f.name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				f.count(data)
			}
		})
	}
}
