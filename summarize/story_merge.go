package summarize

import (
	"cmp"
	"slices"
	"strings"
	"time"
	"unicode"

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
	for _, a := range members {
		sigs[a] = minHash(arts[a].Body)
	}
	return buildStory(arts, ans, members, func(a int) signature { return sigs[a] })
}

// buildStory merges the analyses of a story's members; sig returns at
// least the members' MinHash signatures.
func buildStory(arts []corpus.Article, ans []*Analysis, members []int, sig func(int) signature) Story {
	members = slices.Clone(members)
	slices.SortStableFunc(members, func(a, b int) int { return compareArticles(arts[a], arts[b]) })
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
	var own []int // the members that are no copies, earliest first
	for _, a := range members {
		if _, ok := s.Copies[a]; !ok {
			own = append(own, a)
		}
	}
	s.Summary = storySummary(ans, own)
	s.People = storyPeople(ans, own)
	seen := map[string]bool{}
	for _, a := range own {
		for _, q := range ans[a].Quotes {
			if k := normKey(q.Speaker) + "|" + normKey(q.Text); !seen[k] {
				seen[k] = true
				s.Quotes = append(s.Quotes, StoryQuote{Article: a, Quote: q})
			}
		}
	}
	s.Deadlines = storyDeadlines(ans, own)
	s.Events = storyEvents(ans, own)
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

// storyPeople counts the mentions of each name across the articles,
// folding a one-word name into the one longer name of the story ending in
// it ("Jobs" into "Steve Jobs").
func storyPeople(ans []*Analysis, own []int) []StoryPerson {
	count := map[string]*StoryPerson{}
	for _, a := range own {
		for _, p := range ans[a].People {
			k := normKey(p.Name)
			sp := count[k]
			if sp == nil {
				sp = &StoryPerson{Name: p.Name, Org: p.Org}
				count[k] = sp
			}
			sp.Mentions += len(p.Sentences)
		}
	}
	byLast := map[string][]string{} // last word → the names of several words ending in it
	for k := range count {
		if i := strings.LastIndexByte(k, ' '); i >= 0 {
			byLast[k[i+1:]] = append(byLast[k[i+1:]], k)
		}
	}
	for k, sp := range count {
		if strings.Contains(k, " ") {
			continue
		}
		if into := byLast[k]; len(into) == 1 {
			count[into[0]].Mentions += sp.Mentions
			delete(count, k)
		}
	}
	out := make([]StoryPerson, 0, len(count))
	for _, sp := range count {
		out = append(out, *sp)
	}
	slices.SortFunc(out, func(a, b StoryPerson) int {
		return cmp.Or(b.Mentions-a.Mentions, strings.Compare(a.Name, b.Name))
	})
	return out
}

// storyDeadlines keeps each deadline once (by who set it, for whom and
// what), in the state of the latest article that reports it.
func storyDeadlines(ans []*Analysis, own []int) []StoryDeadline {
	at := map[string]int{}
	var out []StoryDeadline
	for _, a := range own {
		for _, d := range ans[a].Deadlines {
			k := normKey(d.SetBy) + "|" + normKey(d.Target) + "|" + normKey(d.Demand)
			if i, ok := at[k]; ok {
				out[i] = StoryDeadline{Article: a, Deadline: d}
				continue
			}
			at[k] = len(out)
			out = append(out, StoryDeadline{Article: a, Deadline: d})
		}
	}
	slices.SortStableFunc(out, func(x, y StoryDeadline) int {
		return cmp.Or(cmp.Compare(btoi(x.Due.IsZero()), btoi(y.Due.IsZero())), x.Due.Compare(y.Due))
	})
	return out
}

// storyEvents returns the story's dated events oldest first; an event two
// articles report alike (same date and sentence) is kept once. Events of
// one date keep article and sentence order.
func storyEvents(ans []*Analysis, own []int) []StoryEvent {
	seen := map[string]bool{}
	var out []StoryEvent
	for _, a := range own {
		for _, e := range ans[a].Events {
			k := e.When.Format(time.DateOnly) + "|" + normKey(e.Text)
			if !e.When.IsZero() && !seen[k] {
				seen[k] = true
				out = append(out, StoryEvent{Article: a, Event: e})
			}
		}
	}
	slices.SortStableFunc(out, func(x, y StoryEvent) int { return x.When.Compare(y.When) })
	return out
}

// normKey folds case and runs of other characters than letters and
// digits, for telling repeats apart.
func normKey(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
