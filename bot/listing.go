package bot

import (
	"fmt"
	"time"
)

// A listing is a long answer built a page at a time: the first page when
// it is asked for, each other one on `more`. Its pages are exactly those
// paginate gives for the same answer built whole, but nothing beyond the
// page sent is rendered, so a listing of the whole corpus costs a page.

// listSource is the body of a listing: sections of items in answer order.
// Implementations read only immutable data (the index and their own
// slices), so pages may be built from several goroutines at once.
type listSource interface {
	sections() int
	heading(sec int) string
	// count returns the number of items of section sec, at least 1.
	count(sec int) int
	// items returns items [from, to) of section sec; an item's Source is
	// the article it cites (an index into Index.arts), or -1.
	items(sec, from, to int) []Item
}

// listing is a lazily paged answer: head carries the whole answer's
// Title, Text and Footer (its Sections and Sources are unused), total the
// number of items src holds.
type listing struct {
	ix    *Index
	head  Reply
	src   listSource
	total int
}

// listPos is where a page starts: an item of a section.
type listPos struct{ sec, off int }

// pages returns how many pages l takes, as paginate counts them.
func (l *listing) pages() int {
	return max(1, (l.total+pageItems-1)/pageItems)
}

// page renders page k (from 0) of l, which starts at at, and returns where
// the next one starts. Like paginate, a section split over pages repeats
// its heading marked "(continued)", each page cites only its own sources,
// the lead text stays on the first page and every page but the last says
// how to get the next. An answer that fits one page is returned whole.
func (l *listing) page(k int, at listPos) (Reply, listPos) {
	r := Reply{Channel: l.head.Channel, Thread: l.head.Thread}
	if k == 0 {
		r.Text = l.head.Text
	}
	c := newCiter(l.ix)
	for left := pageItems; left > 0 && at.sec < l.src.sections(); {
		n := l.src.count(at.sec)
		take := min(left, n-at.off)
		s := Section{Heading: l.src.heading(at.sec)}
		if at.off > 0 && s.Heading != "" {
			s.Heading += " (continued)"
		}
		s.Items = l.src.items(at.sec, at.off, at.off+take)
		for i := range s.Items {
			if s.Items[i].Source >= 0 {
				s.Items[i].Source = c.cite(s.Items[i].Source)
			}
		}
		r.Sections = append(r.Sections, s)
		left -= take
		if at.off += take; at.off == n {
			at = listPos{sec: at.sec + 1}
		}
	}
	r.Sources = c.srcs
	n := l.pages()
	switch {
	case n == 1:
		r.Title, r.Footer = l.head.Title, l.head.Footer
	case k < n-1:
		r.Title = fmt.Sprintf("%s (page %d of %d)", l.head.Title, k+1, n)
		r.Footer = fmt.Sprintf("Page %d of %d. Say `more` for the next page.", k+1, n)
	default:
		r.Title = fmt.Sprintf("%s (page %d of %d)", l.head.Title, k+1, n)
		r.Footer = l.head.Footer
	}
	return r, at
}

// skip returns where the page after the one starting at at begins,
// reading only item counts.
func (l *listing) skip(at listPos) listPos {
	for left := pageItems; left > 0 && at.sec < l.src.sections(); {
		n := l.src.count(at.sec)
		take := min(left, n-at.off)
		left -= take
		if at.off += take; at.off == n {
			at = listPos{sec: at.sec + 1}
		}
	}
	return at
}

// answer is a reply in pages, as Handle caches it: every page of an
// answer built whole, or the first page of a listing and the listing,
// which renders the others when asked. It is never modified once built.
type answer struct {
	pages []Reply  // every page; only the first when l is set
	l     *listing // nil when pages holds them all
	next  listPos  // where the listing's second page starts
}

// wholeAnswer pages an answer built whole.
func wholeAnswer(r Reply) *answer { return &answer{pages: paginate(r, pageItems)} }

// lazyAnswer renders the first page of l and keeps l for the others.
func lazyAnswer(l *listing) *answer {
	first, next := l.page(0, listPos{})
	return &answer{pages: []Reply{first}, l: l, next: next}
}

// count returns how many pages a has.
func (a *answer) count() int {
	if a.l != nil {
		return a.l.pages()
	}
	return len(a.pages)
}

// pending is what a conversation waits for: page k of an answer, which
// starts at at when the answer is a listing.
type pending struct {
	a  *answer
	k  int
	at listPos
}

// answerOf answers req in pages: a command with a lazy form (command.list)
// as a listing, any other by building the answer whole.
func (b *Bot) answerOf(ix *Index, req request, now time.Time) *answer {
	if req.cmd != nil && req.cmd.list != nil {
		return req.cmd.list(b, ix, req, now)
	}
	return wholeAnswer(b.answer(ix, req, now))
}

// sendFirst returns a's first page and keeps the next for the
// conversation's `more`; an answer of one page forgets what was waiting.
func (b *Bot) sendFirst(m Message, a *answer) []Reply {
	b.pages.put(conversation(m), pending{a: a, k: 1, at: a.next})
	return cloneReplies(a.pages[:1])
}
