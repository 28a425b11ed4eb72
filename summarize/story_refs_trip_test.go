package summarize

import (
	"reflect"
	"slices"
	"sync"
	"testing"

	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/internal/corpusgen"
)

// copyAnalysis returns an analysis equal to an (reflect.DeepEqual) that
// shares none of its records: what decoding it again would give.
func copyAnalysis(an *Analysis) *Analysis {
	c := *an
	c.Sentences = slices.Clone(an.Sentences)
	c.People = slices.Clone(an.People)
	for k := range c.People {
		c.People[k].Aliases = slices.Clone(c.People[k].Aliases)
		c.People[k].Sentences = slices.Clone(c.People[k].Sentences)
	}
	c.Quotes = slices.Clone(an.Quotes)
	c.Deadlines = slices.Clone(an.Deadlines)
	for k := range c.Deadlines {
		c.Deadlines[k].History = slices.Clone(c.Deadlines[k].History)
	}
	c.Events = slices.Clone(an.Events)
	c.Summary = slices.Clone(an.Summary)
	return &c
}

// copyAnalyses is copyAnalysis of each of ans.
func copyAnalyses(ans []*Analysis) []*Analysis {
	out := make([]*Analysis, len(ans))
	for i, an := range ans {
		out[i] = copyAnalysis(an)
	}
	return out
}

// smallGenerated is a second generated corpus, smaller and of another
// seed than the golden one, analysed once per test binary.
var smallGenerated = sync.OnceValues(func() ([]corpus.Article, []*Analysis) {
	arts := corpusgen.New(corpusgen.Config{N: 400, Seed: 3, StorySize: 12}).Articles()
	ans := make([]*Analysis, len(arts))
	for i := range arts {
		ans[i] = Analyze(arts[i])
	}
	return arts, ans
})

// storyCorpora are the corpora the story tests run over: the annotated
// story set, the golden generated corpus, another generated one and the
// benchmark corpus.
func storyCorpora(t *testing.T) []struct {
	name string
	arts []corpus.Article
	ans  []*Analysis
} {
	t.Helper()
	type named = struct {
		name string
		arts []corpus.Article
		ans  []*Analysis
	}
	set, setAns, _ := loadStorySet(t)
	out := []named{{"story set", set, setAns}}
	if testing.Short() {
		return out
	}
	gen, genAns := goldenCorpus()
	small, smallAns := smallGenerated()
	bench, benchAns := storyCorpus(storyGoldenN)
	return append(out, named{"generated", gen, genAns}, named{"generated small", small, smallAns}, named{"bench", bench, benchAns})
}

// TestStoryRefsRoundTrip checks that every story of the story corpora,
// made references (Story.Refs) and rehydrated (StoryRefs.Story), is the
// story again, against its own analyses or equal copies of them, calling
// for each article's analysis once and only for the articles it has
// records of; that the references point into no analysis; and that the
// story cache holds the same references.
func TestStoryRefsRoundTrip(t *testing.T) {
	for _, c := range storyCorpora(t) {
		t.Run(c.name, func(t *testing.T) {
			stories, cache := StoriesCached(c.arts, c.ans, nil)
			copies := copyAnalyses(c.ans)
			var quotes, deadlines, events int
			for k, st := range stories {
				r := st.Refs(c.ans)
				if found := analysisPointers(r); len(found) > 0 {
					t.Fatalf("story %s: its references point into analyses at %v", st.ID, found)
				}
				if len(st.Quotes)+len(st.Deadlines)+len(st.Events) > 0 && len(analysisPointers(st)) == 0 {
					t.Fatalf("story %s: the walk finds no pointer into analyses in the story itself", st.ID)
				}
				if !reflect.DeepEqual(r, cache.Stories()[k]) {
					t.Fatalf("story %s: the cache holds %+v, want %+v", st.ID, cache.Stories()[k], r)
				}
				for _, ans := range [][]*Analysis{c.ans, copies} {
					calls := map[int]int{}
					got := r.Story(func(a int) *Analysis { calls[a]++; return ans[a] })
					if !reflect.DeepEqual(got, st) {
						t.Fatalf("story %s rehydrated:\ngot  %+v\nwant %+v", st.ID, got, st)
					}
					want := map[int]int{}
					for _, x := range slices.Concat(r.Quotes, r.Deadlines, r.Events) {
						want[int(x.Article)] = 1
					}
					if !reflect.DeepEqual(calls, want) {
						t.Fatalf("story %s: analyses asked for %v, want each of %v once", st.ID, calls, want)
					}
					for _, q := range got.Quotes {
						if !within(ans[q.Article].Quotes, q.Quote) {
							t.Fatalf("story %s: quote %q is not a record of the analyses given", st.ID, q.Text)
						}
					}
				}
				quotes, deadlines, events = quotes+len(r.Quotes), deadlines+len(r.Deadlines), events+len(r.Events)
			}
			if c.name != "bench" && (quotes == 0 || deadlines == 0 || events == 0) { // the benchmark corpus has none
				t.Errorf("%d quotes, %d deadlines, %d events: want some of each", quotes, deadlines, events)
			}
		})
	}
}

// TestStoryRefsEmpty checks that a story without quotes, deadlines or
// events round-trips with those nil, and with them empty but not nil.
func TestStoryRefsEmpty(t *testing.T) {
	for _, st := range []Story{
		{ID: "s-a", Articles: []int{0}},
		{ID: "s-b", Articles: []int{0}, Quotes: []StoryQuote{}, Deadlines: []StoryDeadline{}, Events: []StoryEvent{}},
	} {
		r := st.Refs([]*Analysis{{}})
		got := r.Story(func(int) *Analysis { t.Fatal("no analysis is needed"); return nil })
		if !reflect.DeepEqual(got, st) {
			t.Errorf("%s: got %+v, want %+v", st.ID, got, st)
		}
	}
}

// TestStoryRefsForeign checks that Story.Refs refuses a story not made
// from the analyses given: a record it cannot find is a caller's error,
// not a reference to guess.
func TestStoryRefsForeign(t *testing.T) {
	arts, ans, _ := loadStorySet(t)
	stories := Stories(arts, ans)
	k := slices.IndexFunc(stories, func(st Story) bool { return len(st.Quotes) > 0 })
	if k < 0 {
		t.Fatal("no story with quotes")
	}
	defer func() {
		if recover() == nil {
			t.Errorf("Refs of a story against other analyses did not panic")
		}
	}()
	stories[k].Refs(copyAnalyses(ans))
}

// TestAnalysisMemo checks that analysisMemo asks for each article once,
// past the few it keeps in a slice as well, and returns what was given
// for it.
func TestAnalysisMemo(t *testing.T) {
	ans := make([]*Analysis, 20)
	for i := range ans {
		ans[i] = &Analysis{ArticleID: string(rune('a' + i))}
	}
	var m analysisMemo
	calls := map[int]int{}
	an := func(a int) *Analysis { calls[a]++; return ans[a] }
	for round := range 3 {
		for k := range ans {
			a := (k*7 + round) % len(ans)
			if got := m.get(int32(a), an); got != ans[a] {
				t.Fatalf("article %d: got the analysis of %s", a, got.ArticleID)
			}
		}
	}
	for a := range ans {
		if calls[a] != 1 {
			t.Errorf("article %d asked for %d times, want once", a, calls[a])
		}
	}
}
