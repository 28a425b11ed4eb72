package bot

import (
	"fmt"
	"time"

	"github.com/briefbot/briefbot/summarize"
)

// timeline answers "timeline [TOPIC]": the dated events, oldest first, each
// as "2025-02 — sentence"; with a topic, the events of the story it names
// (see namedStory), else those whose words best match it.
// Events of one date keep their articles' order (older article first) and
// their sentence order. The list is never cut: the router pages long
// answers.
func timeline(_ *Bot, ix *Index, req request, _ time.Time) Reply {
	title, what := "Timeline", "dated events"
	ids := make([]int, len(ix.events))
	for i := range ids {
		ids[i] = i
	}
	if req.arg != "" {
		title += ": " + quoted(req.arg)
		what += " about " + quoted(req.arg)
		ids = ix.storyEventIDs(req.arg)
		if len(ids) == 0 {
			best, _ := ix.eventTerms.best(queryTerms(req.arg, false))
			ids = ints(best)
		}
	}
	if len(ids) == 0 {
		return ix.none(title, what)
	}
	r := Reply{Title: title, Text: fmt.Sprintf("%s, oldest first.", plural(len(ids), "event"))}
	c := newCiter(ix)
	var items []Item
	for _, id := range ids {
		e := ix.event(id)
		items = append(items, c.item(ix.eventArt(id), when(e.When, e.Precision)+" — "+e.Text))
	}
	r.Sections = []Section{{Items: items}}
	r.Sources = c.srcs
	return r
}

// when formats a date at its precision for a timeline: "2025-02-14",
// "week of 2025-02-10", "2025-02", "2025".
func when(t time.Time, p summarize.Precision) string {
	switch p {
	case summarize.Year:
		return t.Format("2006")
	case summarize.Month:
		return t.Format("2006-01")
	case summarize.Week:
		return "week of " + t.Format(time.DateOnly)
	default:
		return t.Format(time.DateOnly)
	}
}
