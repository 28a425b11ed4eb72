package summarize

import (
	"time"

	"github.com/briefbot/briefbot/corpus"
)

// StoryCache holds what story clustering derives from each article alone
// (what it needs of its MinHash signature, and the terms of its document
// vector), by the article, and the stories it made, so that clustering a
// corpus again after a few articles changed derives that only for those
// and merges again only the stories they join. It knows an article by its
// ID, headline, body and date, not by its analysis: an article the same in
// those is taken to have an analysis equal to the one it had when the
// cache was made (one analyzer per process gives that: an analysis is a
// function of the article), however the analysis was made or decoded
// since. It holds no pointer into any analysis: its stories are
// StoryRefs, rehydrated against the analyses of the call that reuses
// them, so a cache kept alive keeps no analysis alive. A StoryCache is
// immutable once returned: any number of goroutines may read it. The nil
// *StoryCache is empty.
//
// Of the articles' MinHash signatures (1 KB each) the cache keeps only
// their band digests (128 bytes) and the near-duplicate pairs: a pair of
// articles it holds stays a pair or not as long as their bodies are the
// same, and a new article can only be a near-duplicate of one whose
// digests agree with its own in a band, which is then hashed again (see
// rehashMates). The terms it keeps packed, about three bytes a term (see
// appendPackedTerms), and the articles by their places in the corpus, so
// an article that kept its place is found without a map (see cacheFinder).
type StoryCache struct {
	arts    []cachedArticle // by the article's place in the corpus clustered
	terms   []byte          // every article's docTerms, packed (see appendPackedTerms), article after article
	vocab   []string        // the terms' IDs number
	stories []StoryRefs     // as clustered, in the order returned; sharing slices with the caller's stories, never written
	dups    [][2]int32      // the near-duplicate pairs, by the articles' places in the corpus
	n       int             // the number of articles clustered
}

// cachedArticle is what clustering derived from one article, and the
// parts of the article it derived them from. Its place in
// StoryCache.arts is the article's place in the corpus.
type cachedArticle struct {
	body      string    // what bands and the near-duplicate pairs were made from
	title     string    // with the body, ID and date: what terms were made from, with the analysis
	id        string    // with the index, title, body and date: what a story reused needs unchanged
	published time.Time // compared with ==: a story keeps the date's location
	// bands is the band digests of the article's signature, nil when the
	// body is too short to shingle; shared among caches: never written.
	bands *bandDigests
	// terms is where the article's docTerms start in StoryCache.terms;
	// they end where the next article's start (the last article's at the
	// end). nterms is how many terms it has, words docTerms.words.
	terms  int32
	nterms int32
	words  int32
	story  int32 // its story in stories
}

// story returns the story c clustered of the given members (indices into
// arts, in story order), when every member is the article it was then, at
// the same index (and so, by StoryCache's contract, has the analysis it had
// then): a story depends on nothing else, so it is the story merging them
// again would give. A story whose records are not all within ans (which
// the contract rules out) is not taken.
func (c *StoryCache) story(arts []corpus.Article, ans []*Analysis, members []int) (StoryRefs, bool) {
	if c == nil || members[0] >= len(c.arts) {
		return StoryRefs{}, false
	}
	first := &c.arts[members[0]]
	st := &c.stories[first.story]
	if len(st.Articles) != len(members) {
		return StoryRefs{}, false
	}
	for k, m := range members {
		if m >= len(c.arts) {
			return StoryRefs{}, false
		}
		e := &c.arts[m]
		if st.Articles[k] != m || e.story != first.story || !e.same(&arts[m]) {
			return StoryRefs{}, false
		}
	}
	if !st.fits(ans) {
		return StoryRefs{}, false
	}
	return *st, true
}

// Stories returns the stories c was made with, in the order StoriesCached
// returned them, as StoryRefs: what a caller can keep of them instead of
// the []Story, at no memory beyond the cache's own, and rehydrate with
// StoryRefs.Story against the analyses when it needs one. They are c's
// own: read-only. The nil *StoryCache has none.
func (c *StoryCache) Stories() []StoryRefs {
	if c == nil {
		return nil
	}
	return c.stories
}

// same reports whether a is the article e was derived from, in every
// field story merging reads.
func (e *cachedArticle) same(a *corpus.Article) bool {
	return e.body == a.Body && e.title == a.Title && e.id == a.ID && e.published == a.Published
}

// packed returns the docTerms c holds of the article at place k of its
// corpus, packed (IDs in c.vocab).
func (c *StoryCache) packed(k int) []byte {
	from, to := c.arts[k].terms, int32(len(c.terms))
	if k+1 < len(c.arts) {
		to = c.arts[k+1].terms
	}
	return c.terms[from:to:to]
}

// digests returns the band digests c holds of the article with a's ID
// and body, looking at place i first (nil when the body is too short to
// shingle).
func (c *StoryCache) digests(i int, a *corpus.Article) (*bandDigests, bool) {
	f := cacheFinder{c: c}
	k := f.find(i, a)
	if k < 0 || c.arts[k].body != a.Body {
		return nil, false
	}
	return c.arts[k].bands, true
}

// StoriesCached is Stories, reusing what prev (nil for none) derived from
// articles it still holds (by ID): the signature of one with the same
// body, the terms of one the same in ID, headline, body and date, and the
// stories whose articles are all unchanged, at the same indices; it
// returns the stories, the same as Stories returns, and the cache of this
// corpus to pass to the next call.
//
// The caller must give an article prev holds unchanged the same analysis
// it had when prev was made, or an equal one (a copy, or the same article
// analysed again by the same analyzer, as within one process): what prev
// derived from that analysis is reused without looking at it. The
// analyses may be new values each call; prev keeps none of them alive.
// The stories it returns point into ans, and may share their other slices
// with those of the call that made prev: treat them as read-only.
func StoriesCached(arts []corpus.Article, ans []*Analysis, prev *StoryCache) ([]Story, *StoryCache) {
	d := deriveArticles(arts, ans, prev)
	out := stories(arts, ans, d.dups, storyDocs(d.terms, d.vocab), len(d.vocab), prev)
	next := &StoryCache{
		arts: make([]cachedArticle, len(arts)), terms: make([]byte, 0, packedTermsSize(d.terms, d.packed)),
		vocab: d.vocab, stories: out.refs, n: len(arts),
	}
	next.dups = make([][2]int32, len(d.dups))
	for k, p := range d.dups {
		next.dups[k] = [2]int32{int32(p[0]), int32(p[1])}
	}
	for a := range arts {
		next.arts[a] = cachedArticle{
			body: arts[a].Body, title: arts[a].Title, id: arts[a].ID, published: arts[a].Published,
			bands: d.bands[a], terms: int32(len(next.terms)), nterms: int32(len(d.terms[a].terms)), words: int32(d.terms[a].words),
		}
		if d.packed != nil && d.packed[a] != nil {
			next.terms = append(next.terms, d.packed[a]...)
		} else {
			next.terms = appendPackedTerms(next.terms, d.terms[a])
		}
	}
	for s, st := range out.refs {
		for _, a := range st.Articles {
			next.arts[a].story = int32(s)
		}
	}
	return out.stories, next
}

// derived is what clustering derives from the articles alone.
type derived struct {
	dups     [][2]int       // the near-duplicate pairs (see nearDuplicates), lesser article first, ascending, each once
	bands    []*bandDigests // by article: its signature's band digests, nil when too short to shingle
	terms    []docTerms     // by article
	packed   [][]byte       // by article: its terms packed, when prev holds them so; else nil (all nil without prev)
	vocab    []string       // what the terms' IDs number
	rehashed int            // articles prev held, hashed again (see rehashMates)
	hashed   int            // articles prev did not hold with their bodies, hashed
	termed   int            // articles prev did not hold unchanged, their terms derived
}

// deriveArticles returns what clustering derives from the articles alone,
// taking from prev (nil for none) what it derived of an article with the
// same ID: its terms when the article is unchanged (see StoryCache); when
// the body is the same, its band digests, and its near-duplicates among
// the articles prev also holds with their bodies.
func deriveArticles(arts []corpus.Article, ans []*Analysis, prev *StoryCache) derived {
	n := len(arts)
	d := derived{terms: make([]docTerms, n)}
	v := &storyVocab{ids: map[string]int32{}}
	var prevVocab []string
	var at []int32 // by place in prev's corpus: the article there now, with its body; -1 for none
	if prev != nil {
		prevVocab = prev.vocab
		d.packed = make([][]byte, n)
		at = make([]int32, prev.n)
		for k := range at {
			at[k] = -1
		}
	}
	tr := make([]int32, len(prevVocab)) // prev's term IDs → v's
	for i := range tr {
		tr[i] = -1
	}
	f := cacheFinder{c: prev}
	was := make([]int32, n)      // by article: its place in prev's corpus, -1 when prev does not hold it
	held := make([]bool, n)      // prev holds the article's band digests and near-duplicates
	unchanged := make([]bool, n) // prev holds the article's terms
	size, misses := 0, 0         // to size the slabs: the terms, and the signatures to make
	for i := range arts {
		k := f.find(i, &arts[i])
		was[i] = int32(k)
		if k >= 0 && prev.arts[k].same(&arts[i]) {
			unchanged[i] = true
			size += int(prev.arts[k].nterms)
		} else {
			size += 64 // about what an article has
		}
		// An article twice in the corpus is held once: the second is hashed.
		if k >= 0 && prev.arts[k].body == arts[i].Body && at[k] < 0 {
			at[k], held[i] = int32(i), true
		} else {
			misses++
		}
	}
	tm := newTermer(v, size)
	var sh shingler
	sigs := make([]signature, n)
	d.bands = make([]*bandDigests, n)
	var slab []uint64 // for the new signatures
	var fresh []int   // the articles whose signatures are made here
	for i := range arts {
		if held[i] {
			d.bands[i] = prev.arts[was[i]].bands
		} else {
			if len(slab) < minHashes {
				slab = make([]uint64, minHashes*min(misses, 1024))
			}
			if sigs[i] = sh.minHash(arts[i].Body, slab[:minHashes:minHashes]); sigs[i] != nil {
				slab = slab[minHashes:]
				fresh = append(fresh, i)
			}
			misses--
		}
		if unchanged[i] {
			e, src := &prev.arts[was[i]], prev.packed(int(was[i]))
			var same bool
			if d.terms[i], same = tm.renumber(src, int(e.nterms), int(e.words), prevVocab, tr); same {
				d.packed[i] = src
			}
		} else {
			d.terms[i] = tm.derive(&arts[i], ans[i])
			d.termed++
		}
	}
	d.vocab = v.words
	d.hashed = len(fresh)
	bandSlab := make([]bandDigests, len(fresh))
	for k, i := range fresh {
		bandSlab[k] = sigs[i].digests()
		d.bands[i] = &bandSlab[k]
	}
	d.rehashed = rehashMates(arts, sigs, d.bands, held, fresh, &sh)
	var dups [][2]int
	if prev != nil {
		for _, p := range prev.dups {
			if a, b := at[p[0]], at[p[1]]; a >= 0 && b >= 0 {
				dups = append(dups, [2]int{int(a), int(b)})
			}
		}
	}
	d.dups = normPairs(append(dups, nearDuplicates(sigs)...))
	return d
}
