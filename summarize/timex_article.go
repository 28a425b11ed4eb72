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
// writes left are a tagger's tense marks and published day, found on
// first use (tagger.tense, tagger.today): share the result within one
// goroutine, as Analyze does.
func scanArticle(sents []Sentence, published time.Time) []sentTimes {
	out, _ := scanArticleInto(sents, nil, published, nil)
	return out
}

// scanArticleInto is scanArticle with the sentences in lower case (lows,
// from lowerSentences; nil to lower them here) and the token array taken
// from buf's (which must be empty; nil to allocate one). It also returns
// the array as filled, which the result's taggers hold: the caller may
// reuse it only once it no longer uses the result.
func scanArticleInto(sents []Sentence, lows []lowSent, published time.Time, buf []timeToken) ([]sentTimes, []timeToken) {
	out, buf, _ := scanArticleIn(sents, lows, published, buf, nil)
	return out, buf
}

// scanArticleIn is scanArticleInto with the taggers held in tgs's array
// when it has room for one a sentence (an empty slice; nil to allocate
// one). It also returns that array, which the result points into: the
// caller may reuse it only once it no longer uses the result.
func scanArticleIn(sents []Sentence, lows []lowSent, published time.Time, buf []timeToken, tgs []tagger) ([]sentTimes, []timeToken, []tagger) {
	out := make([]sentTimes, len(sents))
	if cap(tgs) < len(sents) {
		tgs = make([]tagger, len(sents)) // one allocation, not one a sentence
	}
	tgs = tgs[:len(sents)]
	// One token array for the article, each sentence a capped window of
	// it: one allocation, not one a sentence. When it grows the earlier
	// windows keep the old array, which is never written again.
	if buf == nil {
		buf = make([]timeToken, 0, timeTokCap(sents))
	}
	for i, s := range sents {
		from := len(buf)
		low, same := lowerOf(lows, i, s.Text)
		var lowText string
		buf, lowText = appendTimeTokensLow(buf, s.Text, low, same)
		out[i].tg = &tgs[i]
		out[i].xs = scanTokensInto(out[i].tg, s.Text, lowText, buf[from:len(buf):len(buf)], published)
	}
	return out, buf, tgs
}

// timeTokCap is room for the time tokens of sents: news text has about one
// every five bytes.
func timeTokCap(sents []Sentence) int {
	size := 0
	for _, s := range sents {
		size += len(s.Text)
	}
	return size/4 + len(sents)
}

// own returns a copy of the sentence's expressions that the caller may
// change without touching the shared scan.
func (st sentTimes) own() []timex {
	if len(st.xs) == 0 {
		return nil
	}
	return append([]timex(nil), st.xs...)
}
