package corpus

import (
	"fmt"
	"hash/maphash"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
)

// refFold is the fold as first written, rune by rune.
func refFold(body string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.TrimSpace(body) {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// foldPieces are what the random bodies of TestFoldRandom are made of:
// plain words, capitals, every kind of white space, control bytes,
// non-ASCII letters and spaces, invalid UTF-8, the bytes around the
// SWAR boundaries ('@' 'A' 'Z' '[' 0x1f 0x20 0x7f 0x80).
var foldPieces = []string{
	"the", "deal", "WAS", "Signed", "a", "b", " ", "  ", "   ", "\t", "\n", "\n\n", "\r\n", "\v", "\f",
	"\x00", "\x1f", "\x7f", "@", "[", "`", "{", "AZ", "az", "Ü", "ß", "Σ", "İ", "\u00a0", "\u0085",
	"\u2003", "\u3000", "\xff", "\xe2\x80", ".", ",", "0123456789", "Storm closes AIRPORT.",
}

func TestFoldRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	f := new(folder)
	for n := range 20000 {
		var b strings.Builder
		for range rng.IntN(40) {
			b.WriteString(foldPieces[rng.IntN(len(foldPieces))])
		}
		s := b.String()
		if got, want := string(f.folded(s)), refFold(s); got != want {
			t.Fatalf("case %d: fold(%q) = %q, want %q", n, s, got, want)
		}
	}
}

func TestFoldCases(t *testing.T) {
	f := new(folder)
	long := strings.Repeat("Words  AND\nmore words, ", 1000) // past the buffer, many times
	for _, s := range append(spaceCases, long, long[3:], " "+long+"\t", "ABCDEFGH IJKLMNOP", "abcdefg  hijklmn", "abcdefg \u00a0hijklmn", "abcdefgh       ") {
		if got, want := string(f.folded(s)), refFold(s); got != want {
			t.Errorf("fold(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestLowerWord(t *testing.T) {
	for c := range 0x80 {
		x := uint64(c) * ones
		want := uint64(unicode.ToLower(rune(c))) * ones
		if got := lowerWord(x); got != want {
			t.Errorf("lowerWord(%#x...) = %#x, want %#x", c, got, want)
		}
	}
}

// TestSameBodiesCollision makes every body hash alike: only the texts
// decide, so different texts stay apart and equal ones join the first.
func TestSameBodiesCollision(t *testing.T) {
	bodies := []string{"One text.", "Another text.", "ONE   text.", "A third.", "another\ntext.", "one text."}
	arts := make([]Article, len(bodies))
	for i, b := range bodies {
		arts[i] = Article{Body: b}
	}
	s := sameBodies{arts: arts, keys: make([]uint64, len(arts)), first: map[uint64]int{}}
	var got []string
	for i := range arts {
		j, ok := s.add(i)
		got = append(got, fmt.Sprint(j, ok))
	}
	want := []string{"0 false", "0 false", "0 true", "0 false", "1 true", "0 true"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("add = %v, want %v", got, want)
	}
}

// TestFoldHashes checks that equal folds hash alike under one seed.
func TestFoldHashes(t *testing.T) {
	arts := []Article{{Body: "The  DEAL\nwas signed."}, {Body: "the deal was signed."}, {Body: "the deals"}}
	k := foldHashes(arts, maphash.MakeSeed())
	if k[0] != k[1] || k[0] == k[2] {
		t.Errorf("foldHashes = %x", k)
	}
}

// BenchmarkDedupe dedupes 20,000 bodies of generated prose, a tenth of
// them copies.
func BenchmarkDedupe(b *testing.B) {
	rng := rand.New(rand.NewPCG(3, 4))
	words := strings.Fields("The council said on Monday that the Harbour bridge would close. Officials expect talks to resume; \"We will not wait,\" Okafor said.")
	arts := make([]Article, 20000)
	var text int64
	for i := range arts {
		if i%10 == 9 {
			arts[i] = Article{Body: strings.ToUpper(arts[i-5].Body)}
		} else {
			arts[i] = Article{Body: prose(rng, words, 800)}
		}
		text += int64(len(arts[i].Body))
	}
	b.SetBytes(text)
	for b.Loop() {
		if _, dups := Dedupe(arts); len(dups) != 2000 {
			b.Fatalf("%d duplicates", len(dups))
		}
	}
}

// BenchmarkFold folds generated prose (capitals, paragraphs, curly
// quotes) on one goroutine.
func BenchmarkFold(b *testing.B) {
	rng := rand.New(rand.NewPCG(5, 6))
	words := strings.Fields("The council said on Monday that the Harbour bridge would close. Officials expect talks to resume; “We will not wait,” Okafor said.")
	body := prose(rng, words, 100000)
	f := new(folder)
	var h maphash.Hash
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		h.Reset()
		f.fold(body, &h)
	}
}

// prose returns n of words picked at random, in paragraphs of 60.
func prose(rng *rand.Rand, words []string, n int) string {
	var sb strings.Builder
	for k := range n {
		sb.WriteString(words[rng.IntN(len(words))])
		if k%60 == 59 {
			sb.WriteString("\n\n")
		} else {
			sb.WriteByte(' ')
		}
	}
	return sb.String()
}
