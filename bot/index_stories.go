package bot

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/briefbot/briefbot/summarize"
)

// How much a story section shows besides its summary.
const alsoReported = 3 // articles of the story listed by outlet when no summary sentence cites them

// indexStories groups the articles into stories (summarize.Stories): the
// same events across days and outlets, near-duplicate reprints included.
// prev is what the index this one replaces derived per article (nil for
// none); the stories do not depend on it.
func (ix *Index) indexStories(prev *summarize.StoryCache) {
	_, ix.storyCache = summarize.StoriesCached(ix.arts, ix.ans, prev)
	ix.stories = ix.storyCache.Stories() // the cache's own: no pointer into the analyses

	ix.storyOf = make([]int, len(ix.arts))
	ix.storyHeads = make([]string, len(ix.stories))
	for s, st := range ix.stories {
		for _, a := range st.Articles {
			ix.storyOf[a] = s
		}
		ix.storyHeads[s] = ix.storyHeading(refsView(st))
	}
}

// topicStories returns the n first stories on a topic (all for n of 0
// or less): the stories of the articles topicRanking ranks, in the order
// of their best article.
// The articles are scored once and not sorted: one pass keeps each
// story's best article, and only the n best of those are ordered.
func (ix *Index) topicStories(topic string, n int) []int {
	sc := getTopicScratch(len(ix.arts))
	defer putTopicScratch(sc)
	keys := ix.topicKeys(queryTerms(topic, false), sc)
	if len(sc.storyAt) < len(ix.stories) {
		sc.storyAt = make([]int32, len(ix.stories))
	}
	best := sc.storyKeys[:0] // each story's best article's key
	for _, k := range keys {
		s := ix.storyOf[k.art]
		if j := sc.storyAt[s] - 1; j < 0 {
			sc.storyAt[s] = int32(len(best)) + 1
			best = append(best, k)
		} else if compareTopicKeys(k, best[j]) < 0 {
			best[j] = k
		}
	}
	for _, k := range best {
		sc.storyAt[ix.storyOf[k.art]] = 0
	}
	sc.storyKeys = best
	if n > 0 && len(best) > n {
		best = smallest(best, n, compareTopicKeys)
	} else {
		slices.SortFunc(best, compareTopicKeys)
	}
	out := make([]int, len(best))
	for i, k := range best {
		out[i] = ix.storyOf[k.art]
	}
	return out
}

// namedStory returns the story a topic names: the story of the article
// that best matches it, when that article's title holds a word of the
// topic.
func (ix *Index) namedStory(topic string) (int, bool) {
	q := queryTerms(topic, false)
	ranked, _ := ix.topicRanking(topic, 1)
	if len(q) == 0 || len(ranked) == 0 {
		return 0, false
	}
	title := terms(ix.arts[ranked[0]].Title)
	for _, t := range q {
		if slices.Contains(title, t) {
			return ix.storyOf[ranked[0]], true
		}
	}
	return 0, false
}

// storyEventIDs returns the events (into ix.events, in their order) of the
// story topic names, each once (summarize.Story.Events: reprints left
// out), nil when it names none.
func (ix *Index) storyEventIDs(topic string) []int {
	s, ok := ix.namedStory(topic)
	if !ok {
		return nil
	}
	var ids []int
	for _, id := range ix.lists.eventsOfStory(s) {
		ids = append(ids, int(id))
	}
	return ids
}

// artSent is a sentence of an article.
type artSent struct{ art, sent int }

// appendStoryEvents appends to dst the events (into ix.events) of story s,
// ascending, each once (summarize.Story.Events: reprints left out), ae
// being the index's events by article; in is scratch space, cleared
// first.
func (ix *Index) appendStoryEvents(dst []int32, ae *articleEvents, in map[artSent]bool, s int) []int32 {
	clear(in)
	for _, e := range ix.stories[s].Events {
		a := int(e.Article)
		in[artSent{a, ix.an(a).Events[e.Index].Sentence}] = true
	}
	from := len(dst)
	for _, a := range ix.stories[s].Articles {
		for _, id := range ae.of(a) {
			if in[artSent{a, ix.event(int(id)).Sentence}] {
				dst = append(dst, id)
			}
		}
	}
	slices.Sort(dst[from:])
	return dst
}

// storyView is what a section shows of a story, whether the index keeps
// it (summarize.StoryRefs) or a digest merges it (summarize.Story).
type storyView struct {
	Title       string
	Articles    []int
	First, Last time.Time
	Summary     []summarize.StorySentence
}

func refsView(st summarize.StoryRefs) storyView {
	return storyView{Title: st.Title, Articles: st.Articles, First: st.First, Last: st.Last, Summary: st.Summary}
}

func storyViewOf(st summarize.Story) storyView {
	return storyView{Title: st.Title, Articles: st.Articles, First: st.First, Last: st.Last, Summary: st.Summary}
}

// storyHeading names a story for a section: an article's heading for a
// one-article story, else "Latest title (3 articles: Outlet, Outlet;
// 14 Jul–29 Jul 2025)".
func (ix *Index) storyHeading(st storyView) string {
	if len(st.Articles) == 1 {
		return ix.heading(st.Articles[0])
	}
	var outlets []string
	seen := map[string]bool{}
	for _, a := range st.Articles {
		if o := ix.arts[a].Source; o != "" && !seen[o] {
			seen[o] = true
			outlets = append(outlets, o)
		}
	}
	parts := []string{plural(len(st.Articles), "article")}
	if len(outlets) > 0 {
		parts[0] += ": " + strings.Join(outlets, ", ")
	}
	if !st.First.IsZero() {
		parts = append(parts, dateRange(st.First, st.Last))
	}
	return fmt.Sprintf("%s (%s)", st.Title, strings.Join(parts, "; "))
}

// dateRange formats the days from a to b as briefly as reads well: "14 Jul
// 2025", "14–29 Jul 2025", "30 Jul–8 Aug 2025", "30 Dec 2024–2 Jan 2025".
func dateRange(a, b time.Time) string {
	switch {
	case a.Equal(b):
		return day(a)
	case a.Year() != b.Year():
		return day(a) + "–" + day(b)
	case a.Month() != b.Month():
		return a.Format("2 Jan") + "–" + day(b)
	}
	return a.Format("2") + "–" + day(b)
}

// storyItems returns a story's summary sentences, each citing its article,
// then up to alsoReported of its other articles by outlet and date
// ("Also reported: Coastal Post, 13 Sep 2024.").
func (ix *Index) storyItems(c *citer, st storyView) []Item {
	var items []Item
	cited := map[int]bool{}
	for _, s := range st.Summary {
		items = append(items, c.item(s.Article, s.Text))
		cited[s.Article] = true
	}
	if len(items) == 0 {
		items = append(items, c.item(st.Articles[len(st.Articles)-1], "This story has no text to summarise."))
		cited[st.Articles[len(st.Articles)-1]] = true
	}
	also := 0
	for i := len(st.Articles) - 1; i >= 0 && also < alsoReported; i-- {
		if a := st.Articles[i]; !cited[a] {
			items = append(items, c.item(a, "Also reported: "+ix.byline(a)+"."))
			also++
		}
	}
	return items
}

// byline names an article by outlet and date ("Coastal Post, 13 Sep 2024"),
// else by title.
func (ix *Index) byline(art int) string {
	if od := ix.outletDate(art); od != "" {
		return od
	}
	return ix.title(art)
}

// outletDate gives an article's outlet and date as far as known ("Coastal
// Post, 13 Sep 2024"), or "".
func (ix *Index) outletDate(art int) string {
	a := ix.arts[art]
	var parts []string
	if a.Source != "" {
		parts = append(parts, a.Source)
	}
	if a.HasDate() {
		parts = append(parts, day(a.Published))
	}
	return strings.Join(parts, ", ")
}

// newStory merges the given articles (positions) into one story, for a
// digest's new articles on one story.
func (ix *Index) newStory(arts []int) summarize.Story {
	ans := make([]*summarize.Analysis, len(ix.arts)) // NewStory reads the members' only
	for _, a := range arts {
		ans[a] = ix.an(a)
	}
	return summarize.NewStory(ix.arts, ans, arts)
}
