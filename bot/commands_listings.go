package bot

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// The lazy forms of the listing commands. Each gives the answer its eager
// form (run) gives, but as a listing: the header and the counts now, the
// items a page at a time. Whole-corpus listings read the orders the index
// keeps (index_listings.go); topic listings read the term postings.

// eventList lists events (into Index.events) in one untitled section:
// those of story when it is set, else ids, else (both nil) every event.
type eventList struct {
	ix    *Index
	story []int32
	ids   idList
	n     int
}

func (l eventList) sections() int      { return 1 }
func (l eventList) heading(int) string { return "" }
func (l eventList) count(int) int      { return l.n }

func (l eventList) items(_, from, to int) []Item {
	out := make([]Item, 0, to-from)
	for k := from; k < to; k++ {
		id := k
		switch {
		case l.story != nil:
			id = int(l.story[k])
		case l.ids.len() > 0:
			id = int(l.ids.at(k))
		}
		e := l.ix.event(id)
		out = append(out, Item{Text: when(e.When, e.Precision) + " — " + e.Text, Source: l.ix.eventArt(id)})
	}
	return out
}

// timelineList is timeline as a listing.
func timelineList(_ *Bot, ix *Index, req request, _ time.Time) *answer {
	title, what := "Timeline", "dated events"
	src := eventList{ix: ix, n: len(ix.events)}
	if req.arg != "" {
		title += ": " + quoted(req.arg)
		what += " about " + quoted(req.arg)
		src.n = 0
		if st, ok := ix.namedStory(req.arg); ok {
			src.story = ix.lists.eventsOfStory(st)
			src.n = len(src.story)
		}
		if src.n == 0 {
			src.story = nil
			src.ids, _ = ix.eventTerms.bestSorted(queryTerms(req.arg, false))
			src.n = src.ids.len()
		}
	}
	if src.n == 0 {
		return wholeAnswer(ix.none(title, what))
	}
	head := Reply{Title: title, Text: fmt.Sprintf("%s, oldest first.", plural(src.n, "event"))}
	return lazyAnswer(&listing{ix: ix, head: head, src: src, total: src.n})
}

// quoteList lists speakers, each with quotes (into Index.quotes): runs of
// ids when runs is set, else each speaker's quotes, every one when
// quotes is nil.
type quoteList struct {
	ix       *Index
	speakers []int
	quotes   [][]int
	ids      idList
	runs     []quoteRun
}

func (l quoteList) sections() int {
	if l.runs != nil {
		return len(l.runs)
	}
	return len(l.speakers)
}

func (l quoteList) speaker(sec int) int {
	if l.runs != nil {
		return int(l.ix.speakerOf(l.ids.at(int(l.runs[sec].from))))
	}
	return l.speakers[sec]
}

func (l quoteList) heading(sec int) string { return speakerHeading(l.ix.speakers[l.speaker(sec)]) }

func (l quoteList) count(sec int) int {
	switch {
	case l.runs != nil:
		return int(l.runs[sec].n)
	case l.quotes == nil:
		return int(l.ix.speakers[l.speakers[sec]].n)
	}
	return len(l.quotes[sec])
}

func (l quoteList) items(sec, from, to int) []Item {
	out := make([]Item, 0, to-from)
	for k := from; k < to; k++ {
		var q int
		switch {
		case l.runs != nil:
			q = int(l.ids.at(int(l.runs[sec].from) + k))
		case l.quotes == nil:
			q = int(l.ix.speakers[l.speakers[sec]].first) + k
		default:
			q = l.quotes[sec][k]
		}
		out = append(out, Item{Text: quoteText(l.ix.quote(q)), Source: l.ix.quoteArt(q)})
	}
	return out
}

// whoSaidWhatList is whoSaidWhat as a listing. Without a topic it reads
// the speakers in the order the index keeps; with one, the quotes holding
// the most of its terms, grouped by speaker (groupedQuotes).
func whoSaidWhatList(_ *Bot, ix *Index, req request, _ time.Time) *answer {
	title, what := "Who said what", "quotes"
	src := quoteList{ix: ix}
	total, speakers := 0, 0
	if req.arg == "" {
		src.speakers, total = ix.lists.speakers, len(ix.quotes)
		speakers = len(src.speakers)
	} else {
		title += " about " + quoted(req.arg)
		what += " about " + quoted(req.arg)
		src.ids, src.runs = ix.groupedQuotes(queryTerms(req.arg, false))
		total, speakers = src.ids.len(), len(src.runs)
	}
	if total == 0 {
		return wholeAnswer(ix.none(title, what))
	}
	head := Reply{Title: title, Text: fmt.Sprintf("%s by %s in %s.", plural(total, "statement"), plural(speakers, "speaker"), ix.loaded())}
	return lazyAnswer(&listing{ix: ix, head: head, src: src, total: total})
}

// whatDidList is whatDid as a listing. With a topic, each speaker keeps the
// quotes holding the most of its terms, found by binary searches of the
// term postings for the speaker's own quotes.
func whatDidList(_ *Bot, ix *Index, req request, _ time.Time) *answer {
	ids := lookupName(ix.speakerKeys, req.arg)
	var note string
	if len(ids) == 0 {
		if ids = lookupTypo(ix.speakerKeys, req.arg); len(ids) > 0 {
			note = fmt.Sprintf("Nobody is named exactly %s; showing the closest match. ", quoted(req.arg))
		}
	}
	if len(ids) == 0 {
		return wholeAnswer(ix.nobody(req.arg))
	}
	title := "What " + quoted(req.arg) + " said"
	if len(ids) == 1 {
		title = "What " + ix.speakers[ids[0]].name + " said"
	}
	q := queryTerms(req.about, false)
	if len(q) > 0 {
		title += " about " + quoted(req.about)
	}
	src := quoteList{ix: ix}
	total := 0
	for _, s := range ids {
		sp := ix.speakers[s]
		if len(q) == 0 { // every quote (each speaker has one at least): src.quotes stays nil
			src.speakers = append(src.speakers, s)
			total += int(sp.n)
			continue
		}
		var best []int
		most := 1
		for id := int(sp.first); id < int(sp.first+sp.n); id++ {
			switch n := ix.quoteTerms.holds(q, id); {
			case n > most:
				best, most = []int{id}, n
			case n == most:
				best = append(best, id)
			}
		}
		if len(best) > 0 {
			src.speakers = append(src.speakers, s)
			src.quotes = append(src.quotes, best)
			total += len(best)
		}
	}
	head := Reply{Title: title}
	if total == 0 {
		head.Text = note + fmt.Sprintf("Nothing said about %s by %s was found in %s.", quoted(req.about), quoted(req.arg), ix.loaded())
		return wholeAnswer(head)
	}
	head.Text = note + fmt.Sprintf("%s in %s.", plural(total, "statement"), ix.loaded())
	return lazyAnswer(&listing{ix: ix, head: head, src: src, total: total})
}

// deadlineList lists deadlines, one section each, from groups read in
// turn (open, passed, undated).
type deadlineList struct {
	ix     *Index
	now    time.Time
	groups [3][]int
}

func (l deadlineList) id(sec int) int {
	for _, g := range l.groups {
		if sec < len(g) {
			return g[sec]
		}
		sec -= len(g)
	}
	panic("deadline listing: section out of range")
}

func (l deadlineList) sections() int {
	return len(l.groups[0]) + len(l.groups[1]) + len(l.groups[2])
}

func (l deadlineList) heading(sec int) string {
	dr := &l.ix.deadlines[l.id(sec)]
	return setBy(dr.setBy, dr.target)
}

func (l deadlineList) count(sec int) int { return l.ix.lists.items[l.id(sec)] }

// items renders the section whole with a citer of its own, and gives the
// items asked for the articles they cite.
func (l deadlineList) items(sec, from, to int) []Item {
	c := newCiter(l.ix)
	s := l.ix.deadlineSection(c, &l.ix.deadlines[l.id(sec)], l.now)
	art := make([]int, len(c.srcs))
	for a, k := range c.seen {
		art[k] = a
	}
	out := slices.Clone(s.Items[from:to])
	for i := range out {
		if out[i].Source >= 0 {
			out[i].Source = art[out[i].Source]
		}
	}
	return out
}

// deadlineStatusList is deadlineStatus as a listing: every deadline in the
// orders the index keeps, split at now; those of a name or topic sorted
// by byStatus.
func deadlineStatusList(_ *Bot, ix *Index, req request, now time.Time) *answer {
	title, what := "Deadline status", "deadlines"
	var open, passed, undated []int
	if req.arg == "" {
		open, passed, undated = ix.byStatusAt(now)
	} else {
		title += ": " + quoted(req.arg)
		what += " about " + quoted(req.arg)
		open, passed, undated = ix.byStatus(ix.deadlinesFor(req.arg), now)
	}
	n := len(open) + len(passed) + len(undated)
	if n == 0 {
		return wholeAnswer(ix.none(title, what))
	}
	var counts []string
	for _, g := range []struct {
		n    int
		what string
	}{{len(open), "open"}, {len(passed), "passed"}, {len(undated), "with no due date"}} {
		if g.n > 0 {
			counts = append(counts, fmt.Sprintf("%d %s", g.n, g.what))
		}
	}
	head := Reply{Title: title, Text: fmt.Sprintf("As of %s: %s (%s).", day(now), plural(n, "deadline"), strings.Join(counts, ", "))}
	if n > 1 {
		head.Text += " Open ones first, soonest first; then passed ones, most recent first."
	}
	src := deadlineList{ix: ix, now: now, groups: [3][]int{open, passed, undated}}
	total := ix.lists.allItems
	if req.arg != "" {
		total = 0
		for _, g := range src.groups {
			for _, id := range g {
				total += ix.lists.items[id]
			}
		}
	}
	return lazyAnswer(&listing{ix: ix, head: head, src: src, total: total})
}
