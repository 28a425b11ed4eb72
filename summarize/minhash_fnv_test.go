package summarize

import (
	"hash/fnv"
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
