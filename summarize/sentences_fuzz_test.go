package summarize

import (
	"strings"
	"testing"
)

// FuzzSentences checks the segmenter's contract on any text: no panic;
// every sentence is a non-empty, trimmed span of the body at its offsets
// (Text == body[Start:End]); sentences come in text order without
// overlapping; paragraphs are numbered 0, 1, ... without gaps; nothing
// but white space lies outside the sentences (the split is
// non-destructive); and no sentence holds a blank line (a sentence never
// crosses a paragraph).
func FuzzSentences(f *testing.F) {
	for _, s := range fuzzSeedTexts(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		checkSentences(t, body, Sentences(body))
	})
}

// checkSentences fails t when sents is not a faithful split of body.
func checkSentences(t *testing.T, body string, sents []Sentence) {
	t.Helper()
	prevEnd, prevPara := 0, -1
	for i, s := range sents {
		if s.Start < prevEnd || s.End < s.Start || s.End > len(body) {
			t.Fatalf("Sentences(%q)[%d] spans [%d,%d), after %d in a body of %d bytes", body, i, s.Start, s.End, prevEnd, len(body))
		}
		if s.Text == "" || s.Text != body[s.Start:s.End] || s.Text != strings.TrimSpace(s.Text) {
			t.Fatalf("Sentences(%q)[%d].Text = %q, body[%d:%d] = %q: want the same, trimmed and non-empty", body, i, s.Text, s.Start, s.End, body[s.Start:s.End])
		}
		if gap := body[prevEnd:s.Start]; strings.TrimSpace(gap) != "" {
			t.Fatalf("Sentences(%q) drops %q before sentence %d", body, gap, i)
		}
		if s.Para != prevPara && s.Para != prevPara+1 {
			t.Fatalf("Sentences(%q)[%d].Para = %d after paragraph %d", body, i, s.Para, prevPara)
		}
		if blankLine(s.Text) {
			t.Fatalf("Sentences(%q)[%d] = %q holds a blank line", body, i, s.Text)
		}
		prevEnd, prevPara = s.End, s.Para
	}
	if rest := body[prevEnd:]; strings.TrimSpace(rest) != "" {
		t.Fatalf("Sentences(%q) drops %q at the end", body, rest)
	}
}

// blankLine reports whether s holds a line of white space only between
// two line breaks.
func blankLine(s string) bool {
	lines := strings.Split(s, "\n")
	if len(lines) < 3 {
		return false
	}
	for _, l := range lines[1 : len(lines)-1] {
		if strings.TrimSpace(l) == "" {
			return true
		}
	}
	return false
}
