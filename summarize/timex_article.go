package summarize

import "time"

// sentTimes is the time expressions of one sentence with the tagger that
// found them (its tokens and tense marks), as scanTimes returns them.
type sentTimes struct {
	tg *tagger
	xs []timex
}

// scanArticle tags the time expressions of every sentence once, for the
// deadline finder and the event finder to share. The result is read-only
// to its users: a user that rewrites an expression (the deadline finder
// reads one forward) works on a copy of xs (see sentTimes.own). The only
// write left is a tagger's tense marks, found on first use (tagger.tense):
// share the result within one goroutine, as Analyze does.
func scanArticle(sents []Sentence, published time.Time) []sentTimes {
	out := make([]sentTimes, len(sents))
	size := 0
	for _, s := range sents {
		size += len(s.Text)
	}
	// One token array for the article, each sentence a capped window of
	// it: one allocation, not one a sentence. When it grows the earlier
	// windows keep the old array, which is never written again.
	buf := make([]timeToken, 0, size/4+len(sents))
	for i, s := range sents {
		from := len(buf)
		buf = appendTimeTokens(buf, s.Text)
		out[i].tg, out[i].xs = scanTokens(s.Text, buf[from:len(buf):len(buf)], published)
	}
	return out
}

// own returns a copy of the sentence's expressions that the caller may
// change without touching the shared scan.
func (st sentTimes) own() []timex {
	if len(st.xs) == 0 {
		return nil
	}
	return append([]timex(nil), st.xs...)
}
