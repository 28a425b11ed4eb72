package summarize

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// referenceInitials is initials as first written, with strings.FieldsFunc
// and a builder.
func referenceInitials(name string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '-' }) {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) && !strings.EqualFold(w, "The") {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// TestInitialsMatchReference holds initials to referenceInitials on names
// of every shape: hyphens and spaces in runs, lower-case and accented
// words, "The" in any case, invalid bytes and the entities of the devset.
func TestInitialsMatchReference(t *testing.T) {
	names := []string{"", " ", "-", "World Ocean Fund", "The World Bank", "THE Bank of england", "Coca-Cola",
		"Ärzte ohne Grenzen", "Élysée  Palace", "--Anglo--American- ", "theatre The The", "Ωmega Δelta",
		"\xffBad \xc3 Bytes", "a b c", "İstanbul Şirket", "ǅemal Ǉub"}
	for _, a := range devsetArticles(t) {
		for _, p := range Analyze(a).People {
			names = append(names, p.Name)
			names = append(names, p.Aliases...)
		}
	}
	for _, n := range names {
		if got, want := initials(n), referenceInitials(n); got != want {
			t.Errorf("initials(%q) = %q, want %q", n, got, want)
		}
	}
}
