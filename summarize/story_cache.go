package summarize

import (
	"slices"
	"time"

	"github.com/briefbot/briefbot/corpus"
)

// StoryCache holds what story clustering derives from each article alone
// (its MinHash signature and the terms of its document vector), by the
// article's analysis, and the stories it made, so that clustering a corpus
// again after a few articles changed derives that only for those and
// merges again only the stories they join. An analysis is taken not to
// change once made. A StoryCache is immutable once returned: any number of
// goroutines may read it. The nil *StoryCache is empty.
type StoryCache struct {
	arts    map[*Analysis]cachedArticle
	vocab   []string // the terms' IDs number
	stories []Story  // as clustered; shared with the caller's copy, never written
}

// cachedArticle is what clustering derived from one article, and the
// parts of the article it derived them from.
type cachedArticle struct {
	body      string    // what sig was made from
	title     string    // what terms were made from, with the analysis
	id        string    // with the index, title and date: what a story reused needs unchanged
	published time.Time // compared with ==: a story keeps the date's location
	sig       signature // shared with the stories' clustering: never written
	terms     docTerms
	index     int32 // the article's place in the corpus
	story     int32 // its story in stories
}

// story returns the story c clustered of the given members (indices into
// arts, in story order), when every member is the article it was then, at
// the same index, under the same analysis: a story depends on nothing
// else, so it is the story merging them again would give.
func (c *StoryCache) story(arts []corpus.Article, ans []*Analysis, members []int) (Story, bool) {
	if c == nil {
		return Story{}, false
	}
	first, ok := c.arts[ans[members[0]]]
	if !ok || int(first.index) != members[0] {
		return Story{}, false
	}
	st := c.stories[first.story]
	if len(st.Articles) != len(members) {
		return Story{}, false
	}
	for k, m := range members {
		e, ok := c.arts[ans[m]]
		if !ok || st.Articles[k] != m || int(e.index) != m || e.story != first.story || !e.same(&arts[m]) {
			return Story{}, false
		}
	}
	return st, true
}

// same reports whether a is the article e was derived from, in every
// field story merging reads.
func (e *cachedArticle) same(a *corpus.Article) bool {
	return e.body == a.Body && e.title == a.Title && e.id == a.ID && e.published == a.Published
}

// lookup returns what c holds of the article an analyses.
func (c *StoryCache) lookup(an *Analysis) (cachedArticle, bool) {
	if c == nil {
		return cachedArticle{}, false
	}
	e, ok := c.arts[an]
	return e, ok
}

// signature returns the cached signature of the article an analyses with
// the given body.
func (c *StoryCache) signature(an *Analysis, body string) (signature, bool) {
	e, ok := c.lookup(an)
	if !ok || e.body != body {
		return nil, false
	}
	return e.sig, true
}

// StoriesCached is Stories, reusing what prev (nil for none) derived from
// articles it still holds with the same analysis (and the same body for
// the signature, the same headline for the terms), and the stories whose
// articles are all unchanged, at the same indices; it returns the stories,
// the same as Stories returns, and the cache of this corpus to pass to the
// next call. The stories it returns may share their slices with those of
// the call that made prev: treat them as read-only.
func StoriesCached(arts []corpus.Article, ans []*Analysis, prev *StoryCache) ([]Story, *StoryCache) {
	sigs, terms, vocab := deriveArticles(arts, ans, prev)
	out := stories(arts, ans, sigs, storyDocs(terms, vocab), len(vocab), prev)
	next := &StoryCache{arts: make(map[*Analysis]cachedArticle, len(arts)), vocab: vocab, stories: slices.Clone(out)}
	for s, st := range out {
		for _, a := range st.Articles {
			next.arts[ans[a]] = cachedArticle{
				body: arts[a].Body, title: arts[a].Title, id: arts[a].ID, published: arts[a].Published,
				sig: sigs[a], terms: terms[a], index: int32(a), story: int32(s),
			}
		}
	}
	return out, next
}

// deriveArticles returns each article's MinHash signature and terms, and
// the vocabulary the terms number, taking from prev what it derived of an
// article under the same analysis (the signature when the body is the
// same, the terms when the headline is).
func deriveArticles(arts []corpus.Article, ans []*Analysis, prev *StoryCache) ([]signature, []docTerms, []string) {
	n := len(arts)
	sigs := make([]signature, n)
	terms := make([]docTerms, n)
	v := &storyVocab{ids: map[string]int32{}}
	var prevVocab []string
	if prev != nil {
		prevVocab = prev.vocab
	}
	tr := make([]int32, len(prevVocab)) // prev's term IDs → v's
	for i := range tr {
		tr[i] = -1
	}
	size, misses := 0, 0 // to size the slabs: the terms, and the signatures to make
	for i := range arts {
		e, ok := prev.lookup(ans[i])
		if ok && e.title == arts[i].Title {
			size += len(e.terms.terms)
		} else {
			size += 64 // about what an article has
		}
		if !ok || e.body != arts[i].Body {
			misses++
		}
	}
	tm := newTermer(v, size)
	var sh shingler
	var slab []uint64 // for the new signatures
	for i := range arts {
		e, ok := prev.lookup(ans[i])
		if ok && e.body == arts[i].Body {
			sigs[i] = e.sig
		} else {
			if len(slab) < minHashes {
				slab = make([]uint64, minHashes*min(misses, 1024))
			}
			if sigs[i] = sh.minHash(arts[i].Body, slab[:minHashes:minHashes]); sigs[i] != nil {
				slab = slab[minHashes:]
			}
			misses--
		}
		if ok && e.title == arts[i].Title {
			terms[i] = tm.renumber(e.terms, prevVocab, tr)
		} else {
			terms[i] = tm.derive(&arts[i], ans[i])
		}
	}
	if exact := len(tm.terms) == cap(tm.terms) && n > 0 && len(terms[0].terms) > 0 && &terms[0].terms[0] == &tm.terms[0]; !exact {
		compactTerms(terms, len(tm.terms))
	}
	return sigs, terms, v.words
}

// compactTerms moves the articles' terms, size in all, into slabs of that
// exact size: the cache keeps them, and the slabs they were cut from may
// have room left or have been outgrown.
func compactTerms(all []docTerms, size int) {
	terms, counts := make([]int32, 0, size), make([]int32, 0, size)
	for i, d := range all {
		from := len(terms)
		terms, counts = append(terms, d.terms...), append(counts, d.counts...)
		all[i].terms = terms[from:len(terms):len(terms)]
		all[i].counts = counts[from:len(counts):len(counts)]
	}
}
