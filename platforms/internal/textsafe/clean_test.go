package textsafe

import (
	"strings"
	"testing"
)

func TestClean(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text, nothing to do", "plain text, nothing to do"},
		{"lines\nand\ttabs stay", "lines\nand\ttabs stay"},
		{"\x1b[31mred\x1b[0m", "[31mred[0m"},
		{"bell\x07 and del\x7f", "bell and del"},
		{"c1 \u0085next \u009bcsi", "c1 next csi"},
		{"bidi \u202eevil\u202c and \u2066isolate\u2069", "bidi evil and isolate"},
		{"bad \xff\xfe utf8", "bad \uFFFD utf8"},
		{"zero\u200bwidth stays", "zero\u200bwidth stays"},
		{"ünïcödé ✓", "ünïcödé ✓"},
	}
	for _, tt := range tests {
		if got := Clean(tt.in); got != tt.want {
			t.Errorf("Clean(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestIsCleanAgreesWithMap holds the byte-at-a-time fast path to the rune
// mapping it stands in for: whenever it says clean, mapping changes nothing.
func TestIsCleanAgreesWithMap(t *testing.T) {
	var b strings.Builder
	for r := rune(0); r < 0x3000; r++ {
		b.Reset()
		b.WriteString("a")
		b.WriteRune(r)
		b.WriteString("z")
		s := b.String()
		slow := strings.Map(func(r rune) rune { return r }, s)
		if isClean(s) && Clean(s) != slow {
			t.Errorf("isClean(%q) is true but Clean changes it", s)
		}
		if !isClean(s) && Clean(s) == s {
			t.Errorf("isClean(%q) is false but Clean leaves it unchanged", s)
		}
	}
}
