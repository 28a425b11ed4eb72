package summarize

import (
	"slices"
	"time"

	"github.com/briefbot/briefbot/corpus"
)

// Story is a running news story: the articles about the same events, with
// what they say merged. Article positions are indices into the slice given
// to Stories.
type Story struct {
	ID       string // "s-" and the ID of the story's earliest article
	Title    string // the headline of its latest dated article, else of its last one
	Articles []int  // earliest first, undated last
	// Copies maps an article to the earlier article it reprints (the same
	// wire story from another outlet). Copies add outlets, not content:
	// the merged fields below leave them out.
	Copies      map[int]int
	First, Last time.Time // publication dates of the earliest and latest dated articles; zero when none is dated

	Summary   []StorySentence // up to storySummary sentences across its articles, in story order
	People    []StoryPerson   // most mentioned first
	Quotes    []StoryQuote    // in story order, each statement once
	Deadlines []StoryDeadline // each once, in its latest article's state, soonest due first
	Events    []StoryEvent    // the story's timeline: oldest first, each once
}

// StorySentence is a sentence of one of a story's articles.
type StorySentence struct {
	Article, Sentence int
	Text              string
}

// StoryPerson is a person or organisation a story names, under the fullest
// form of its name, with the number of sentences that mention it.
type StoryPerson struct {
	Name     string
	Org      bool
	Mentions int
}

// StoryQuote is a statement from one of a story's articles.
type StoryQuote struct {
	Article int
	Quote
}

// StoryDeadline is a deadline from one of a story's articles.
type StoryDeadline struct {
	Article int
	Deadline
}

// StoryEvent is a dated event from one of a story's articles.
type StoryEvent struct {
	Article int
	Event
}

// NewStory merges the given articles into one story, whether or not
// Stories would group them: a digest uses it for the new articles of one
// story. ans[i] must be the analysis of arts[i]; members are indices into
// arts, at least one. The story's ID is that of its earliest member.
func NewStory(arts []corpus.Article, ans []*Analysis, members []int) Story {
	sigs := make(map[int]signature, len(members)) // not a slice of len(arts): a digest makes many small stories of a large corpus
	var sh shingler
	for _, a := range members {
		sigs[a] = sh.minHash(arts[a].Body, nil)
	}
	return buildStory(arts, ans, members, func(a int) signature { return sigs[a] })
}

// buildStory merges the analyses of a story's members; sig returns at
// least the members' MinHash signatures.
func buildStory(arts []corpus.Article, ans []*Analysis, members []int, sig func(int) signature) Story {
	members = slices.Clone(members)
	slices.SortStableFunc(members, func(a, b int) int { return compareArticles(arts[a], arts[b]) })
	return newStoryMerger().merge(arts, ans, members, sig)
}

// storyMerger merges stories, reusing its working memory from one story to
// the next: Stories merges thousands. It is not safe for concurrent use.
type storyMerger struct {
	keys   *keySet
	key    []byte
	own    []int
	refs   []itemRef
	people []StoryPerson
	into   []int32
}

func newStoryMerger() *storyMerger { return &storyMerger{keys: newKeySet()} }

// merge is buildStory for members already in story order (earliest first,
// as compareArticles orders them), which the story keeps as its Articles.
// The story's slices have no spare capacity; Quotes, Deadlines and Events
// are nil when empty, as appending to nil would leave them.
func (m *storyMerger) merge(arts []corpus.Article, ans []*Analysis, members []int, sig func(int) signature) Story {
	s := Story{ID: "s-" + arts[members[0]].ID, Title: arts[members[len(members)-1]].Title, Articles: members}
	s.Copies = copiesAmong(members, sig)
	for _, a := range members {
		if p := arts[a].Published; !p.IsZero() {
			if s.First.IsZero() {
				s.First = p
			}
			s.Last, s.Title = p, arts[a].Title
		}
	}
	own := m.own[:0] // the members that are no copies, earliest first
	for _, a := range members {
		if _, ok := s.Copies[a]; !ok {
			own = append(own, a)
		}
	}
	m.own = own
	s.Summary = storySummary(ans, own)
	s.People = m.storyPeople(ans, own)
	s.Quotes = m.storyQuotes(ans, own)
	s.Deadlines = m.storyDeadlines(ans, own)
	s.Events = m.storyEvents(ans, own)
	return s
}

// copiesAmong returns which members (earliest first) reprint an earlier
// one: each member is a copy of the first earlier member that is no copy
// itself and whose MinHash signature agrees at duplicateJacc or more, nil
// when none is. A story of many articles finds the pairs to check by LSH
// banding (see nearDuplicates) rather than comparing every pair.
func copiesAmong(members []int, sig func(int) signature) map[int]int {
	var copies map[int]int
	isCopy := func(a int) bool { _, ok := copies[a]; return ok }
	mark := func(b, a int) {
		if copies == nil {
			copies = map[int]int{}
		}
		copies[b] = a
	}
	if len(members) <= 64 {
		for x, b := range members {
			for _, a := range members[:x] {
				if !isCopy(a) && sig(a).jaccard(sig(b)) >= duplicateJacc {
					mark(b, a)
					break
				}
			}
		}
		return copies
	}
	sigs := make([]signature, len(members))
	for x, a := range members {
		sigs[x] = sig(a)
	}
	earlier := make([][]int, len(members)) // position → positions of earlier near-duplicates
	for _, p := range nearDuplicates(sigs) {
		earlier[p[1]] = append(earlier[p[1]], p[0])
	}
	for x, b := range members {
		slices.Sort(earlier[x])
		for _, y := range earlier[x] {
			if a := members[y]; !isCopy(a) {
				mark(b, a)
				break
			}
		}
	}
	return copies
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
