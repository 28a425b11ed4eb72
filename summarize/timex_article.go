package summarize

import (
	"sync"
	"time"
)

// sentTimes is the time expressions of one sentence with the tagger that
// found them (its tokens and tense marks), as scanTimes returns them.
type sentTimes struct {
	tg *tagger
	xs []timex
}

// scanArticle tags the time expressions of every sentence once, for the
// deadline finder and the event finder to share. The result is read-only
// to its users: a user that rewrites an expression (the deadline finder
// reads one forward) works on a copy of xs (see sentenceMentionsIn). The only
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
	ts := &timeScratch{toks: buf}
	out := scanArticleIn(sents, lows, published, ts)
	return out, ts.toks
}

// timeScratch is the working memory of scanArticleIn: the time tokens of
// an article, the taggers of its sentences, their expressions, and the
// table of them it returns, which points into all of it.
type timeScratch struct {
	toks []timeToken // pointer-free: pooled as it is
	tgs  []tagger
	sts  []sentTimes
	xs   []timex
}

// scanArticleIn is scanArticleInto with every array it fills, the
// result's included, taken from ts's arrays when they have room and left
// in ts as filled (ts.toks must be empty). The result points into ts: the
// caller may reuse ts (releaseTimeScratch) only once it no longer uses the
// result.
func scanArticleIn(sents []Sentence, lows []lowSent, published time.Time, ts *timeScratch) []sentTimes {
	ts.sts = sized(ts.sts, len(sents))
	out := ts.sts
	if cap(ts.tgs) < len(sents) {
		ts.tgs = make([]tagger, len(sents), regrown(cap(ts.tgs), len(sents))) // one allocation, not one a sentence
	}
	tgs := ts.tgs[:len(sents)]
	// One token array for the article, each sentence a capped window of
	// it: one allocation, not one a sentence. When it grows the earlier
	// windows keep the old array, which is never written again. The
	// expressions are laid out the same way.
	buf := ts.toks
	if buf == nil {
		buf = make([]timeToken, 0, timeTokCap(sents))
	}
	xs := ts.xs[:0]
	for i, s := range sents {
		from := len(buf)
		low, same := lowerOf(lows, i, s.Text)
		var lowText string
		buf, lowText = appendTimeTokensLow(buf, s.Text, low, same)
		out[i].tg = &tgs[i]
		xfrom := len(xs)
		xs = appendTokenTimes(xs, out[i].tg, s.Text, lowText, buf[from:len(buf):len(buf)], published)
		if len(xs) > xfrom {
			out[i].xs = xs[xfrom:len(xs):len(xs)]
		}
	}
	ts.toks, ts.tgs, ts.xs = buf, tgs, xs
	return out
}

var timeScratchPool sync.Pool // *timeScratch

// pooledTimeScratch returns the working memory of scanArticleIn, reused
// when the pool has some, with a token array for sents.
func pooledTimeScratch(sents []Sentence) *timeScratch {
	ts, ok := timeScratchPool.Get().(*timeScratch)
	if !ok {
		ts = &timeScratch{}
	}
	if n := timeTokCap(sents); cap(ts.toks) < n {
		ts.toks = make([]timeToken, 0, regrown(cap(ts.toks), n))
	}
	ts.toks = ts.toks[:0]
	return ts
}

// releaseTimeScratch clears what of ts points to text and pools it. The
// caller must not use ts, or a result of scanArticleIn that points into
// it, afterwards.
func releaseTimeScratch(ts *timeScratch) {
	clear(ts.tgs[:cap(ts.tgs)])
	clear(ts.sts[:cap(ts.sts)])
	clear(ts.xs[:cap(ts.xs)])
	ts.toks, ts.tgs, ts.sts, ts.xs = ts.toks[:0], ts.tgs[:0], ts.sts[:0], ts.xs[:0]
	timeScratchPool.Put(ts)
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
