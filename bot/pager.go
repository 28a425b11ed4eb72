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

// cursors holds, per conversation, the pages of its last long answer that
// have not been sent yet.
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

// put keeps the pages still to send for conv, replacing what it had; no
// pages forgets conv.
func (cs *cursors) put(conv string, pages []Reply) {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	if len(pages) == 0 {
		cs.c.Delete(conv)
		return
	}
	cs.c.SetDefault(conv, pages)
	if cs.c.ItemCount() > maxCursors {
		cs.c.DeleteExpired()
		if cs.c.ItemCount() > maxCursors {
			cs.c.Flush()
		}
	}
}

// take returns the next page for conv and forgets it; ok is false when
// nothing is waiting.
func (cs *cursors) take(conv string) (Reply, bool) {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	v, ok := cs.c.Get(conv)
	if !ok {
		return Reply{}, false
	}
	pages := v.([]Reply)
	if len(pages) > 1 {
		cs.c.SetDefault(conv, pages[1:])
	} else {
		cs.c.Delete(conv)
	}
	return pages[0], true
}
