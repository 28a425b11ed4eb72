package summarize

import (
	"strings"
	"testing"
	"unicode"
)

// TestASCIIClassMatchesUnicode holds the byte table to the unicode
// predicates it stands for on every ASCII byte, and checks that no byte
// from 0x80 up is in a class (those must be decoded).
func TestASCIIClassMatchesUnicode(t *testing.T) {
	for c := 0; c < 256; c++ {
		cl := asciiClass[c]
		if c >= 0x80 {
			if cl != 0 {
				t.Errorf("asciiClass[%#x] = %b, want 0", c, cl)
			}
			continue
		}
		r := rune(c)
		for _, tt := range []struct {
			name string
			bit  uint8
			want bool
		}{
			{"lower", cLower, unicode.IsLower(r)},
			{"upper", cUpper, unicode.IsUpper(r)},
			{"digit", cDigit, unicode.IsDigit(r)},
			{"space", cSpace, unicode.IsSpace(r)},
			{"join", cJoin, strings.ContainsRune("-.&'`,%", r)},
		} {
			if got := cl&tt.bit != 0; got != tt.want {
				t.Errorf("asciiClass[%q] %s = %v, want %v", r, tt.name, got, tt.want)
			}
		}
		if got, want := cl&cAlnum != 0, unicode.IsLetter(r) || unicode.IsDigit(r); got != want {
			t.Errorf("asciiClass[%q] alnum = %v, want %v", r, got, want)
		}
	}
}

// TestLowerIntoMatchesToLower checks lowerInto against strings.ToLower on
// ASCII that fits the buffer, text that does not fit, and text that is not
// ASCII.
func TestLowerIntoMatchesToLower(t *testing.T) {
	for _, s := range append([]string{"", "A", "Apple Inc.", "already lower", strings.Repeat("Long Name ", 10),
		"İstanbul", "KELVIN \u212a", "bad \xff byte", "Ünïcödé"}, oddTexts...) {
		var buf [16]byte
		if got, want := lowerInto(s, buf[:]), strings.ToLower(s); got != want {
			t.Errorf("lowerInto(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestHasLastWord checks hasLastWord against strings.HasSuffix(s, " "+w).
func TestHasLastWord(t *testing.T) {
	for _, s := range []string{"", " ", "agency", "the agency", "news agency", "xagency", " agency", "agency ", "a b"} {
		for _, w := range []string{"", "agency", "b", "a b"} {
			if got, want := hasLastWord(s, w), strings.HasSuffix(s, " "+w); got != want {
				t.Errorf("hasLastWord(%q, %q) = %v, want %v", s, w, got, want)
			}
		}
	}
}
