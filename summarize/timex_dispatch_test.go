package summarize

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// dispatchWords are the first words match sends straight to the rules
// that can start with them.
var dispatchWords = []string{"the", "that", "in", "a", "an"}

// TestMatchDispatchTables checks what match's dispatch rests on: none of
// its first words is a number, an edge word, a month, a weekday or a
// count word, so periodEdge (but for "the"), relative, duration (but for
// "in", "a" and "an") and date cannot start with them.
func TestMatchDispatchTables(t *testing.T) {
	for _, w := range dispatchWords {
		if _, ok := digitsValue(w); ok {
			t.Errorf("%q reads as a number", w)
		}
		if edgeWords[w] {
			t.Errorf("%q is an edge word", w)
		}
		if _, ok := monthNames[w]; ok {
			t.Errorf("%q is a month", w)
		}
		if _, ok := monthAbbrs[w]; ok {
			t.Errorf("%q is a month abbreviation", w)
		}
		if _, ok := weekdayNames[w]; ok {
			t.Errorf("%q is a weekday", w)
		}
		if _, ok := countWords[w]; ok {
			t.Errorf("%q is a count word", w)
		}
	}
}

// TestMatchDispatch checks match against matchRules, which tries every
// rule, at every token of the devset, the seed, the deadline phrases and
// sentences made to start expressions with the dispatched words, with and
// without a published date, reading backward and forward.
func TestMatchDispatch(t *testing.T) {
	var texts []string
	for _, a := range devsetArticles(t) {
		for _, s := range Sentences(a.Body) {
			texts = append(texts, s.Text)
		}
	}
	for _, s := range Sentences(seedArticle(t).Body) {
		texts = append(texts, s.Text)
	}
	if data, err := os.ReadFile(filepath.Join("testdata", "deadlines", "phrases.txt")); err == nil {
		texts = append(texts, strings.Split(string(data), "\n")...)
	}
	texts = append(texts,
		"In the next two weeks, in 10 days, within a month, in a fortnight, in the coming days.",
		"The end of March, the beginning of 2025, the middle of next year, the start of the week.",
		"That same month, that week, that year's vote, the same day, the following week, the next month, the previous year.",
		"A week ago, an hour later, a year-long ban, a 30-day deadline, an 18-month plan, a decade.",
		"THE END OF JUNE, In Two Years, A Month, That Day, the 5th of May, in March 2024, in 2024.",
		"It will happen in two to three years; the deal, signed earlier that week, runs in 12 months.",
		"the the the in in a an that that same the same the following")
	pubs := []time.Time{time.Date(2025, 8, 6, 0, 0, 0, 0, time.UTC), {}}
	n := 0
	for _, text := range texts {
		for _, pub := range pubs {
			toks, low := tokenizeTimes(text)
			for _, force := range []int{0, dirFuture} {
				tg := &tagger{text: text, lowText: low, toks: toks, pub: pub, force: force}
				ref := &tagger{text: text, lowText: low, toks: toks, pub: pub, force: force}
				for i := range toks {
					got, gotOK := tg.match(i)
					want, wantOK := timex{}, false
					if ref.mayStart(i) {
						want, wantOK = ref.matchRules(i)
					}
					if gotOK != wantOK || got != want {
						t.Fatalf("%q token %d (%q): match = %+v %v, matchRules = %+v %v", text, i, tg.low(i), got, gotOK, want, wantOK)
					}
					n++
				}
			}
		}
	}
	if n < 10000 {
		t.Fatalf("only %d tokens checked", n)
	}
}
