package bot

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/summarize"
)

// What a digest shows of each story.
const (
	digestSentences = 2                   // summary sentences per article
	digestQuotes    = 3                   // notable quotes per story
	quoteMinWords   = 5                   // shorter quotes are not notable
	dueSoon         = 14 * 24 * time.Hour // a deadline this close is shown even if it did not change
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
		if i, ok := ix.byID[normName(id)]; ok && ix.arts[i].ID == id && ix.onTopic(i, q) {
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
	for _, s := range ix.ans[art].Sentences {
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
// digest: one section per story, each article with its summary, the
// story's notable quotes and its deadlines that changed or fall due soon,
// and the sources.
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
		stories := ix.stories(arts)
		n := "1 story"
		if len(stories) != 1 {
			n = fmt.Sprintf("%d stories", len(stories))
		}
		r.Text = fmt.Sprintf("%s%s in %s since %s.", plural(len(arts), "new article"), on, n, when(v.since))
		c := newCiter(ix)
		for _, story := range stories {
			r.Sections = append(r.Sections, ix.storySection(c, story, v.at))
		}
		r.Sources = c.srcs
	}
	if !v.next.IsZero() {
		r.Footer = "Next digest: " + when(v.next) + "."
	}
	return r
}

// stories groups articles (newest first) by story, each story's articles
// newest first, the story with the newest article first.
func (ix *Index) stories(arts []int) [][]int {
	sub := make([]corpus.Article, len(arts))
	ans := make([]*summarize.Analysis, len(arts))
	for i, a := range arts {
		sub[i], ans[i] = ix.arts[a], ix.ans[a]
	}
	ids := summarize.Stories(sub, ans)
	var out [][]int
	at := map[string]int{}
	for i, a := range arts {
		j, ok := at[ids[i]]
		if !ok {
			j = len(out)
			at[ids[i]] = j
			out = append(out, nil)
		}
		out[j] = append(out[j], a)
	}
	return out
}

// storySection renders one story: a heading, each article's summary, then
// its notable quotes and its deadlines.
func (ix *Index) storySection(c *citer, story []int, at time.Time) Section {
	s := Section{Heading: ix.heading(story[0])}
	if len(story) > 1 {
		s.Heading = fmt.Sprintf("%s (%d articles)", ix.title(story[0]), len(story))
	}
	for _, a := range story {
		sum := ix.summary(a)
		text := strings.Join(sum[:min(digestSentences, len(sum))], " ")
		if len(story) > 1 {
			text = ix.heading(a) + ": " + text
		}
		if text == "" {
			text = "This article has no text to summarise."
		}
		s.Items = append(s.Items, c.item(a, text))
	}
	s.Items = append(s.Items, ix.notableQuotes(c, story)...)
	for _, a := range story {
		for _, d := range ix.ans[a].Deadlines {
			if len(d.History) > 1 || !d.Due.IsZero() && d.Due.After(at.Add(-24*time.Hour)) && d.Due.Before(at.Add(dueSoon)) {
				s.Items = append(s.Items, c.item(a, deadlineLine(d)))
			}
		}
	}
	return s
}

// notableQuotes returns the story's longest statements, direct quotes
// first, at most digestQuotes.
func (ix *Index) notableQuotes(c *citer, story []int) []Item {
	type ref struct {
		art int
		q   summarize.Quote
	}
	var qs []ref
	for _, a := range story {
		for _, q := range ix.ans[a].Quotes {
			if len(strings.Fields(q.Text)) >= quoteMinWords && q.Speaker != "" {
				qs = append(qs, ref{a, q})
			}
		}
	}
	slices.SortStableFunc(qs, func(x, y ref) int {
		return cmp.Or(cmp.Compare(btoi(x.q.Kind != summarize.Direct), btoi(y.q.Kind != summarize.Direct)), len(y.q.Text)-len(x.q.Text))
	})
	var items []Item
	for _, r := range qs[:min(digestQuotes, len(qs))] {
		text := r.q.Speaker + ": “" + r.q.Text + "”"
		if r.q.Kind != summarize.Direct {
			text = r.q.Speaker + " (reported): " + r.q.Text
		}
		items = append(items, c.item(r.art, text))
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
