package summarize

import "github.com/briefbot/briefbot/corpus"

// StoryCache holds what story clustering derives from each article alone
// (its MinHash signature), by the article's analysis, so that clustering
// a corpus again after a few articles changed derives it only for those.
// A StoryCache is immutable once returned: any number of goroutines may
// read it. The nil *StoryCache is empty.
type StoryCache struct {
	sigs map[*Analysis]cachedSig
}

// cachedSig is an article's signature and the body it was computed from.
type cachedSig struct {
	body string
	sig  signature
}

// signature returns the cached signature of the article an analyses with
// the given body.
func (c *StoryCache) signature(an *Analysis, body string) (signature, bool) {
	if c == nil {
		return nil, false
	}
	e, ok := c.sigs[an]
	if !ok || e.body != body {
		return nil, false
	}
	return e.sig, true
}

// StoriesCached is Stories, reusing what prev (nil for none) derived from
// articles it still holds with the same analysis and body; it returns the
// stories, the same as Stories returns, and the cache of this corpus to
// pass to the next call.
func StoriesCached(arts []corpus.Article, ans []*Analysis, prev *StoryCache) ([]Story, *StoryCache) {
	n := len(arts)
	next := &StoryCache{sigs: make(map[*Analysis]cachedSig, n)}
	sigs := make([]signature, n)
	for i := range arts {
		sig, ok := prev.signature(ans[i], arts[i].Body)
		if !ok {
			sig = minHash(arts[i].Body)
		}
		sigs[i] = sig
		next.sigs[ans[i]] = cachedSig{body: arts[i].Body, sig: sig}
	}
	return stories(arts, ans, sigs), next
}
