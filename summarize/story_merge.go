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

// StoryQuote is a statement from one of a story's articles. Quote points
// at the statement in the article's analysis (ans[Article].Quotes), shared
// rather than copied: treat it as read-only. It is never nil, and
// encoding/json writes a StoryQuote as it would with Quote embedded by
// value.
type StoryQuote struct {
	Article int
	*Quote
}

// StoryDeadline is a deadline from one of a story's articles. Deadline
// points at the deadline in the article's analysis (ans[Article].Deadlines),
// shared as StoryQuote's Quote is: read-only, never nil.
type StoryDeadline struct {
	Article int
	*Deadline
}

// StoryEvent is a dated event from one of a story's articles. Event points
// at the event in the article's analysis (ans[Article].Events), shared as
// StoryQuote's Quote is: read-only, never nil.
type StoryEvent struct {
	Article int
	*Event
}

// NewStory merges the given articles into one story, whether or not
// Stories would group them: a digest uses it for the new articles of one
// story. ans[i] must be the analysis of arts[i]; members are distinct
// indices into arts, at least one. The story's ID is that of its earliest
// member.
func NewStory(arts []corpus.Article, ans []*Analysis, members []int) Story {
	sigs := make([]signature, len(members)) // the members' only, not len(arts): a digest makes many small stories of a large corpus
	var sh shingler
	for x, a := range members {
		sigs[x] = sh.minHash(arts[a].Body, nil)
	}
	mates := make(map[int][]int32)
	for _, p := range nearDuplicates(sigs) {
		a, b := members[p[0]], members[p[1]]
		mates[a], mates[b] = append(mates[a], int32(b)), append(mates[b], int32(a))
	}
	return buildStory(arts, ans, members, func(a int) []int32 { return mates[a] })
}

// buildStory merges the analyses of a story's members; mates returns at
// least the near-duplicates among the members of each.
func buildStory(arts []corpus.Article, ans []*Analysis, members []int, mates func(int) []int32) Story {
	members = slices.Clone(members)
	slices.SortStableFunc(members, func(a, b int) int { return compareArticles(arts[a], arts[b]) })
	r := newStoryMerger().merge(arts, ans, members, mates)
	return r.rehydrate(func(a int32) *Analysis { return ans[a] })
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
// It returns the story as references to its records (see StoryRefs). The
// story's slices have no spare capacity; Quotes, Deadlines and Events are
// nil when empty, as appending to nil would leave them.
func (m *storyMerger) merge(arts []corpus.Article, ans []*Analysis, members []int, mates func(int) []int32) StoryRefs {
	s := StoryRefs{ID: "s-" + arts[members[0]].ID, Title: arts[members[len(members)-1]].Title, Articles: members}
	s.Copies = copiesAmong(members, mates)
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

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
