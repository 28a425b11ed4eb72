package summarize

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// quoteOpenAfterRef is quoteOpenAfter as first written: rune by rune.
func quoteOpenAfterRef(open bool, text string) bool {
	for _, r := range text {
		switch r {
		case '“', '«', '„':
			open = true
		case '”', '»':
			open = false
		case '"':
			open = !open
		}
	}
	return open
}

// isBoilerplateRef is isBoilerplate as first written: every prefix tried.
func isBoilerplateRef(s string) bool {
	var buf [48]byte
	low := lowerInto(s[:min(len(s), len(buf))], buf[:])
	for _, p := range boilerplate {
		if !strings.HasPrefix(low, p) {
			continue
		}
		last, _ := utf8.DecodeLastRuneInString(p)
		next, _ := utf8.DecodeRuneInString(low[len(p):])
		if !unicode.IsLetter(last) || !unicode.IsLetter(next) {
			return true
		}
	}
	return byline(s)
}

// checkLineScanners holds quoteOpenAfter and isBoilerplate to their
// references on s.
func checkLineScanners(t *testing.T, s string) {
	t.Helper()
	for _, open := range []bool{false, true} {
		if got, want := quoteOpenAfter(open, s), quoteOpenAfterRef(open, s); got != want {
			t.Errorf("quoteOpenAfter(%v, %q) = %v, want %v", open, s, got, want)
		}
	}
	if got, want := isBoilerplate(s), isBoilerplateRef(s); got != want {
		t.Errorf("isBoilerplate(%q) = %v, want %v", s, got, want)
	}
}

// TestLineScannersMatchReference checks the scanners on the trait texts
// and on lines opening with every boilerplate prefix, whole or cut.
func TestLineScannersMatchReference(t *testing.T) {
	texts := traitTexts(t)
	for _, p := range boilerplate {
		texts = append(texts, p, p+" x", p+"x", strings.ToUpper(p)+" Reuters", p[:len(p)-1], "\xff"+p)
	}
	texts = append(texts, "", "\"", "“x", "«a» „b“ \"c", "\xe2\x80", "x\xe2\x80\x9c")
	for _, s := range texts {
		checkLineScanners(t, s)
	}
}
