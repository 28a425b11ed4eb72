package bot

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/summarize"
)

// Index is the briefing index the commands answer from: the articles, their
// analyses, and lookups from speakers to quotes, from actors to deadlines,
// from words to sentences, titles, quotes, deadlines and events, and the
// articles by date. It is immutable once built, so any number of goroutines
// may read it while a Bot swaps in a new one.
type Index struct {
	arts []corpus.Article
	// ans are the articles' analyses while the index is built, nil after:
	// the index then keeps them encoded in enc and decodes one when a
	// command needs it (see an).
	ans      []*summarize.Analysis
	enc      *encodedAnalyses
	problems []string           // load and analysis errors, one line each
	dups     []corpus.Duplicate // articles left out as copies of others

	ids articleKeys // normalised ID and path → article (see byID)
	// byTitle maps the hash (hashNorm) of a normalised title (normName)
	// to the first article whose title has it: `summary TITLE` finds an
	// exact title without reading the titles of every article holding
	// its words.
	byTitle map[uint64]int32
	byDate  []int     // articles, newest first, undated last
	titles  termIndex // title term → articles
	sents   sentIndex

	names       *nameBook
	speakers    []speaker          // in the order first quoted, reading newest first (see indexPeople)
	speakerKeys map[string][]int32 // lookup key → speakers
	quotes      []int32            // quote numbers (quoteNums), speaker by speaker (see speaker)
	quoteNums   recordNumbers
	quoteTerms  packedTerms

	deadlines     []deadlineRef      // latest first
	actorKeys     map[string][]int32 // lookup key → deadlines
	deadlineTerms packedTerms
	reportTerms   map[string][]string // while the deadlines merge: a text → its content terms (contentTerms)

	events     []int32 // event numbers (eventNums), in date order (see indexEvents)
	eventNums  recordNumbers
	eventTerms packedTerms

	stories    []summarize.StoryRefs // the one with the latest article first (see indexStories); storyCache's own
	storyOf    []int                 // article → its story in stories
	storyHeads []string              // story → its heading (storyHeading)
	storyCache *summarize.StoryCache // what clustering derived per article, for the next index

	lists listings // orders for the paged listings (index_listings.go)
}

// ErrMismatch is wrapped by NewIndex when the articles and analyses do not
// pair up.
var ErrMismatch = errors.New("articles and analyses do not match")

// NewIndex builds an index from articles, their analyses (analyses[i] is
// the analysis of arts[i]) and the errors met loading the corpus, which the
// sources command lists. It wraps ErrMismatch when the slices differ in
// length or an analysis is nil. References an analysis makes to sentences
// it does not have are ignored, so a faulty analysis cannot break a command.
// Neither the articles nor the analyses may be modified afterwards. The
// index keeps the analyses encoded (see encodedAnalyses), not the
// analyses given.
func NewIndex(arts []corpus.Article, analyses []*summarize.Analysis, loadErrs []error) (*Index, error) {
	if err := checkPairs(arts, analyses); err != nil {
		return nil, err
	}
	return buildIndex(arts, analyses, encodeAll(arts, analyses), summarize.Analyze, loadErrs, nil)
}

// checkPairs returns an error wrapping ErrMismatch unless analyses[i] is
// an analysis (of arts[i]) for every i.
func checkPairs(arts []corpus.Article, analyses []*summarize.Analysis) error {
	if len(arts) != len(analyses) {
		return fmt.Errorf("new index: %d articles, %d analyses: %w", len(arts), len(analyses), ErrMismatch)
	}
	if i := slices.Index(analyses, nil); i >= 0 {
		return fmt.Errorf("new index: article %q has no analysis: %w", arts[i].ID, ErrMismatch)
	}
	return nil
}

// buildIndex is NewIndex given the analyses encoded too (enc[i] is
// analyses[i] in ancodec's encoding, which the index keeps) and the
// analyzer that made them (for an encoding that fails to decode), and
// reusing what prev (nil for none), the index this one replaces, derived
// from each of its articles alone: the index is the same as NewIndex
// builds.
//
// The parts of the index are built on three goroutines, each owning the
// fields it writes and joined before buildIndex returns: stories and
// events; the lookups by ID and word; and, in order since the name book
// learns names as it resolves them, people, quotes and deadlines.
func buildIndex(arts []corpus.Article, analyses []*summarize.Analysis, enc [][]byte, analyze analyzeFunc, loadErrs []error, prev *Index) (*Index, error) {
	if err := checkPairs(arts, analyses); err != nil {
		return nil, err
	}
	if len(enc) != len(arts) {
		return nil, fmt.Errorf("new index: %d articles, %d encoded analyses: %w", len(arts), len(enc), ErrMismatch)
	}
	ix := &Index{
		arts:        slices.Clone(arts),
		ans:         slices.Clone(analyses),
		byTitle:     make(map[uint64]int32, len(arts)),
		titles:      termIndex{},
		sents:       sentIndex{post: map[string][]posting{}},
		names:       newNameBook(),
		speakerKeys: map[string][]int32{},
		actorKeys:   map[string][]int32{},
	}
	for _, err := range loadErrs {
		if err != nil {
			ix.problems = append(ix.problems, err.Error())
		}
	}
	var prevStories *summarize.StoryCache
	if prev != nil {
		prevStories = prev.storyCache
	}
	var wg sync.WaitGroup
	wg.Go(func() {
		ix.indexStories(prevStories)
		ix.indexEvents()
	})
	wg.Go(ix.indexArticles)
	ix.indexDates()
	ix.indexPeople()
	ix.indexDeadlines()
	ix.names.done()
	wg.Wait()
	compactLists(ix.speakerKeys)
	compactLists(ix.actorKeys)
	compactLists(ix.names.keys)
	compactLists(ix.names.alias)
	ix.indexListings()
	ix.enc = newEncodedAnalyses(ix.arts, slices.Clone(enc), analyze)
	ix.ans = nil
	return ix, nil
}

// an returns article art's analysis: the one given while the index is
// built, decoded from its encoding after. It is shared: callers must not
// modify it, and should not keep it (that keeps it in memory).
func (ix *Index) an(art int) *summarize.Analysis {
	if ix.ans != nil {
		return ix.ans[art]
	}
	return ix.enc.get(art)
}

// Len returns the number of articles indexed.
func (ix *Index) Len() int { return len(ix.arts) }

// indexArticles files the articles by ID and path, title words and
// sentence words.
func (ix *Index) indexArticles() {
	var titles termBuilder
	var ts []int32
	for i, a := range ix.arts {
		for _, key := range [...]string{normName(a.ID), normName(a.Path)} {
			ix.ids.add(key, i, ix.idKeys)
		}
		if key := hashNorm(normName(a.Title)); !hasKey(ix.byTitle, key) {
			ix.byTitle[key] = int32(i)
		}
		ts = titles.appendTerms(ts[:0], a.Title)
		titles.file(int32(i), ts)
		for s, sent := range ix.ans[i].Sentences {
			ix.sents.add(i, s, sent.Text)
		}
	}
	ix.titles = titles.finish()
	ix.sents.canonicalize(func(doc int32) string {
		d := ix.sents.docs.at(doc)
		return ix.ans[d.art].Sentences[d.sent].Text
	})
	ix.sents.finish()
}

// indexDates orders the articles newest first (byDate).
func (ix *Index) indexDates() {
	ix.byDate = make([]int, len(ix.arts))
	for i := range ix.byDate {
		ix.byDate[i] = i
	}
	slices.SortStableFunc(ix.byDate, ix.newerFirst)
}

// newerFirst orders articles newest first, undated ones last.
func (ix *Index) newerFirst(a, b int) int {
	return laterFirst(ix.arts[a].Published, ix.arts[b].Published)
}

// laterFirst orders times latest first, zero times last.
func laterFirst(a, b time.Time) int {
	switch {
	case a.IsZero() || b.IsZero():
		return cmp.Compare(btoi(a.IsZero()), btoi(b.IsZero()))
	default:
		return b.Compare(a)
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// summary returns an article's summary sentences, or its first three
// sentences when the analysis ranked none.
func (ix *Index) summary(art int) []string {
	an := ix.an(art)
	var out []string
	for _, s := range an.Summary {
		if s >= 0 && s < len(an.Sentences) {
			out = append(out, an.Sentences[s].Text)
		}
	}
	if len(out) == 0 {
		for _, s := range an.Sentences[:min(3, len(an.Sentences))] {
			out = append(out, s.Text)
		}
	}
	return out
}
