package bot

import (
	"cmp"
	"fmt"
	"slices"
	"time"
)

// How much the summary, search and question answers show.
const (
	latestStories = 5 // summary without argument
	topicStories  = 5 // summary of a topic
	searchHits    = 5
	questionHits  = 3
)

// summary answers "summary [ARTICLE|TOPIC]": the latest stories, the one
// article the argument names (by ID, path or title words), or the stories
// on the argument as a topic. A story is told in the sentences drawn
// across its articles (summarize.Story), an article in its own summary.
func summary(_ *Bot, ix *Index, req request, _ time.Time) Reply {
	if ix.Len() == 0 {
		return ix.none("Summary", "articles")
	}
	c := newCiter(ix)
	var r Reply
	var stories []int
	switch art, ok := ix.article(req.arg); {
	case req.arg == "":
		for s := range min(latestStories, len(ix.stories)) {
			stories = append(stories, s)
		}
		r = Reply{Title: "Summary: the latest stories", Text: fmt.Sprintf("The latest %s of %s.", storiesCount(len(stories)), ix.loaded())}
		if len(stories) == len(ix.stories) {
			r.Text = fmt.Sprintf("All %s in %s, newest first.", storiesCount(len(stories)), ix.loaded())
		}
	case ok:
		r = Reply{Title: "Summary: " + ix.title(art)}
		s := Section{Heading: ix.heading(art)}
		for _, text := range ix.summary(art) {
			s.Items = append(s.Items, c.item(art, text))
		}
		if len(s.Items) == 0 {
			s.Items = []Item{c.item(art, "This article has no text to summarise.")}
		}
		r.Sections = []Section{s}
		if st := ix.stories[ix.storyOf[art]]; len(st.Articles) > 1 {
			r.Text = fmt.Sprintf("One of %d articles on the story %s.", len(st.Articles), quoted(st.Title))
		}
		r.Sources = c.srcs
		return r
	default:
		stories = ix.topicStories(req.arg, topicStories)
		r = Reply{Title: "Summary: " + quoted(req.arg)}
		if len(stories) == 0 {
			r.Text = fmt.Sprintf("No article matches %s in %s. Type `sources` for the list.", quoted(req.arg), ix.loaded())
			return r
		}
		r.Text = fmt.Sprintf("The %s that best match %s.", storiesCount(len(stories)), quoted(req.arg))
		if len(stories) == 1 {
			r.Text = fmt.Sprintf("The story that best matches %s.", quoted(req.arg))
		}
	}
	for _, st := range stories {
		r.Sections = append(r.Sections, Section{Heading: ix.storyHeads[st], Items: ix.storyItems(c, refsView(ix.stories[st]))})
	}
	r.Sources = c.srcs
	return r
}

// storiesCount returns "1 story" or "3 stories".
func storiesCount(n int) string {
	if n == 1 {
		return "1 story"
	}
	return fmt.Sprintf("%d stories", n)
}

// heading names an article for a section: "Title (Outlet, 14 Jul 2025)".
func (ix *Index) heading(art int) string {
	if od := ix.outletDate(art); od != "" {
		return ix.title(art) + " (" + od + ")"
	}
	return ix.title(art)
}

// article finds the one article arg names: by ID or path, by its exact
// title, or as the only title holding every word of arg.
func (ix *Index) article(arg string) (int, bool) {
	if arg == "" {
		return 0, false
	}
	norm := normName(arg)
	if i, ok := ix.byID(norm); ok {
		return i, true
	}
	q := queryTerms(arg, false)
	first, n := ix.titles.firstHoldingAll(q)
	if n == 0 {
		return 0, false
	}
	// The first article titled norm among those holding every word: the
	// first so titled, since every article so titled has the title's
	// words, so all or none of them hold every word. byTitle gives it
	// unless another title hashes alike and came first; then the titles
	// are read as they come.
	i, ok := ix.byTitle[hashNorm(norm)]
	switch {
	case !ok: // no title is norm
	case normIs(ix.arts[i].Title, norm):
		if ix.titles.holds(q, int(i)) == len(q) {
			return int(i), true
		}
	default:
		ids, _ := ix.titles.bestSorted(q)
		for _, i := range ids {
			if normIs(ix.arts[i].Title, norm) {
				return int(i), true
			}
		}
	}
	return int(first[0]), n == 1
}

// topicRanking ranks the articles on a topic: those whose title holds more
// of its words first, then by the BM25 scores of their three best
// sentences, then newest first. Articles that match no word of it are left
// out. It returns the first limit of them (all when limit is 0 or less)
// and whether there were more; only those are sorted, so a common word
// costs a pass over its articles, not a sort of them. Its scratch space
// comes from a pool, so a query allocates little but its answer.
func (ix *Index) topicRanking(topic string, limit int) (ranked []int, more bool) {
	sc := getTopicScratch(len(ix.arts))
	defer putTopicScratch(sc)
	keys := ix.topicKeys(queryTerms(topic, false), sc)
	if limit > 0 && len(keys) > limit {
		keys, more = smallest(keys, limit, compareTopicKeys), true
	} else {
		slices.SortFunc(keys, compareTopicKeys)
	}
	ranked = make([]int, len(keys))
	for k, c := range keys {
		ranked[k] = int(c.art)
	}
	return ranked, more
}

// topicKeys returns, in sc's buffers and in no order, the key topicRanking
// orders each article matching a query term by.
func (ix *Index) topicKeys(q []string, sc *topicScratch) []topicKey {
	// The articles whose title holds a query term, then those with a
	// matching sentence; sc.at finds an article's candidate.
	sc.countTitles(ix.titles, q)
	// The hits are gathered first and their articles read in one tight
	// loop: the reads miss the cache, and independent ones overlap.
	hits := sc.hits[:0]
	ix.sents.scores(q, func(doc int, score float64) {
		hits = append(hits, topicHit{doc: int32(doc), score: score})
	})
	docs := &ix.sents.docs
	for i := range hits {
		hits[i].art = docs.art(hits[i].doc)
	}
	sc.hits = hits
	for _, h := range hits {
		a, doc, score := h.art, h.doc, h.score
		k := sc.at[a] - 1
		if k < 0 {
			k = int32(len(sc.cands))
			sc.cands = append(sc.cands, topicCand{art: a})
			sc.at[a] = k + 1
		}
		c := &sc.cands[k]
		if c.best == 0 {
			sc.best = append(sc.best, top3{})
			c.best = int32(len(sc.best))
		}
		sc.best[c.best-1].add(int(doc), score)
	}
	// newerFirst, then the article number, is the order of byDate.
	pos := ix.lists.dateRank
	keys := sc.keys[:0]
	for _, c := range sc.cands {
		score := 0.0
		if c.best > 0 {
			score = sc.best[c.best-1].sum()
		}
		keys = append(keys, topicKey{art: c.art, inTitle: c.inTitle, pos: int32(pos[c.art]), score: score})
	}
	sc.keys = keys
	return keys
}

// smallest returns the k least of xs (k < len(xs)) by cmp, in order,
// keeping a bounded heap: O(len(xs)·log k). It reorders xs.
func smallest[T any](xs []T, k int, cmp func(a, b T) int) []T {
	h := make([]T, 0, k) // a max-heap by cmp: h[0] is the greatest kept
	up := func(i int) {
		for i > 0 {
			p := (i - 1) / 2
			if cmp(h[p], h[i]) >= 0 {
				return
			}
			h[p], h[i] = h[i], h[p]
			i = p
		}
	}
	down := func() {
		for i := 0; ; {
			l, g := 2*i+1, i
			if l < len(h) && cmp(h[l], h[g]) > 0 {
				g = l
			}
			if l+1 < len(h) && cmp(h[l+1], h[g]) > 0 {
				g = l + 1
			}
			if g == i {
				return
			}
			h[i], h[g] = h[g], h[i]
			i = g
		}
	}
	for _, x := range xs {
		switch {
		case len(h) < k:
			h = append(h, x)
			up(len(h) - 1)
		case cmp(x, h[0]) < 0:
			h[0] = x
			down()
		}
	}
	slices.SortFunc(h, cmp)
	return h
}

// topSentences returns the n best sentences for the query terms, leaving
// out repeats of a sentence already taken. It orders only the best few
// hits (a bounded heap of 4n, then 16n… when repeats use them up), not
// every hit; each round goes on from where the last stopped, since the
// best 4k hits begin with the best k.
func (ix *Index) topSentences(q []string, n int) []sentDoc {
	var hits []hit
	ix.sents.scores(q, func(doc int, score float64) {
		if ix.sents.isCanonical(doc) { // a repeat ranks below its first wording (topics_sent_canon.go)
			hits = append(hits, hit{doc: doc, score: score})
		}
	})
	byRank := func(a, b hit) int { return cmp.Or(cmp.Compare(b.score, a.score), a.doc-b.doc) }
	var out []sentDoc
	seen := map[string]bool{} // normName of the sentences taken
	var buf [256]byte
	norm := buf[:0]
	done := 0 // the hits of the last round looked at
	for k := 4 * n; ; k *= 4 {
		top := hits
		if k < len(hits) {
			top = smallest(hits, k, byRank)
		} else {
			slices.SortFunc(hits, byRank)
		}
		for _, h := range top[done:] {
			d := ix.sents.docs.at(int32(h.doc))
			norm = appendNorm(norm[:0], ix.sentence(int(d.art), int(d.sent)))
			if seen[string(norm)] {
				continue
			}
			seen[string(norm)] = true
			if out = append(out, d); len(out) == n {
				return out
			}
		}
		if len(top) == len(hits) {
			return out
		}
		done = len(top)
	}
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
		items = append(items, c.item(int(d.art), ix.sentence(int(d.art), int(d.sent))))
	}
	if len(items) > 0 {
		r.Sections = []Section{{Items: items}}
	}
	r.Sources = c.srcs
	return r
}
