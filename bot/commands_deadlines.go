package bot

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/briefbot/briefbot/summarize"
)

// deadlineStatus answers "deadline status [TOPIC|NAME]": every deadline
// the corpus reports, or those set by or for NAME, or about TOPIC. Open
// ones come first, soonest first; then passed ones, most recently passed
// first; then those whose standing state names no due date, latest
// reported first. Each gives who set it for whom, the demand and the
// consequence, its history in one line ending with where it stands at
// now, the sentence that states its latest state, and every article that
// reports it. The list is never cut: the router pages long answers.
func deadlineStatus(_ *Bot, ix *Index, req request, now time.Time) Reply {
	title, what := "Deadline status", "deadlines"
	ids := make([]int, len(ix.deadlines))
	for i := range ids {
		ids[i] = i
	}
	if req.arg != "" {
		title += ": " + quoted(req.arg)
		what += " about " + quoted(req.arg)
		ids = ix.deadlinesFor(req.arg)
	}
	if len(ids) == 0 {
		return ix.none(title, what)
	}
	open, passed, undated := ix.byStatus(ids, now)
	var counts []string
	for _, g := range []struct {
		n    int
		what string
	}{{len(open), "open"}, {len(passed), "passed"}, {len(undated), "with no due date"}} {
		if g.n > 0 {
			counts = append(counts, fmt.Sprintf("%d %s", g.n, g.what))
		}
	}
	r := Reply{Title: title, Text: fmt.Sprintf("As of %s: %s (%s).", day(now), plural(len(ids), "deadline"), strings.Join(counts, ", "))}
	if len(ids) > 1 {
		r.Text += " Open ones first, soonest first; then passed ones, most recent first."
	}
	c := newCiter(ix)
	for _, id := range slices.Concat(open, passed, undated) {
		r.Sections = append(r.Sections, ix.deadlineSection(c, &ix.deadlines[id], now))
	}
	r.Sources = c.srcs
	return r
}

// byStatus splits deadlines by where they stand at now and orders each
// group: open (pending or due today) soonest first, passed most recently
// passed first, undated as filed (latest first).
func (ix *Index) byStatus(ids []int, now time.Time) (open, passed, undated []int) {
	days := map[int]int{}
	for _, id := range ids {
		st := statusAt(&ix.deadlines[id], now)
		switch st.State {
		case summarize.StatePending, summarize.StateDueToday:
			open, days[id] = append(open, id), st.Days
		case summarize.StatePassed:
			passed, days[id] = append(passed, id), st.Days
		default:
			undated = append(undated, id)
		}
	}
	byDays := func(a, b int) int { return cmp.Compare(days[a], days[b]) }
	slices.SortStableFunc(open, byDays)
	slices.SortStableFunc(passed, byDays)
	return open, passed, undated
}

// statusAt says where the standing state of a deadline is at now.
func statusAt(dr *deadlineRef, now time.Time) summarize.Status {
	due, prec := dr.due()
	return summarize.Deadline{Due: due, Precision: prec}.StatusAt(now)
}

// deadlineSection renders one deadline; every item cites the article of
// its latest report, but the "also reported" items, which cite theirs.
func (ix *Index) deadlineSection(c *citer, dr *deadlineRef, now time.Time) Section {
	sec := Section{Heading: setBy(dr.setBy, dr.target)}
	var terms []string
	if dr.demand != "" {
		terms = append(terms, "Demand: "+dr.demand+".")
	}
	if dr.consequence != "" {
		terms = append(terms, "Otherwise: "+dr.consequence+".")
	}
	if len(terms) > 0 {
		sec.Items = append(sec.Items, c.item(dr.art, strings.Join(terms, " ")))
	}
	h := ix.history(dr, now)
	sec.Items = append(sec.Items, c.item(dr.art, strings.ToUpper(h[:1])+h[1:]+"."))
	if dr.evidence != "" {
		sec.Items = append(sec.Items, c.item(dr.art, "“"+strings.TrimSpace(dr.evidence)+"”"))
	}
	listed, others := 0, otherReports(dr)
	for _, a := range dr.arts {
		if a == dr.art {
			continue
		}
		if listed == alsoReported && others > alsoReported+1 {
			sec.Items = append(sec.Items, Item{Text: "Also reported by " + plural(others-listed, "more article") + ".", Source: -1})
			break
		}
		sec.Items = append(sec.Items, c.item(a, "Also reported: "+ix.label(a, true)+"."))
		listed++
	}
	return sec
}

// deadlinesFor returns the deadlines set by or for the actor arg names,
// else those whose words best match arg as a topic, else those of an
// actor within a typo of arg.
func (ix *Index) deadlinesFor(arg string) []int {
	if ids := lookupName(ix.actorKeys, arg); len(ids) > 0 {
		return ids
	}
	if ids, _ := ix.deadlineTerms.bestSorted(queryTerms(arg, false)); ids.len() > 0 {
		return ints(ids.appendTo(nil))
	}
	return lookupTypo(ix.actorKeys, arg)
}

// setBy says who set a deadline for whom.
func setBy(by, target string) string {
	switch {
	case by != "" && target != "":
		return "Set by " + by + " for " + target
	case by != "":
		return "Set by " + by
	case target != "":
		return "Deadline for " + target
	default:
		return "Deadline"
	}
}

// status says where a deadline stands at now: "3 days left", "due today",
// "passed 3 days ago".
func status(due time.Time, p summarize.Precision, now time.Time) string {
	st := summarize.Deadline{Due: due, Precision: p}.StatusAt(now)
	switch st.State {
	case summarize.StatePending:
		return plural(st.Days, "day") + " left" + roughly(st.Days)
	case summarize.StateDueToday:
		return "due today"
	case summarize.StatePassed:
		return "passed " + plural(st.Days, "day") + " ago" + roughly(st.Days)
	default:
		return "status unknown"
	}
}

// roughly restates a long span of days in months or years (" (about 16
// years)"), so "5900 days" reads at a glance; "" under two months.
func roughly(days int) string {
	switch {
	case days >= 730:
		return fmt.Sprintf(" (about %d years)", int(float64(days)/365.25+0.5))
	case days >= 60:
		return fmt.Sprintf(" (about %d months)", int(float64(days)/30.44+0.5))
	default:
		return ""
	}
}

// label names an article for a history line: its outlet, else its title;
// with dated, also its date ("Wire Service, 29 Jul 2025").
func (ix *Index) label(art int, dated bool) string {
	a := ix.arts[art]
	name := a.Source
	if name == "" {
		name = "“" + ix.title(art) + "”"
	}
	if dated && a.HasDate() {
		name += ", " + day(a.Published)
	}
	return name
}
