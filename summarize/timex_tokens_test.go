package summarize

import (
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"
)

// TestTimeTokensLowerCase checks the lower case of every time token, with
// the sentence lowered for it or by an article's shared lowering: a word
// in lower case as strings.ToLower gives it, a mark as written, whether
// lowering the sentence kept every width or not.
func TestTimeTokensLowerCase(t *testing.T) {
	sents := []string{
		"The Mayor said on Monday, March 3, that it's due in 10 days.",
		"İstanbul will vote on 5 May.",             // 'İ' lowers to a shorter rune
		"The KELVIN SIGN \u212a differs by March.", // 'K' lowers to a longer one
		"Bad \xff byte Here by Friday.",            // invalid UTF-8
		"Ⓐ mark, then April 2026 — ⓐ again.",       // a mark that lower case changes
		"Ⓐ and İstanbul in June.",
		"",
	}
	for _, s := range sents {
		low, same := lowerSameWidth(s)
		toks, lowText := tokenizeTimes(s)
		arts := []Sentence{{Text: s}}
		scans, _ := scanArticleInto(arts, lowerSentences(arts), time.Time{}, nil)
		stg := scans[0].tg
		if len(stg.toks) != len(toks) {
			t.Fatalf("%q: %d tokens with shared lowering, %d without", s, len(stg.toks), len(toks))
		}
		tg := &tagger{text: s, lowText: lowText, toks: toks}
		for i := range toks {
			w := tg.str(i)
			want := w
			if r, _ := utf8.DecodeRuneInString(w); unicode.IsLetter(r) || unicode.IsDigit(r) {
				want = strings.ToLower(w)
			}
			if got := tg.low(i); got != want {
				t.Errorf("%q token %d %q: low %q, want %q (same %v, low %q)", s, i, w, got, want, same, low)
			}
			if got := stg.low(i); stg.str(i) != w || got != want {
				t.Errorf("%q token %d with shared lowering: %q, low %q, want %q, %q", s, i, stg.str(i), got, w, want)
			}
		}
	}
}
