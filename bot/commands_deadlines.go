package bot

import (
	"fmt"
	"strings"
	"time"

	"github.com/briefbot/briefbot/summarize"
)

// maxDeadlines caps the deadlines one answer lists.
const maxDeadlines = 20

// deadlineStatus answers "deadline status [TOPIC|NAME]": each deadline,
// latest first, with who set it for whom, the demand and consequence, its
// history, the due date and where it stands at now.
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
	c := newCiter(ix)
	r := Reply{Title: title, Text: fmt.Sprintf("As of %s: %s, latest first.", day(now), plural(len(ids), "deadline"))}
	if len(ids) > maxDeadlines {
		r.Text += fmt.Sprintf(" Showing the latest %d.", maxDeadlines)
		ids = ids[:maxDeadlines]
	}
	for _, id := range ids {
		dr := ix.deadlines[id]
		d := dr.d
		sec := Section{Heading: setBy(d)}
		var terms []string
		if d.Demand != "" {
			terms = append(terms, "Demand: "+d.Demand+".")
		}
		if d.Consequence != "" {
			terms = append(terms, "Otherwise: "+d.Consequence+".")
		}
		if len(terms) > 0 {
			sec.Items = append(sec.Items, c.item(dr.art, strings.Join(terms, " ")))
		}
		if h := d.History; len(h) > 1 || len(h) == 1 && h[0].LengthDays > 0 { // a lone date would repeat Due
			sec.Items = append(sec.Items, c.item(dr.art, "History: "+history(d.History)+"."))
		}
		sec.Items = append(sec.Items, c.item(dr.art, "Due: "+due(d.Due, d.Precision)+" — "+status(d, now)+"."))
		if d.Evidence != "" {
			sec.Items = append(sec.Items, c.item(dr.art, "“"+strings.TrimSpace(d.Evidence)+"”"))
		}
		r.Sections = append(r.Sections, sec)
	}
	r.Sources = c.srcs
	return r
}

// deadlinesFor returns, latest first, the deadlines set by or for the actor
// arg names, else those whose words best match arg as a topic, else those of
// an actor within a typo of arg.
func (ix *Index) deadlinesFor(arg string) []int {
	if ids := lookupName(ix.actorKeys, arg); len(ids) > 0 {
		return ids
	}
	if ids, _ := ix.deadlineTerms.best(queryTerms(arg, false)); len(ids) > 0 {
		return ids
	}
	return lookupTypo(ix.actorKeys, arg)
}

// setBy says who set a deadline for whom.
func setBy(d summarize.Deadline) string {
	switch {
	case d.SetBy != "" && d.Target != "":
		return "Set by " + d.SetBy + " for " + d.Target
	case d.SetBy != "":
		return "Set by " + d.SetBy
	case d.Target != "":
		return "Deadline for " + d.Target
	default:
		return "Deadline"
	}
}

// history tells how a deadline changed: "50 days, cut to 10 days", "by 1 Sep
// 2025, moved to 8 Aug 2025".
func history(h []summarize.Revision) string {
	var parts []string
	for i, r := range h {
		var prev summarize.Revision
		if i > 0 {
			prev = h[i-1]
		}
		switch {
		case i == 0 && r.LengthDays > 0:
			parts = append(parts, plural(r.LengthDays, "day"))
		case i == 0:
			parts = append(parts, due(r.Due, r.Precision))
		case r.LengthDays > 0 && prev.LengthDays > 0:
			verb := "restated as"
			if r.LengthDays < prev.LengthDays {
				verb = "cut to"
			} else if r.LengthDays > prev.LengthDays {
				verb = "extended to"
			}
			parts = append(parts, verb+" "+plural(r.LengthDays, "day"))
		case r.LengthDays > 0:
			parts = append(parts, "then "+plural(r.LengthDays, "day"))
		case r.Due.IsZero():
			parts = append(parts, "then changed")
		default:
			parts = append(parts, "moved to "+date(r.Due, r.Precision))
		}
	}
	return strings.Join(parts, ", ")
}

// status says where a deadline stands at now: "3 days left", "due today",
// "passed 3 days ago".
func status(d summarize.Deadline, now time.Time) string {
	st := d.StatusAt(now)
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
