package summarize

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The scanners of summary_traits.go walk bytes by hand for speed; these
// tests hold them to the strings functions they stand for, on the devset's
// sentences and on random text full of the runes that matter (marks,
// non-ASCII digits and spaces, invalid bytes).

// traitTexts returns the devset's sentences and deterministic random text.
func traitTexts(t *testing.T) []string {
	t.Helper()
	arts := devsetArticles(t)
	var out []string
	for _, a := range arts {
		for _, s := range Sentences(a.Body) {
			out = append(out, s.Text)
		}
	}
	pieces := []string{"a", "Z", "7", "٣", " ", "\u00a0", "\u2003", "\t", "\n", ".", ",", "'", "’", "“", "”", "‘", "\"", "(",
		"[", "«", "İ", "é", "\xff", "\xe2\x80", "will", "We", "I'm", "1999", "2024", "3.5", "30,000", "also", "He", "?",
		"set", "to", "due", "in", "is", "next", "week", "'ll", " by the end of "}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 3000 {
		var b strings.Builder
		for range rng.IntN(20) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		out = append(out, b.String())
	}
	return out
}

func TestTraitScannersMatchStrings(t *testing.T) {
	for _, s := range traitTexts(t) {
		checkTraitScanners(t, s)
	}
}

// FuzzTraitScanners is TestTraitScannersMatchStrings on any text.
func FuzzTraitScanners(f *testing.F) {
	for _, s := range []string{"“We will,” he said.", "İ \xff 30,000 ’ll", "Due to be set to 1999."} {
		f.Add(s)
	}
	f.Fuzz(checkTraitScanners)
}

// checkTraitScanners holds the hand-written scanners to the strings
// functions on s.
func checkTraitScanners(t *testing.T, s string) {
	if got, want := wordCount(s), len(strings.Fields(s)); got != want {
		t.Errorf("wordCount(%q) = %d, want %d", s, got, want)
	}
	if got, want := scanAll(s, nextField), strings.Fields(s); !equalStrings(got, want) {
		t.Errorf("fields of %q: %q, want %q", s, got, want)
	}
	if got, want := scanAll(s, nextWord), strings.FieldsFunc(s, notWordRune); !equalStrings(got, want) {
		t.Errorf("words of %q: %q, want %q", s, got, want)
	}
	if f, c := capitalFields(s); f != len(strings.Fields(s)) || c != capitalFieldsRef(s) {
		t.Errorf("capitalFields(%q) = %d, %d, want %d, %d", s, f, c, len(strings.Fields(s)), capitalFieldsRef(s))
	}
	share, part := quoting(s)
	if wantShare, wantPart := referenceQuoting(s); share != wantShare || part != wantPart {
		t.Errorf("quoting(%q) = %v, %v, want %v, %v", s, share, part, wantShare, wantPart)
	}
	if got, want := hasFigure(s), hasFigureRef(s); got != want {
		t.Errorf("hasFigure(%q) = %v, want %v", s, got, want)
	}
	low, same := lowerSameWidth(s)
	if got, want := hasAheadPhrase(strings.ToLower(s)), hasAheadPhraseRef(strings.ToLower(s)); got != want {
		t.Errorf("hasAheadPhrase(%q) = %v, want %v", strings.ToLower(s), got, want)
	}
	if got, want := sentenceTraitsLow(s, low, same), sentenceTraitsRef(s); got != want {
		t.Errorf("traits of %q: %+v, want %+v", s, got, want)
	}
	checkLineScanners(t, s)
}

func scanAll(s string, next func(string, int) (string, int)) []string {
	var out []string
	for i := 0; ; {
		w, n := next(s, i)
		if w == "" {
			return out
		}
		out, i = append(out, w), n
	}
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// hasFigureRef is hasFigure as strings.FieldsFunc states it.
func hasFigureRef(s string) bool {
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsDigit(r) && r != '.' && r != ',' }) {
		f = strings.Trim(f, ".,")
		if f == "" || len(f) == 4 && (strings.HasPrefix(f, "19") || strings.HasPrefix(f, "20")) {
			continue
		}
		return true
	}
	return false
}

// sentenceTraitsRef is sentenceTraits written with the strings functions.
func sentenceTraitsRef(s string) traits {
	var t traits
	caps := 0
	for _, w := range strings.Fields(s) {
		if r, _ := utf8.DecodeRuneInString(strings.TrimLeft(w, "\"“‘'([")); t.words > 0 && unicode.IsUpper(r) {
			caps++
		}
		t.words++
	}
	t.names = caps >= 2
	t.question = strings.HasSuffix(strings.TrimRight(s, `"”’')]`), "?")
	t.quoteShare, t.quotePart = referenceQuoting(s)
	low := strings.ToLower(strings.TrimLeft(s, "\"“‘'([«"))
	for k, w := range strings.FieldsFunc(low, notWordRune) {
		f := wordFlags[w]
		if k == 0 && f&flagFirstPerson != 0 {
			t.quoteShare = 1
		}
		if k == 0 && f&flagOpener != 0 || k < 5 && w == "also" {
			t.dependent = true
		}
		t.number = t.number || f&flagFigure != 0
		t.ahead = t.ahead || f&flagAhead != 0
	}
	for _, p := range dependentPhrases {
		if len(low) > len(p) && strings.HasPrefix(low, p) && (low[len(p)] == ' ' || low[len(p)] == ',') {
			t.dependent = true
		}
	}
	t.number = t.number || hasFigureRef(s)
	t.ahead = t.ahead || hasAheadPhraseRef(low)
	return t
}

// hasAheadPhraseRef is hasAheadPhrase as a search of " "+low.
func hasAheadPhraseRef(low string) bool {
	for _, p := range aheadPhrases {
		if strings.Contains(" "+low, p) {
			return true
		}
	}
	return false
}

// capitalFieldsRef counts as sentenceTraits did with strings.Fields: the
// fields after the first whose first rune past opening marks is upper case.
func capitalFieldsRef(s string) int {
	caps := 0
	for i, w := range strings.Fields(s) {
		if r, _ := utf8.DecodeRuneInString(strings.TrimLeft(w, "\"“‘'([")); i > 0 && unicode.IsUpper(r) {
			caps++
		}
	}
	return caps
}
