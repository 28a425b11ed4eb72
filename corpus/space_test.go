package corpus

import (
	"crypto/sha256"
	"strings"
	"testing"
)

// spaceCases are strings with every kind of white space collapseSpace
// and bodyKey fold.
var spaceCases = []string{
	"", " ", "a", " a", "a ", "a b", "a  b", "a\tb", "a\nb", "a\r\nb", "a\vb\fc",
	"  Storm   closes  airport ", "Storm closes airport", "a\u00a0b", "a\u0085b",
	"a\u2003b", "a\u3000b", "\u3000a", "ZÜRICH Straße", "ÀÉÎ õü", "a\xffb", "\xff \xfe",
	"ΣΊΣΥΦΟΣ", "İstanbul", "# Heading", "A\u2028B", "x  \t\n  y  z",
}

func TestCollapseSpace(t *testing.T) {
	for _, s := range spaceCases {
		want := strings.Join(strings.Fields(s), " ")
		if got := collapseSpace(s); got != want {
			t.Errorf("collapseSpace(%q) = %q, want %q", s, got, want)
		}
		if collapsed(s) && s != want {
			t.Errorf("collapsed(%q) = true, but it collapses to %q", s, want)
		}
	}
}

// TestCollapsesTo compares collapsesTo(s, want) with building the string,
// for every pair of cases and each case with its own collapsed form.
func TestCollapsesTo(t *testing.T) {
	wants := []string{"", "a", "a b", "a  b", " a", "Storm closes airport", "Storm closes", "ZÜRICH Straße", "a\xffb", "\xff \xfe"}
	for _, s := range spaceCases {
		for _, w := range append(wants, collapseSpace(s), s) {
			if got, want := collapsesTo(s, w), collapseSpace(s) == w; got != want {
				t.Errorf("collapsesTo(%q, %q) = %v, want %v", s, w, got, want)
			}
		}
	}
}

// refBodyKey is bodyKey as it was first written: the SHA-256 of the
// rune-by-rune fold.
func refBodyKey(body string) [32]byte { return sha256.Sum256([]byte(refFold(body))) }

func TestBodyKey(t *testing.T) {
	for _, s := range spaceCases {
		if bodyKey(s) != refBodyKey(s) {
			t.Errorf("bodyKey(%q) differs from the rune-by-rune key", s)
		}
	}
	if bodyKey("The  DEAL\nwas signed.") != bodyKey("the deal was signed.") {
		t.Error("bodyKey does not fold case and space")
	}
	if bodyKey("the deal") == bodyKey("the deals") {
		t.Error("bodyKey folds different texts together")
	}
}
