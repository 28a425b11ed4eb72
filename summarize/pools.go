package summarize

import "sync"

// The token arrays of an analysis are its largest working memory (about 14
// and 10 times the article text) and die with it; Analyze hands them back
// here so that the next analysis reuses them rather than making the garbage
// collector run for them. An array is cleared before it is pooled, so a
// pooled array keeps no article text alive.
var (
	docTokPool  sync.Pool // *[]tk
	timeTokPool sync.Pool // *[]timeToken
	termIDPool  sync.Pool // map[string]int32
)

// pooledToks returns an empty token array with room for n tokens, reused
// when the pool has one large enough.
func pooledToks(n int) []tk {
	if p, ok := docTokPool.Get().(*[]tk); ok && cap(*p) >= n {
		return (*p)[:0]
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
	if p, ok := timeTokPool.Get().(*[]timeToken); ok && cap(*p) >= n {
		return (*p)[:0]
	}
	return make([]timeToken, 0, n)
}

// releaseTimeToks is releaseToks for time tokens.
func releaseTimeToks(toks []timeToken) {
	clear(toks)
	toks = toks[:0]
	timeTokPool.Put(&toks)
}

// pooledTermIDs returns an empty term map, reused when the pool has one.
func pooledTermIDs() map[string]int32 {
	if m, ok := termIDPool.Get().(map[string]int32); ok {
		return m
	}
	return make(map[string]int32, 256)
}

// releaseTermIDs empties m and pools it.
func releaseTermIDs(m map[string]int32) {
	clear(m)
	termIDPool.Put(m)
}
