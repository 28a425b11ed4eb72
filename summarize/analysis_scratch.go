package summarize

import "sync"

// The working memory of the sentence splitter and the quote finder,
// pooled between analyses like the rest (pools.go), and the helpers that
// size the arrays of pooled memory and of results.

// sentScratch is the working memory of Sentences: the lines and
// paragraphs of the body, and the sentences before they are copied to an
// array of their exact number.
type sentScratch struct {
	lines []paraLine
	paras [][2]int
	sents []Sentence // cleared before pooling: its texts are the body's
}

var sentPool sync.Pool // *sentScratch

// pooledSentScratch returns the working memory of Sentences, reused when
// the pool has some.
func pooledSentScratch() *sentScratch {
	if sc, ok := sentPool.Get().(*sentScratch); ok {
		return sc
	}
	return &sentScratch{}
}

// dedupeScan is the number of quotes up to which dedupe looks back at the
// quotes it kept rather than building a map.
const dedupeScan = 32

// quoteScratch is the working memory of findQuotes: the frames of the
// article, its attributed direct quotations and its quotes before they
// are copied out.
type quoteScratch struct {
	frames []*frame     // into a registry's frames: cleared before pooling
	direct []attributed // cleared before pooling
	out    []Quote      // cleared before pooling
}

var quotePool sync.Pool // *quoteScratch

// pooledQuoteScratch returns the working memory of findQuotes, reused when
// the pool has some.
func pooledQuoteScratch() *quoteScratch {
	if sc, ok := quotePool.Get().(*quoteScratch); ok {
		return sc
	}
	return &quoteScratch{}
}

// releaseQuoteScratch clears sc and pools it.
func releaseQuoteScratch(sc *quoteScratch) {
	clear(sc.frames[:cap(sc.frames)])
	clear(sc.direct[:cap(sc.direct)])
	clear(sc.out[:cap(sc.out)])
	sc.frames, sc.direct, sc.out = sc.frames[:0], sc.direct[:0], sc.out[:0]
	quotePool.Put(sc)
}

// cloneExact returns a copy of s in an array of exactly its length (nil
// for nil), which slices.Clone does not promise: its array may be rounded
// up to a size class, for shareBody to trim again.
func cloneExact[S ~[]E, E any](s S) S {
	if s == nil {
		return nil
	}
	out := make(S, len(s))
	copy(out, s)
	return out
}

// sized returns s resized to n zero values, reusing its array when it has
// room.
func sized[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n, regrown(cap(s), n))
	}
	s = s[:n]
	clear(s)
	return s
}
