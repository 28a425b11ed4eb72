package summarize

import (
	"testing"
	"time"
)

// matchUnfiltered is tagger.match without the mayStart filter: every rule
// in order.
func (tg *tagger) matchUnfiltered(i int) (timex, bool) {
	for _, rule := range []func(int) (timex, bool){tg.periodEdge, tg.relative, tg.reference, tg.duration, tg.date} {
		if x, ok := rule(i); ok {
			return x, true
		}
	}
	return timex{}, false
}

// TestMayStartKeepsEveryMatch checks that the filter of the time tagger
// never refuses a token where a rule matches, on every sentence of the
// fuzz seeds (the phrase table, the quote conventions, the test articles)
// and three published dates, one of them none.
func TestMayStartKeepsEveryMatch(t *testing.T) {
	matches := 0
	for _, body := range fuzzSeedTexts(t) {
		for _, s := range Sentences(body) {
			for _, pub := range []time.Time{ymd(2025, 8, 6), ymd(2007, 12, 31), {}} {
				tg, _ := scanTimes(s.Text, pub)
				for i := range tg.toks {
					if _, ok := tg.matchUnfiltered(i); ok {
						matches++
						if !tg.mayStart(i) {
							t.Errorf("mayStart(%q) = false in %q, but a rule matches there", tg.str(i), s.Text)
						}
					}
				}
			}
		}
	}
	if matches < 100 {
		t.Errorf("only %d matches in the seeds: the check proves little", matches)
	}
}
