package summarize

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzPeopleAndQuotes checks that any text, however broken, is split,
// registered and quoted without a panic, and that every quote is found in
// its article where it says: the words of its Text occur in the body in
// order from its Sentence on, the quote starting in that sentence (see
// foundFrom), and its Mention, white space runs read as one space, is
// words of the body. Pronouns and descriptions resolve
// without a panic in every sentence. Seeds: see fuzzSeedTexts.
func FuzzPeopleAndQuotes(f *testing.F) {
	for _, s := range fuzzSeedTexts(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		sents := Sentences(body)
		reg := newRegistry(sents)
		for _, q := range findQuotes(sents, reg) {
			if q.Sentence < 0 || q.Sentence >= len(sents) || q.Speaker == "" || q.Text == "" ||
				(q.Kind != Direct && q.Kind != Reported) {
				t.Fatalf("findQuotes(%q) gave %+v", body, q)
			}
			if !foundFrom(body, sents[q.Sentence], q.Text) {
				t.Fatalf("findQuotes(%q): text %q is not in the body from sentence %d %q", body, q.Text, q.Sentence, sents[q.Sentence].Text)
			}
			if q.Mention != "" && !strings.Contains(squeeze(body), squeeze(q.Mention)) {
				t.Fatalf("findQuotes(%q): mention %q is not in the body", body, q.Mention)
			}
		}
		reg.people()
		for s := range sents {
			reg.resolve("he", s)
			reg.resolve("the company", s)
			reg.resolve("US President Smith", s)
		}
	})
}

// foundFrom reports whether the quote text starts in sentence s and its
// words occur in body in order from s on. A quote's Text is not always one
// stretch of the body: the extractor drops the quotation marks of
// coordinated fragments ("‘reckless’ and ‘cruel’" → "reckless and cruel")
// and an attribution inside the clause, rejoining the rest with a comma
// or a space ("The plan, according to officials, will cost ..." → "The
// plan will cost ..."), and joins coordinated fragments with "and"
// whatever stood between them (a comma, "or", nothing), but it never
// adds another word, nor reorders or rewrites one (a run of letters and
// digits). It starts in s: its first character occurs
// in s, or s ends with the quotation mark that opens it and only white
// space and marks come between (`... be!!!" X ...`: the segmenter keeps
// a straight mark after a stop with the sentence before, the quote
// extractor may read it as an opening).
func foundFrom(body string, s Sentence, text string) bool {
	text = strings.TrimSpace(text)
	if text == "" {
		return false
	}
	first, _ := utf8.DecodeRuneInString(text)
	at := strings.IndexRune(body[s.Start:], first)
	if at < 0 || (s.Start+at >= s.End && !openedAtEnd(body, s, s.Start+at)) {
		return false
	}
	pos := s.Start
	for _, w := range words(text) {
		if w == "and" {
			continue // the joint of coordinated fragments: `"a""b"`, `‘a’ or ‘b’` → "a and b"
		}
		i := strings.Index(body[pos:], w)
		if i < 0 {
			return false
		}
		pos += i + len(w)
	}
	return true
}

// quoteMarks are the quotation marks a quote may open with.
const quoteMarks = "\"“‘'«„‹"

// openedAtEnd reports whether sentence s ends with a quotation mark and
// only white space and marks lie between its end and body[at].
func openedAtEnd(body string, s Sentence, at int) bool {
	last, _ := utf8.DecodeLastRuneInString(s.Text)
	gap := strings.TrimFunc(body[s.End:at], func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune(quoteMarks, r) })
	return strings.ContainsRune(quoteMarks, last) && gap == ""
}

// words returns the runs of letters and digits of s.
func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// squeeze turns every run of white space in s into one space and trims
// the ends.
func squeeze(s string) string { return strings.Join(strings.Fields(s), " ") }
