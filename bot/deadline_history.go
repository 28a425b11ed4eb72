package bot

import (
	"strings"
	"time"

	"github.com/briefbot/briefbot/summarize"
)

// historyStates is how many states of a deadline history tells when it
// has at least two more: the first and the latest historyStates-1, with how
// many changes came between. A deadline a whole wire corpus reports can gather hundreds of
// states; a reader wants where it started and where it stands.
const historyStates = 6

// history tells a deadline's story in one line, each state with when it
// was stated, then the standing due date and where it stands at now:
// "set at 50 days in July 2025; cut to 10 days (date not given); due week
// of 4 Aug 2025 (by Fri 8 Aug) — passed 3 days ago". An estimated
// statement date (the article's date standing in) reads "~6 Aug 2025"; an
// earlier state with a due date of its own is marked superseded. When the
// states come from several articles, each names its article (its outlet,
// with its date when two share one). A long history is cut to
// historyStates states (see there).
func (ix *Index) history(dr *deadlineRef, now time.Time) string {
	several, dated, seen := false, false, map[string]bool{}
	for _, rv := range dr.states {
		several = several || rv.art != dr.states[0].art
	}
	for _, a := range dr.arts {
		l := ix.label(a, false)
		if dated = seen[l]; dated { // two articles of one outlet: tell them apart by date
			break
		}
		seen[l] = true
	}
	last := dr.latest()
	var parts []string
	for i, rv := range dr.states {
		if skip := len(dr.states) - historyStates; i >= 1 && skip > 1 && i <= skip {
			if i == 1 {
				parts = append(parts, plural(skip, "more change"))
			}
			continue
		}
		r := dr.rev(i)
		var s string
		switch {
		case i == len(dr.states)-1 && i == 0 && r.LengthDays == 0:
			// A lone date: the due date below says it; only when it was set is news.
			if r.SetOn.IsZero() && !several {
				continue
			}
			s = "set" + statedOn(r)
		default:
			var prev *summarize.Revision
			if i > 0 {
				p := dr.rev(i - 1)
				prev = &p
			}
			s = change(prev, r) + statedOn(r)
		}
		if several {
			s += " (" + ix.label(rv.art, dated) + ")"
		}
		switch {
		case i == len(dr.states)-1 || r.Due.IsZero() || sameState(r, last):
		case r.LengthDays > 0:
			s += " (due " + date(r.Due, r.Precision) + ", superseded)"
		default:
			s += " (superseded)"
		}
		parts = append(parts, s)
	}
	if t, prec := dr.due(); t.IsZero() {
		parts = append(parts, "no due date given")
	} else {
		parts = append(parts, "due "+due(t, prec)+" — "+status(t, prec, now))
	}
	return strings.Join(parts, "; ")
}

// change says what a revision did to the one before it (prev, nil for the
// first): "set at 50 days", "cut to 10 days", "extended to 30 Sep 2025",
// "set for week of 4 Aug 2025".
func change(prev *summarize.Revision, r summarize.Revision) string {
	switch {
	case prev == nil && r.LengthDays > 0:
		return "set at " + plural(r.LengthDays, "day")
	case prev == nil && r.Due.IsZero():
		return "set"
	case prev == nil:
		return "set for " + date(r.Due, r.Precision)
	case r.LengthDays > 0 && prev.LengthDays > 0 && r.LengthDays < prev.LengthDays:
		return "cut to " + plural(r.LengthDays, "day")
	case r.LengthDays > 0 && prev.LengthDays > 0 && r.LengthDays > prev.LengthDays:
		return "extended to " + plural(r.LengthDays, "day")
	case r.LengthDays > 0:
		return "changed to " + plural(r.LengthDays, "day")
	case r.Due.IsZero():
		return "changed"
	case prev.Due.IsZero():
		return "moved to " + date(r.Due, r.Precision)
	case r.Due.Before(prev.Due):
		return "brought forward to " + date(r.Due, r.Precision)
	case r.Due.After(prev.Due):
		return "extended to " + date(r.Due, r.Precision)
	default:
		return "restated for " + date(r.Due, r.Precision)
	}
}

// statedOn says when a revision was stated, at the precision known:
// " on 14 Jul 2025", " on ~6 Aug 2025" (estimated), " in July 2025",
// " (date not given)".
func statedOn(r summarize.Revision) string {
	switch {
	case r.SetOn.IsZero():
		return " (date not given)"
	case r.SetOnPrecision == summarize.Day || r.SetOnPrecision == "":
		if r.Approx {
			return " on ~" + day(r.SetOn)
		}
		return " on " + day(r.SetOn)
	case r.SetOnPrecision == summarize.Week:
		return " in the " + date(r.SetOn, r.SetOnPrecision)
	default:
		return " in " + date(r.SetOn, r.SetOnPrecision)
	}
}

// otherReports returns how many of the articles reporting dr are not its
// latest report's: those deadlineSection lists as "Also reported", up to
// alsoReported of them, then one line counting the rest.
func otherReports(dr *deadlineRef) int {
	n := 0
	for _, a := range dr.arts {
		if a != dr.art {
			n++
		}
	}
	return n
}

// alsoItems counts the "Also reported" items deadlineSection gives dr.
func alsoItems(dr *deadlineRef) int { return min(otherReports(dr), alsoReported+1) }
