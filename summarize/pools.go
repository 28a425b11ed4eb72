package summarize

import "sync"

// The token arrays of an analysis are its largest working memory (about 14
// and 10 times the article text) and die with it; Analyze hands them back
// here so that the next analysis reuses them rather than making the garbage
// collector run for them. An array is cleared before it is pooled, so a
// pooled array keeps no article text alive; an array of values without
// pointers (time tokens, mentions) keeps none anyway and is pooled as it
// is. The working memory of the registry (registry_scratch.go), of the
// summary ranking (summary_scratch.go), of the time tagger
// (timex_article.go), of the sentence splitter and of the quote finder
// (analysis_scratch.go) is pooled the same way, each whole.
var (
	docTokPool  sync.Pool // *[]tk
	timeTokPool sync.Pool // *[]timeToken: for the callers of scanArticleInto (Analyze pools a timeScratch)
	spanPool    sync.Pool // *[]nameSpan
	tfidfPool   sync.Pool // *tfidfScratch
	bytePool    sync.Pool // *[]byte: the joined text of a tdoc, the lowered sentences
	floatPool   sync.Pool // *[]float64: similarity matrices (a summary keeps its own in a rankScratch)
	countPool   sync.Pool // map[string]int: a chunker's capitalisation counts
	mrefPool    sync.Pool // *[]mref: the mentions of a registry
	lowPool     sync.Pool // *[]lowSent: the lowered sentences of an analysis
)

// regrown is the capacity of a new array replacing a pooled one of
// capacity old too small for n: at least twice old, so that articles of
// mixed sizes soon settle on an array that fits them all rather than
// replacing it at every larger one.
func regrown(old, n int) int { return max(n, 2*old) }

// pooledToks returns an empty token array with room for n tokens, reused
// when the pool has one large enough.
func pooledToks(n int) []tk {
	p, ok := docTokPool.Get().(*[]tk)
	if ok && cap(*p) >= n {
		return (*p)[:0]
	}
	if ok {
		n = regrown(cap(*p), n)
	}
	return make([]tk, 0, n)
}

// releaseToks clears toks and pools its array. The caller must not use
// toks, or any tdoc holding it, afterwards.
func releaseToks(toks []tk) {
	clear(toks)
	toks = toks[:0]
	docTokPool.Put(&toks)
}

// pooledTimeToks is pooledToks for time tokens.
func pooledTimeToks(n int) []timeToken {
	p, ok := timeTokPool.Get().(*[]timeToken)
	if ok && cap(*p) >= n {
		return (*p)[:0]
	}
	if ok {
		n = regrown(cap(*p), n)
	}
	return make([]timeToken, 0, n)
}

// releaseTimeToks pools the array of toks: the caller must not use toks,
// or any tagger holding it, afterwards. A time token holds no pointers
// (only offsets into its sentence), so a pooled array keeps no text alive
// without clearing.
func releaseTimeToks(toks []timeToken) {
	toks = toks[:0]
	timeTokPool.Put(&toks)
}

// pooledSpans is pooledToks for the name runs of a chunker.
func pooledSpans(n int) []nameSpan {
	p, ok := spanPool.Get().(*[]nameSpan)
	if ok && cap(*p) >= n {
		return (*p)[:0]
	}
	if ok {
		n = regrown(cap(*p), n)
	}
	return make([]nameSpan, 0, n)
}

// releaseSpans is releaseToks for name runs: the caller must not use
// spans, or the registry whose chunker holds them, afterwards.
func releaseSpans(spans []nameSpan) {
	spans = spans[:cap(spans)] // runs dropped while chunking lie past the end
	clear(spans)
	spans = spans[:0]
	spanPool.Put(&spans)
}

// pooledTfidf returns empty scratch memory for tfidf, reused when the pool
// has some.
func pooledTfidf() *tfidfScratch {
	if sc, ok := tfidfPool.Get().(*tfidfScratch); ok {
		return sc
	}
	return &tfidfScratch{ids: make(map[string]int32), gen: 1}
}

// releaseTfidf empties sc and pools it. Only ids and known hold pointers
// (to the stems of the stem cache, which outlives it anyway); ids is
// cleared, known kept for the next call. The word table holds offsets
// only, and is emptied by moving to the next generation.
func releaseTfidf(sc *tfidfScratch) {
	sc.reset()
	tfidfPool.Put(sc)
}

// reset empties sc for the next tfidf call. The words it knows from
// earlier calls stay: what the stem cache says of a word never changes.
func (sc *tfidfScratch) reset() {
	for _, g := range sc.touched {
		sc.local[g] = 0
	}
	clear(sc.ids)
	sc.touched, sc.df, sc.all, sc.texts = sc.touched[:0], sc.df[:0], sc.all[:0], nil
	sc.gen++
	if sc.gen == 0 { // wrapped: slots of an old generation could look current
		clear(sc.slots)
		sc.gen = 1
	}
}

// pooledBytes is pooledToks for byte arrays: the joined sentence text of
// a tdoc and the lower-case sentences, which Analyze hands back once
// shareBody has made the analysis point into neither.
func pooledBytes(n int) []byte {
	p, ok := bytePool.Get().(*[]byte)
	if ok && cap(*p) >= n {
		return (*p)[:0]
	}
	if ok {
		n = regrown(cap(*p), n)
	}
	return make([]byte, 0, n)
}

// releaseBytes clears b and pools its array. The caller must not use b,
// or any string made of its bytes, afterwards.
func releaseBytes(b []byte) {
	if cap(b) == 0 {
		return
	}
	b = b[:cap(b)]
	clear(b)
	b = b[:0]
	bytePool.Put(&b)
}

// pooledFloats returns an array of n zeros, reused when the pool has one
// large enough.
func pooledFloats(n int) []float64 {
	p, ok := floatPool.Get().(*[]float64)
	if ok && cap(*p) >= n {
		f := (*p)[:n]
		clear(f)
		return f
	}
	c := n
	if ok {
		c = regrown(cap(*p), n)
	}
	return make([]float64, n, c)
}

// releaseFloats pools the array of f. The caller must not use f, or any
// slice of its array, afterwards.
func releaseFloats(f []float64) {
	if cap(f) == 0 {
		return
	}
	floatPool.Put(&f)
}

// pooledCounts returns an empty map of counts by word, reused when the
// pool has one.
func pooledCounts() map[string]int {
	if m, ok := countPool.Get().(map[string]int); ok {
		return m
	}
	return map[string]int{}
}

// releaseCounts empties m and pools it: the caller must not use m
// afterwards.
func releaseCounts(m map[string]int) {
	clear(m)
	countPool.Put(m)
}

// pooledMrefs is pooledToks for mentions. A mention holds no pointers, so
// a pooled array needs no clearing.
func pooledMrefs(n int) []mref {
	p, ok := mrefPool.Get().(*[]mref)
	if ok && cap(*p) >= n {
		return (*p)[:0]
	}
	if ok {
		n = regrown(cap(*p), n)
	}
	return make([]mref, 0, n)
}

// releaseMrefs pools the array of ms: the caller must not use ms, or the
// registry whose mentions it holds, afterwards.
func releaseMrefs(ms []mref) {
	ms = ms[:0]
	mrefPool.Put(&ms)
}

// pooledLows returns an empty array of lowered sentences, reused when the
// pool has one (lowerSentencesInto grows it when it is too small).
func pooledLows() []lowSent {
	if p, ok := lowPool.Get().(*[]lowSent); ok {
		return (*p)[:0]
	}
	return nil
}

// releaseLows clears lows and pools its array. The caller must not use
// lows afterwards.
func releaseLows(lows []lowSent) {
	if cap(lows) == 0 {
		return
	}
	lows = lows[:cap(lows)]
	clear(lows)
	lows = lows[:0]
	lowPool.Put(&lows)
}
