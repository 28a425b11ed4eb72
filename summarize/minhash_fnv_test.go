package summarize

import (
	"hash/fnv"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// minHashReference is minHash as first written, with hash/fnv: the
// inlined hash must give the same signatures, or stored reprint decisions
// and benchmarks would shift.
func minHashReference(text string) signature {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	if len(words) < shingleWords {
		return nil
	}
	sig := make(signature, minHashes)
	for i := range sig {
		sig[i] = ^uint64(0)
	}
	for i := 0; i+shingleWords <= len(words); i++ {
		h := fnv.New64a()
		for _, w := range words[i : i+shingleWords] {
			h.Write([]byte(w))
			h.Write([]byte{0})
		}
		x := h.Sum64()
		for k, ab := range minHashSeeds {
			v := x*ab[0] + ab[1]
			v = v>>32 | v<<32
			if v < sig[k] {
				sig[k] = v
			}
		}
	}
	return sig
}

func TestMinHashMatchesReference(t *testing.T) {
	for _, text := range []string{
		"",
		"too short to shingle",
		"The union gave the ministry ten days to answer its demands, the leader said on Monday.",
		"Ünïcödé wörds and “quotes” — dashes, 2025 numbers, and O'Brien's apostrophes count too here.",
	} {
		if got, want := minHash(text), minHashReference(text); !slices.Equal(got, want) {
			t.Errorf("minHash(%q) differs from hash/fnv reference", text)
		}
	}
}

// TestMinHashRandomTexts checks minHash against the reference on random
// texts mixing ASCII, capitals, accented and other scripts' letters,
// digits of other scripts, runes whose lower case differs in length, and
// invalid UTF-8; and that a reused shingler gives the same signatures.
func TestMinHashRandomTexts(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	pieces := []string{"the", "The", "UNION", "ÉTAT", "état", "Straße", "İstanbul", "ǅemal", "Ωmega", "ΣΑΣ", "١٢٣",
		"東京", "Kelvin\u212a", " ", "  ", ", ", ". ", "—", "\u00a0", "O'Brien", "2025", "\xff", "\xe2\x80", "\ufffd", "a\u0301", "\t\n"}
	var sh shingler
	for range 2000 {
		var b strings.Builder
		for range rng.IntN(40) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
			if rng.IntN(3) > 0 {
				b.WriteByte(' ')
			}
		}
		text := b.String()
		want := minHashReference(text)
		if got := minHash(text); !slices.Equal(got, want) {
			t.Fatalf("minHash(%q) differs from the reference", text)
		}
		if got := sh.minHash(text, make(signature, minHashes)); !slices.Equal(got, want) {
			t.Fatalf("a reused shingler's minHash(%q) differs from the reference", text)
		}
	}
}

// FuzzMinHash checks minHash against the reference on any text.
func FuzzMinHash(f *testing.F) {
	f.Add("The union gave the ministry ten days to answer its demands, the leader said on Monday.")
	f.Add("Ünïcödé wörds and “quotes” — dashes \xff, 2025 numbers, İstanbul ΣΑΣ")
	f.Fuzz(func(t *testing.T, text string) {
		if got, want := minHash(text), minHashReference(text); !slices.Equal(got, want) {
			t.Errorf("minHash(%q) differs from the reference", text)
		}
	})
}

// BenchmarkMinHash measures one signature of a 1,200-word article, and the
// first implementation for comparison.
func BenchmarkMinHash(b *testing.B) {
	text := wireText(80)
	b.SetBytes(int64(len(text)))
	b.Run("shingler", func(b *testing.B) {
		var sh shingler
		sig := make(signature, minHashes)
		for b.Loop() {
			sh.minHash(text, sig)
		}
	})
	b.Run("reference", func(b *testing.B) {
		for b.Loop() {
			minHashReference(text)
		}
	})
}
