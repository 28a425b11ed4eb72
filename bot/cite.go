package bot

import (
	"cmp"
	"fmt"
	"time"

	"github.com/briefbot/briefbot/summarize"
)

// citer collects the articles a reply cites, in order of first citation,
// and gives each item its Source index.
type citer struct {
	ix   *Index
	seen map[int]int // article → index in srcs
	srcs []Source
}

func newCiter(ix *Index) *citer { return &citer{ix: ix, seen: map[int]int{}} }

// cite returns the Source index of article art, adding it on first use.
func (c *citer) cite(art int) int {
	if i, ok := c.seen[art]; ok {
		return i
	}
	a := c.ix.arts[art]
	c.seen[art] = len(c.srcs)
	c.srcs = append(c.srcs, Source{
		ArticleID: a.ID,
		Title:     c.ix.title(art),
		Outlet:    a.Source,
		URL:       a.URL,
		Published: a.Published,
	})
	return c.seen[art]
}

// item returns an item citing article art.
func (c *citer) item(art int, text string) Item {
	return Item{Text: text, Source: c.cite(art)}
}

// title returns an article's title, or its path or ID when it has none.
func (ix *Index) title(art int) string {
	a := ix.arts[art]
	return cmp.Or(a.Title, a.Path, a.ID)
}

// loaded says how many articles are loaded: "the 17 loaded articles".
func (ix *Index) loaded() string {
	if ix.Len() == 1 {
		return "the 1 loaded article"
	}
	return fmt.Sprintf("the %d loaded articles", ix.Len())
}

// none is the plain answer of a command with nothing to report: "No
// deadlines found in the 17 loaded articles."
func (ix *Index) none(title, what string) Reply {
	if ix.Len() == 0 {
		return Reply{Title: title, Text: fmt.Sprintf("No %s found: no articles are loaded.", what)}
	}
	return Reply{Title: title, Text: fmt.Sprintf("No %s found in %s.", what, ix.loaded())}
}

// quoted returns s in typographic quotes, for echoing what a user typed;
// past 80 characters it is cut short with an ellipsis.
func quoted(s string) string {
	if r := []rune(s); len(r) > 80 {
		s = string(r[:79]) + "…"
	}
	return "“" + s + "”"
}

// plural returns "1 day" or "3 days".
func plural(n int, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return fmt.Sprintf("%d %ss", n, unit)
}

// day formats a date as "8 Aug 2025".
func day(t time.Time) string { return t.Format("2 Jan 2006") }

// due formats a due date at its precision: "by 8 Aug 2025", "week of 4 Aug
// 2025 (by Fri 8 Aug)", "August 2025", "2025"; "no date given" for the zero
// time.
func due(t time.Time, p summarize.Precision) string {
	switch {
	case t.IsZero():
		return "no date given"
	case p == summarize.Day || p == "":
		return "by " + day(t)
	case p == summarize.Week:
		return date(t, p) + " (by " + t.Format("Mon 2 Jan") + ")"
	default:
		return date(t, p)
	}
}

// date formats a date at its precision: "8 Aug 2025", "week of 4 Aug 2025"
// (the Monday of t's week), "August 2025", "2025".
func date(t time.Time, p summarize.Precision) string {
	switch p {
	case summarize.Year:
		return t.Format("2006")
	case summarize.Month:
		return t.Format("January 2006")
	case summarize.Week:
		return "week of " + day(monday(t))
	default:
		return day(t)
	}
}

// monday returns the Monday of t's week (weeks run Monday to Sunday).
func monday(t time.Time) time.Time {
	return t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
}
