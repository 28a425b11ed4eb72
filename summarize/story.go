package summarize

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/briefbot/briefbot/corpus"
)

// Story clustering parameters. Two articles are linked when they are
// copies of one wire story (see minhash.go), or when their document
// vectors are at least storySimilarity alike and they were published
// within storyBurst of each other, or within storyWindow and they name a
// person or organisation in common: over months the same kind of event
// recurs (another storm, another strike) with other actors, while a
// running story keeps its actors (named entities are what tells events
// apart in topic detection and tracking: Kumaran & Allan 2004). Stories are
// the connected groups (single link), so a running story chains across
// months through its episodes while each link stays short.
const (
	storySimilarity = 0.25
	storyBurst      = 7 * 24 * time.Hour   // the days around one event
	storyWindow     = 366 * 24 * time.Hour // a running story (a trial, a product saga) lasts months
	titleWeight     = 3                    // a headline word counts as much as three body words
	personWeight    = 2                    // a named person or organisation counts as two words
	storyLead       = 3                    // sentences of an article's lead in its vector
	storyKeys       = 12                   // an article's heaviest terms, through which it meets candidates
	storyCandidates = 64                   // per term, the latest articles an article is compared with
)

// Stories groups articles about the same events, across days and outlets,
// and returns the stories, the one with the latest dated article first,
// stories without a dated article last.
// ans[i] must be the analysis of arts[i]; Story.Articles holds indices into
// arts. Every article is in exactly one story. Stories is deterministic:
// the same articles give the same stories and IDs, in any order.
//
// An article's document vector is TF-IDF over its headline (weighted
// titleWeight), its lead and summary sentences, and the people and
// organisations it names (personWeight each, as one term per name).
func Stories(arts []corpus.Article, ans []*Analysis) []Story {
	d := deriveArticles(arts, ans, nil)
	return stories(arts, ans, d.dups, storyDocs(d.terms, d.vocab), len(d.vocab), nil).stories
}

// clustered is what stories returns: the stories, the same as references
// (refs[k] is stories[k]), and how many of them were merged rather than
// taken from the cache.
type clustered struct {
	stories []Story
	refs    []StoryRefs
	merged  int
}

// stories clusters the articles given their near-duplicate pairs (see
// nearDuplicates) and their documents (see storyDocs; vocab numbers their
// terms), taking from prev (nil for none) the stories whose members have
// not changed.
func stories(arts []corpus.Article, ans []*Analysis, dups [][2]int, docs []storyDoc, vocab int, prev *StoryCache) clustered {
	n := len(arts)
	order := make([]int, n) // earliest first
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return compareArticles(arts[a], arts[b]) })
	u := newStoryUnion(order)
	for _, p := range dups {
		u.union(p[0], p[1])
	}
	// Compare an article only with the earlier ones that share one of its
	// or their heaviest terms, published within storyWindow, and per term
	// only with the storyCandidates latest of them: two articles alike
	// enough to link share their defining words, and a term so common that
	// more articles share it says little about which story an article is
	// in (its story's rarer terms, a name or a place, find it). This keeps
	// the work per article bounded however large the corpus grows. A
	// candidate already in the article's story needs no comparison: a link
	// would change nothing.
	//
	// The postings of all terms are cut from one slab, each term's in the
	// order its articles come: the articles before the current one are
	// a prefix of it.
	start := make([]int32, vocab+1)
	for _, d := range docs {
		for _, k := range d.top {
			start[k+1]++
		}
	}
	for k := range vocab {
		start[k+1] += start[k]
	}
	slab := make([]int32, start[vocab])
	fill := make([]int32, vocab) // postings of each term so far
	from := make([]int32, vocab) // where the part of a posting within storyWindow starts
	seen := make([]int32, n)     // the article a candidate was last collected for, +1
	var lk linker
	lk.init(vocab)
	for _, i := range order {
		day := arts[i].Published
		x := &docs[i]
		lk.set(x)
		for _, k := range x.top {
			ps := slab[start[k] : start[k]+fill[k]]
			if !day.IsZero() { // undated articles come last in order and compare with all
				lo := from[k]
				for int(lo) < len(ps) && day.Sub(arts[ps[lo]].Published) > storyWindow {
					lo++
				}
				from[k] = lo
				ps = ps[lo:]
			}
			for _, j := range ps[max(0, len(ps)-storyCandidates):] {
				if seen[j] == int32(i+1) {
					continue
				}
				seen[j] = int32(i + 1)
				if u.find(i) != u.find(int(j)) && lk.linked(arts[i], arts[j], &docs[j]) {
					u.union(i, int(j))
				}
			}
		}
		lk.unset(x)
		for _, k := range x.top {
			slab[start[k]+fill[k]] = int32(i)
			fill[k]++
		}
	}
	members, sizes := u.groups(order)
	c := clustered{refs: make([]StoryRefs, 0, len(sizes))}
	m := newStoryMerger()
	mates := newStoryDups(n, dups).of
	lo := 0
	for _, size := range sizes {
		hi := lo + size
		st, ok := prev.story(arts, ans, members[lo:hi])
		if !ok {
			st = m.merge(arts, ans, members[lo:hi:hi], mates)
			c.merged++
		}
		c.refs = append(c.refs, st)
		lo = hi
	}
	slices.SortFunc(c.refs, func(a, b StoryRefs) int {
		return cmp.Or(cmp.Compare(btoi(a.Last.IsZero()), btoi(b.Last.IsZero())), b.Last.Compare(a.Last), strings.Compare(a.ID, b.ID))
	})
	c.stories = make([]Story, len(c.refs))
	at := func(a int32) *Analysis { return ans[a] }
	for k := range c.refs {
		c.stories[k] = c.refs[k].rehydrate(at)
	}
	return c
}

// StoryIDs returns, for each of n articles, the ID of the story that holds
// it ("" for an article no story holds).
func StoryIDs(stories []Story, n int) []string {
	out := make([]string, n)
	for _, s := range stories {
		for _, a := range s.Articles {
			if a >= 0 && a < n {
				out[a] = s.ID
			}
		}
	}
	return out
}

// storyDoc is what story clustering compares of an article: its TF-IDF
// vector, sparse (term IDs ascending, with their weights), its norm, its
// storyKeys heaviest terms and the "person:" terms of the people and
// organisations it names.
type storyDoc struct {
	terms   []int32
	weights []float64
	norm    float64
	top     []int32
	names   []int32
}

// cosine returns the cosine similarity of two documents of one storyDocs
// call, 0 when either is empty.
func (x *storyDoc) cosine(y *storyDoc) float64 {
	if x.norm == 0 || y.norm == 0 {
		return 0
	}
	dot := 0.0
	for i, j := 0, 0; i < len(x.terms) && j < len(y.terms); {
		switch {
		case x.terms[i] < y.terms[j]:
			i++
		case x.terms[i] > y.terms[j]:
			j++
		default:
			dot += x.weights[i] * y.weights[j]
			i++
			j++
		}
	}
	return dot / (x.norm * y.norm)
}

// sharesName reports whether x and y name a person or organisation in
// common.
func (x *storyDoc) sharesName(y *storyDoc) bool {
	for _, t := range x.names {
		if slices.Contains(y.names, t) {
			return true
		}
	}
	return false
}

// linked reports whether two articles belong to one story by their words,
// actors and dates. An undated article may join any story, but only
// through a shared name.
func linked(a, b corpus.Article, x, y *storyDoc) bool {
	ok, needName := linkDates(a.Published, b.Published)
	return ok && (!needName || x.sharesName(y)) && x.cosine(y) >= storySimilarity
}

// linkDates tells from two articles' publication dates whether they may be
// linked, and whether only through a shared name: within storyBurst their
// words suffice, within storyWindow (or when either is undated) they must
// share a name too, beyond it they are not linked.
func linkDates(a, b time.Time) (ok, needName bool) {
	if a.IsZero() || b.IsZero() {
		return true, true
	}
	gap := a.Sub(b).Abs()
	return gap <= storyWindow, gap > storyBurst
}

// linker is linked for one article against many: its weights scattered
// by term, so a cosine costs one pass over the other document, and its
// names marked. The dot product adds the same products in the same order
// as cosine (ascending term; a term of the other document alone adds +0,
// which leaves a sum unchanged), so it is the same to the bit.
type linker struct {
	x     *storyDoc
	dense []float64 // by term: x's weight, else 0
	named []bool    // by term: one of x's names
}

func (lk *linker) init(vocab int) {
	lk.dense = make([]float64, vocab)
	lk.named = make([]bool, vocab)
}

// set makes x the article compared; unset clears it.
func (lk *linker) set(x *storyDoc) {
	lk.x = x
	for k, t := range x.terms {
		lk.dense[t] = x.weights[k]
	}
	for _, t := range x.names {
		lk.named[t] = true
	}
}

func (lk *linker) unset(x *storyDoc) {
	for _, t := range x.terms {
		lk.dense[t] = 0
	}
	for _, t := range x.names {
		lk.named[t] = false
	}
}

// linked is linked(a, b, lk.x, y), the cheap conditions first.
func (lk *linker) linked(a, b corpus.Article, y *storyDoc) bool {
	ok, needName := linkDates(a.Published, b.Published)
	if !ok || needName && !lk.sharesName(y) {
		return false
	}
	return lk.cosine(y) >= storySimilarity
}

// cosine is lk.x.cosine(y).
func (lk *linker) cosine(y *storyDoc) float64 {
	x := lk.x
	if x.norm == 0 || y.norm == 0 {
		return 0
	}
	dot := 0.0
	for k, t := range y.terms {
		dot += lk.dense[t] * y.weights[k]
	}
	return dot / (x.norm * y.norm)
}

func (lk *linker) sharesName(y *storyDoc) bool {
	for _, t := range y.names {
		if lk.named[t] {
			return true
		}
	}
	return false
}

// compareArticles orders articles by publication date, undated ones last,
// then by ID.
func compareArticles(a, b corpus.Article) int {
	switch {
	case a.Published.IsZero() != b.Published.IsZero():
		if a.Published.IsZero() {
			return 1
		}
		return -1
	case !a.Published.Equal(b.Published):
		return a.Published.Compare(b.Published)
	}
	return cmp.Compare(a.ID, b.ID)
}
