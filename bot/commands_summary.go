package bot

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"
)

// How much the summary, search and question answers show.
const (
	latestArticles = 5 // summary without argument
	topicArticles  = 5 // summary of a topic
	searchHits     = 5
	questionHits   = 3
)

// summary answers "summary [ARTICLE|TOPIC]": the latest articles, the one
// article the argument names (by ID, path or title words), or the articles
// that match it as a topic; each with its summary.
func summary(_ *Bot, ix *Index, req request, _ time.Time) Reply {
	if ix.Len() == 0 {
		return ix.none("Summary", "articles")
	}
	c := newCiter(ix)
	var r Reply
	var arts []int
	switch art, ok := ix.article(req.arg); {
	case req.arg == "":
		arts = ix.byDate[:min(latestArticles, ix.Len())]
		r = Reply{Title: "Summary: the latest articles", Text: fmt.Sprintf("The latest %d of %s.", len(arts), ix.loaded())}
		if len(arts) == ix.Len() {
			r.Text = fmt.Sprintf("All of %s, newest first.", ix.loaded())
		}
	case ok:
		arts = []int{art}
		r = Reply{Title: "Summary: " + ix.title(art)}
	default:
		arts = ix.topicArticles(req.arg)
		r = Reply{Title: "Summary: " + quoted(req.arg)}
		if len(arts) == 0 {
			r.Text = fmt.Sprintf("No article matches %s in %s. Type `sources` for the list.", quoted(req.arg), ix.loaded())
			return r
		}
		r.Text = fmt.Sprintf("The %s that best match %s.", plural(len(arts), "article"), quoted(req.arg))
	}
	for _, a := range arts {
		s := Section{Heading: ix.heading(a)}
		for _, text := range ix.summary(a) {
			s.Items = append(s.Items, c.item(a, text))
		}
		if len(s.Items) == 0 {
			s.Items = []Item{c.item(a, "This article has no text to summarise.")}
		}
		r.Sections = append(r.Sections, s)
	}
	r.Sources = c.srcs
	return r
}

// heading names an article for a section: "Title (Outlet, 14 Jul 2025)".
func (ix *Index) heading(art int) string {
	a := ix.arts[art]
	var parts []string
	if a.Source != "" {
		parts = append(parts, a.Source)
	}
	if a.HasDate() {
		parts = append(parts, day(a.Published))
	}
	if len(parts) == 0 {
		return ix.title(art)
	}
	return ix.title(art) + " (" + strings.Join(parts, ", ") + ")"
}

// article finds the one article arg names: by ID or path, by its exact
// title, or as the only title holding every word of arg.
func (ix *Index) article(arg string) (int, bool) {
	if arg == "" {
		return 0, false
	}
	if i, ok := ix.byID[normName(arg)]; ok {
		return i, true
	}
	q := queryTerms(arg, false)
	ids, matched := ix.titles.best(q)
	if len(q) == 0 || matched < len(q) {
		return 0, false
	}
	for _, i := range ids {
		if normName(ix.arts[i].Title) == normName(arg) {
			return i, true
		}
	}
	return ids[0], len(ids) == 1
}

// topicArticles ranks the articles on a topic: those whose title holds more
// of its words first, then by the BM25 scores of their three best
// sentences.
func (ix *Index) topicArticles(topic string) []int {
	q := queryTerms(topic, false)
	inTitle := map[int]int{}
	for _, t := range q {
		for _, a := range ix.titles[t] {
			inTitle[a]++
		}
	}
	score, counted := map[int]float64{}, map[int]int{}
	for _, h := range ix.sents.rank(q) {
		if a := ix.sents.docs[h.doc].art; counted[a] < 3 {
			score[a] += h.score
			counted[a]++
		}
	}
	var arts []int
	for a := range inTitle {
		arts = append(arts, a)
	}
	for a := range score {
		if inTitle[a] == 0 {
			arts = append(arts, a)
		}
	}
	slices.SortFunc(arts, func(a, b int) int {
		return cmp.Or(inTitle[b]-inTitle[a], cmp.Compare(score[b], score[a]), ix.newerFirst(a, b), a-b)
	})
	return arts[:min(len(arts), topicArticles)]
}

// topSentences returns the n best sentences for the query terms, leaving
// out repeats of a sentence already taken.
func (ix *Index) topSentences(q []string, n int) []sentDoc {
	var out []sentDoc
	seen := map[string]bool{}
	for _, h := range ix.sents.rank(q) {
		d := ix.sents.docs[h.doc]
		text := normName(ix.ans[d.art].Sentences[d.sent].Text)
		if seen[text] {
			continue
		}
		seen[text] = true
		if out = append(out, d); len(out) == n {
			break
		}
	}
	return out
}

// search answers "search WORDS" with the best-matching sentences.
func search(_ *Bot, ix *Index, req request, _ time.Time) Reply {
	title := "Search: " + quoted(req.arg)
	if req.arg == "" {
		return Reply{Title: "Search", Text: "Search for what? Try `search tariffs Russia`."}
	}
	q := queryTerms(req.arg, false)
	if len(q) == 0 {
		return Reply{Title: title, Text: fmt.Sprintf("%s has only very common words; search for something more specific.", quoted(req.arg))}
	}
	r := ix.sentenceReply(title, q, searchHits)
	if len(r.Sections) == 0 {
		return ix.none(title, "sentences matching "+quoted(req.arg))
	}
	return r
}

// question answers a message that is no command with the most relevant
// sentences, and suggests the command its first words look like a typo of.
func (b *Bot) question(ix *Index, req request) Reply {
	r := ix.sentenceReply(quoted(req.text), queryTerms(req.text, true), questionHits)
	if len(r.Sections) == 0 {
		r.Text = fmt.Sprintf("I found nothing about %s in %s. Type `help` to see what I can answer.", quoted(req.text), ix.loaded())
	} else {
		r.Text = fmt.Sprintf("The most relevant passages in %s.", ix.loaded())
	}
	if name := didYouMean(req.words, b.cmds); name != "" {
		r.Text = fmt.Sprintf("Did you mean `%s`? %s", name, r.Text)
	}
	return r
}

// sentenceReply lists the n best sentences for q, each citing its article.
func (ix *Index) sentenceReply(title string, q []string, n int) Reply {
	c := newCiter(ix)
	r := Reply{Title: title}
	var items []Item
	for _, d := range ix.topSentences(q, n) {
		items = append(items, c.item(d.art, ix.ans[d.art].Sentences[d.sent].Text))
	}
	if len(items) > 0 {
		r.Sections = []Section{{Items: items}}
	}
	r.Sources = c.srcs
	return r
}
