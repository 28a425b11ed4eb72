package bot

import (
	"fmt"
	"sync"
	"time"

	gocache "github.com/patrickmn/go-cache"
)

// Paging: a long answer is never cut. Handle sends its first page and keeps
// the rest for the conversation, which asks for them with `more`.
const (
	pageItems  = 25               // items on one page
	pageTTL    = 30 * time.Minute // how long the rest of an answer waits for `more`
	maxCursors = 10000            // conversations with pages waiting, at most
)

// paginate splits r into pages of at most max items. A section split over
// pages repeats its heading, marked "(continued)"; each page cites only its
// own sources, renumbered; the lead text stays on the first page and every
// page but the last says how to get the next. An answer that fits is
// returned whole, as the one page.
func paginate(r Reply, max int) []Reply {
	total := 0
	for _, s := range r.Sections {
		total += len(s.Items)
	}
	if total <= max {
		return []Reply{r}
	}
	var pages []Reply
	page := Reply{Channel: r.Channel, Thread: r.Thread, Text: r.Text}
	srcMap := map[int]int{}
	n := 0
	flush := func() {
		pages = append(pages, page)
		page = Reply{Channel: r.Channel, Thread: r.Thread}
		srcMap = map[int]int{}
		n = 0
	}
	for _, s := range r.Sections {
		cur := Section{Heading: s.Heading}
		for _, it := range s.Items {
			if n == max {
				if len(cur.Items) > 0 {
					page.Sections = append(page.Sections, cur)
					cur = Section{Heading: s.Heading}
					if s.Heading != "" {
						cur.Heading += " (continued)"
					}
				}
				flush()
			}
			if it.Source >= 0 && it.Source < len(r.Sources) {
				local, ok := srcMap[it.Source]
				if !ok {
					local = len(page.Sources)
					srcMap[it.Source] = local
					page.Sources = append(page.Sources, r.Sources[it.Source])
				}
				it.Source = local
			} else {
				it.Source = -1
			}
			cur.Items = append(cur.Items, it)
			n++
		}
		page.Sections = append(page.Sections, cur)
	}
	if n > 0 || len(pages) == 0 {
		flush()
	}
	for i := range pages {
		pages[i].Title = fmt.Sprintf("%s (page %d of %d)", r.Title, i+1, len(pages))
		if i < len(pages)-1 {
			pages[i].Footer = fmt.Sprintf("Page %d of %d. Say `more` for the next page.", i+1, len(pages))
		} else {
			pages[i].Footer = r.Footer
		}
	}
	return pages
}

// cursors holds, per conversation, what remains of its last long answer:
// the next page to send, of an answer paged whole or of a listing.
type cursors struct {
	mu sync.Mutex // makes take atomic: two `more` never get the same page
	c  *gocache.Cache
}

func newCursors() *cursors {
	return &cursors{c: gocache.New(pageTTL, 0)} // no janitor goroutine: put bounds the cache
}

// conversation identifies where `more` continues an answer: the same user
// in the same channel and thread of the same platform.
func conversation(m Message) string {
	return m.Platform + "\x00" + m.Channel + "\x00" + m.Thread + "\x00" + m.User
}

// put keeps p, the next page to send, for conv, replacing what it had; a p
// past the answer's last page forgets conv.
func (cs *cursors) put(conv string, p pending) {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	if p.a == nil || p.k >= p.a.count() {
		cs.c.Delete(conv)
		return
	}
	cs.c.SetDefault(conv, p)
	if cs.c.ItemCount() > maxCursors {
		cs.c.DeleteExpired()
		if cs.c.ItemCount() > maxCursors {
			cs.c.Flush()
		}
	}
}

// take returns the next page for conv and moves past it; ok is false when
// nothing is waiting. A listing's page is rendered after the lock is let
// go: only finding where the page after it starts is done under it.
func (cs *cursors) take(conv string) (Reply, bool) {
	cs.mu.Lock()
	v, ok := cs.c.Get(conv)
	if !ok {
		cs.mu.Unlock()
		return Reply{}, false
	}
	p := v.(pending)
	next := pending{a: p.a, k: p.k + 1}
	if p.a.l != nil {
		next.at = p.a.l.skip(p.at)
	}
	if next.k < p.a.count() {
		cs.c.SetDefault(conv, next)
	} else {
		cs.c.Delete(conv)
	}
	cs.mu.Unlock()
	if p.a.l == nil {
		return p.a.pages[p.k], true
	}
	page, _ := p.a.l.page(p.k, p.at)
	return page, true
}
