package summarize

import (
	"reflect"
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"github.com/briefbot/briefbot/corpus"
)

// TestStoriesCachedCopies checks that a cache made from one set of
// analyses is reused in full with equal copies of them (new pointers, as
// the bot decodes the analyses afresh for every index): no signature made
// or made again, no terms derived, no story merged, and the stories those
// of Stories over the copies, pointing into the copies; and that the new
// cache points into no analysis.
func TestStoriesCachedCopies(t *testing.T) {
	for _, c := range storyCorpora(t) {
		t.Run(c.name, func(t *testing.T) {
			before, prev := StoriesCached(c.arts, c.ans, nil)
			copies := copyAnalyses(c.ans)
			d := deriveArticles(c.arts, copies, prev)
			if d.hashed != 0 || d.rehashed != 0 || d.termed != 0 {
				t.Errorf("with equal analyses: %d signatures made, %d made again, %d articles' terms derived; want none",
					d.hashed, d.rehashed, d.termed)
			}
			if merged := stories(c.arts, copies, d.dups, storyDocs(d.terms, d.vocab), len(d.vocab), prev).merged; merged != 0 {
				t.Errorf("with equal analyses: %d of %d stories merged again, want none", merged, len(before))
			}
			got, next := StoriesCached(c.arts, copies, prev)
			if want := Stories(c.arts, copies); !reflect.DeepEqual(got, want) {
				t.Fatalf("stories differ from Stories over the copies")
			}
			if !reflect.DeepEqual(got, before) {
				t.Fatalf("stories over the copies differ from those over the originals")
			}
			for k, st := range got {
				if &st.Articles[0] != &before[k].Articles[0] {
					t.Fatalf("story %s: not taken from the cache", st.ID)
				}
				for _, q := range st.Quotes {
					if !within(copies[q.Article].Quotes, q.Quote) {
						t.Fatalf("story %s: quote %q is not a record of the copies", st.ID, q.Text)
					}
				}
				for _, e := range st.Events {
					if !within(copies[e.Article].Events, e.Event) {
						t.Fatalf("story %s: event %q is not a record of the copies", st.ID, e.Text)
					}
				}
			}
			checkCachedSignatures(t, next, c.arts)
			if found := analysisPointers(next); len(found) > 0 {
				t.Fatalf("the cache points into analyses at %v", found[:min(len(found), 5)])
			}
		})
	}
}

// TestStoriesCachedChangedAnalysis checks that a story the cache holds is
// merged again rather than rehydrated out of range when an analysis the
// caller gives breaks the contract (fewer records than the one the cache
// was made from): the stories are then those of Stories.
func TestStoriesCachedChangedAnalysis(t *testing.T) {
	arts, ans, _ := loadStorySet(t)
	_, prev := StoriesCached(arts, ans, nil)
	copies := copyAnalyses(ans)
	for _, an := range copies {
		an.Quotes, an.Deadlines, an.Events = nil, nil, nil
	}
	got, _ := StoriesCached(arts, copies, prev)
	if want := Stories(arts, copies); !reflect.DeepEqual(got, want) {
		t.Fatalf("stories differ from Stories:\ngot  %+v\nwant %+v", got, want)
	}
}

// TestStoryCacheHoldsNoAnalysis checks that a story cache keeps no
// analysis alive: once the analyses and the stories are dropped, every
// analysis and every list of records in one (sentences, people, quotes,
// deadlines, events) is collected while the cache (made from a previous
// cache, so with stories reused) stays alive, and a walk of the cache
// finds no pointer into an analysis. A story kept alive keeps the lists
// its records are in: the check can fail.
func TestStoryCacheHoldsNoAnalysis(t *testing.T) {
	arts, _, _ := loadStorySet(t)
	var collected, pinned atomic.Int64
	cache, kept, want := cacheDroppingAnalyses(arts, &collected, &pinned)
	if len(kept.Quotes) == 0 {
		t.Fatal("no story with quotes and events to keep")
	}
	if found := analysisPointers(cache); len(found) > 0 {
		t.Fatalf("the cache points into analyses at %v", found)
	}
	for try := 0; try < 100 && collected.Load() < want; try++ {
		runtime.GC()
		time.Sleep(time.Millisecond) // cleanups run on their own goroutine
	}
	if got := collected.Load(); got != want {
		t.Fatalf("%d of %d analyses and lists of records collected with the cache alive", got, want)
	}
	if pinned.Load() != 0 {
		t.Errorf("%d lists of records of a story kept alive were collected: the check cannot fail", pinned.Load())
	}
	runtime.KeepAlive(cache)
	runtime.KeepAlive(kept)
}

// cacheDroppingAnalyses clusters arts twice, from fresh analyses and then
// from fresh copies with the first cache, and returns the second cache,
// one story with quotes, and how many cleanups it registered that count
// in collected: one for each analysis and each of its non-empty lists of
// records, but the lists the story's records are in, whose cleanups count
// in pinned. None of them stays reachable from here.
//
//go:noinline
func cacheDroppingAnalyses(arts []corpus.Article, collected, pinned *atomic.Int64) (*StoryCache, Story, int64) {
	ans := make([]*Analysis, len(arts))
	for i := range arts {
		ans[i] = Analyze(arts[i])
	}
	copies := copyAnalyses(ans)
	_, first := StoriesCached(arts, ans, nil)
	stories, cache := StoriesCached(arts, copies, first)
	var kept Story
	for _, st := range stories {
		if len(st.Quotes) > 0 && len(st.Events) > 0 {
			kept = st
			break
		}
	}
	held := map[any]bool{} // the first records of the lists kept's records are in
	for _, q := range kept.Quotes {
		held[&copies[q.Article].Quotes[0]] = true
	}
	for _, e := range kept.Events {
		held[&copies[e.Article].Events[0]] = true
	}
	for _, d := range kept.Deadlines {
		held[&copies[d.Article].Deadlines[0]] = true
	}
	var n int64
	count := func(p any) *atomic.Int64 {
		if held[p] {
			return pinned
		}
		n++
		return collected
	}
	for _, set := range [][]*Analysis{ans, copies} {
		for _, an := range set {
			watch(an, count)
			watchList(an.Sentences, count)
			watchList(an.People, count)
			watchList(an.Quotes, count)
			watchList(an.Deadlines, count)
			watchList(an.Events, count)
		}
	}
	return cache, kept, n
}

// watch registers a cleanup on p that adds one to count(p).
func watch[T any](p *T, count func(any) *atomic.Int64) {
	runtime.AddCleanup(p, func(c *atomic.Int64) { c.Add(1) }, count(p))
}

// watchList is watch of the list xs (its first element), when not empty.
func watchList[T any](xs []T, count func(any) *atomic.Int64) {
	if len(xs) > 0 {
		watch(&xs[0], count)
	}
}
