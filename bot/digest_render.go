package bot

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/briefbot/briefbot/summarize"
)

// What a digest shows of each story.
const (
	digestQuotes  = 3                   // notable quotes per story
	quoteMinWords = 5                   // shorter quotes are not notable
	dueSoon       = 14 * 24 * time.Hour // a deadline this close is shown even if it did not change
)

// digestView is what a digest reply says around its articles.
type digestView struct {
	title string
	since time.Time // the start of what is new: the previous slot
	at    time.Time // the slot
	next  time.Time // the next slot; zero for none
	loc   *time.Location
	topic string
}

// digestArticles returns the positions of the articles ids names that the
// index holds and that are on topic ("" for all), newest first.
func (ix *Index) digestArticles(ids []string, topic string) []int {
	q := queryTerms(topic, false)
	var arts []int
	for _, id := range ids {
		if i, ok := ix.byID(normName(id)); ok && ix.arts[i].ID == id && ix.onTopic(i, q) {
			arts = append(arts, i)
		}
	}
	slices.SortFunc(arts, func(a, b int) int { return cmp.Or(ix.newerFirst(a, b), a-b) })
	return slices.Compact(arts)
}

// onTopic reports whether article art holds every term of q in its title
// or text.
func (ix *Index) onTopic(art int, q []string) bool {
	if len(q) == 0 {
		return true
	}
	have := map[string]bool{}
	for _, t := range terms(ix.arts[art].Title) {
		have[t] = true
	}
	for _, s := range ix.an(art).Sentences {
		for _, t := range terms(s.Text) {
			have[t] = true
		}
	}
	for _, t := range q {
		if !have[t] {
			return false
		}
	}
	return true
}

// digestReply renders the articles arts (positions, newest first) as a
// digest: one section per story (the corpus's stories, so a new article
// joins its running story), the story with the newest article first. A
// section tells the story in the sentences its new articles add, lists the
// new articles no sentence cites (reprints included), then the story's
// notable quotes and its deadlines that changed or fall due soon. The
// sources close the reply.
func (ix *Index) digestReply(v digestView, arts []int) Reply {
	r := Reply{Title: v.title}
	when := func(t time.Time) string { return t.In(v.loc).Format("Mon 2 Jan 2006 15:04 MST") }
	on := ""
	if v.topic != "" {
		on = " on " + quoted(v.topic)
	}
	if len(arts) == 0 {
		r.Text = fmt.Sprintf("Nothing new%s since %s.", on, when(v.since))
	} else {
		groups := ix.byStory(arts)
		n := "1 story"
		if len(groups) != 1 {
			n = fmt.Sprintf("%d stories", len(groups))
		}
		r.Text = fmt.Sprintf("%s%s in %s since %s.", plural(len(arts), "new article"), on, n, when(v.since))
		c := newCiter(ix)
		for _, g := range groups {
			r.Sections = append(r.Sections, ix.storySection(c, ix.newStory(g), v.at))
		}
		r.Sources = c.srcs
	}
	if !v.next.IsZero() {
		r.Footer = "Next digest: " + when(v.next) + "."
	}
	return r
}

// byStory groups articles (newest first) by their story, each group newest
// first, the group with the newest article first.
func (ix *Index) byStory(arts []int) [][]int {
	var out [][]int
	at := map[int]int{}
	for _, a := range arts {
		j, ok := at[ix.storyOf[a]]
		if !ok {
			j = len(out)
			at[ix.storyOf[a]] = j
			out = append(out, nil)
		}
		out[j] = append(out[j], a)
	}
	return out
}

// storySection renders one story of a digest: a heading, its summary and
// other articles, its notable quotes and its deadlines.
func (ix *Index) storySection(c *citer, st summarize.Story, at time.Time) Section {
	s := Section{Heading: ix.storyHeading(storyViewOf(st)), Items: ix.storyItems(c, storyViewOf(st))}
	told := map[[2]int]bool{} // a quote in a summary sentence is not repeated
	for _, x := range st.Summary {
		told[[2]int{x.Article, x.Sentence}] = true
	}
	quotes := slices.DeleteFunc(slices.Clone(st.Quotes), func(q summarize.StoryQuote) bool { return told[[2]int{q.Article, q.Sentence}] })
	s.Items = append(s.Items, ix.notableQuotes(c, quotes)...)
	for _, d := range st.Deadlines {
		if len(d.History) > 1 || !d.Due.IsZero() && d.Due.After(at.Add(-24*time.Hour)) && d.Due.Before(at.Add(dueSoon)) {
			s.Items = append(s.Items, c.item(d.Article, deadlineLine(*d.Deadline)))
		}
	}
	return s
}

// notableQuotes returns a story's longest statements, direct quotes
// first, at most digestQuotes.
func (ix *Index) notableQuotes(c *citer, quotes []summarize.StoryQuote) []Item {
	var qs []summarize.StoryQuote
	for _, q := range quotes {
		if len(strings.Fields(q.Text)) >= quoteMinWords && q.Speaker != "" {
			qs = append(qs, q)
		}
	}
	slices.SortStableFunc(qs, func(x, y summarize.StoryQuote) int {
		return cmp.Or(cmp.Compare(btoi(x.Kind != summarize.Direct), btoi(y.Kind != summarize.Direct)), len(y.Text)-len(x.Text))
	})
	var items []Item
	for _, q := range qs[:min(digestQuotes, len(qs))] {
		text := q.Speaker + ": “" + q.Text + "”"
		if q.Kind != summarize.Direct {
			text = q.Speaker + " (reported): " + q.Text
		}
		items = append(items, c.item(q.Article, text))
	}
	return items
}

// deadlineLine says who set a deadline, what it demands, when it is due
// and whether it changed: "Deadline set by Donald Trump for Russia: end
// the war — by 8 Aug 2025 (changed 1 time)." It is written here rather
// than shared with deadline status so a digest's wording stays put.
func deadlineLine(d summarize.Deadline) string {
	line := "Deadline"
	if d.SetBy != "" {
		line += " set by " + d.SetBy
	}
	if d.Target != "" {
		line += " for " + d.Target
	}
	if d.Demand != "" {
		line += ": " + d.Demand
	}
	line += " — " + due(d.Due, d.Precision)
	if n := len(d.History) - 1; n > 0 {
		line += " (changed " + plural(n, "time") + ")"
	}
	return line + "."
}
