package summarize

import "time"

// findEvents returns the dated statements of an article for a timeline:
// one Event per sentence that holds a resolvable time expression (a date,
// or a period relative to the published date or to the previous event;
// durations alone do not count, nor do spans that name no point: a range
// "in two to three years", a limit "within 10 days"), in sentence order.
// The first such expression of the sentence dates it. A reference ("that same month")
// takes the period of the previous event, when that event is at least as
// precise. With a zero published date only absolute dates are resolved.
func findEvents(sents []Sentence, published time.Time) []Event {
	return findEventsIn(sents, scanArticle(sents, published))
}

// findEventsIn is findEvents on the time expressions times (scanArticle of
// sents and the published date), which it does not change.
func findEventsIn(sents []Sentence, times []sentTimes) []Event {
	var out []Event
	// At most one event a sentence with expressions: room for all, no
	// regrowing.
	n := 0
	for i := range sents {
		if len(times[i].xs) > 0 {
			n++
		}
	}
	if n > 0 {
		out = make([]Event, 0, n)
	}
	for i, s := range sents {
		for _, x := range times[i].xs {
			when, prec := x.Value, x.Precision
			switch {
			case x.Kind == kindDuration || x.span():
				continue
			case x.Kind == kindRef:
				if len(out) == 0 {
					continue
				}
				prev := out[len(out)-1]
				if precRank(prev.Precision) > precRank(x.Precision) {
					continue
				}
				when = periodStart(addUnits(prev.When, x.Offset, x.Precision), x.Precision)
			case !x.resolved():
				continue
			}
			out = append(out, Event{When: periodStart(when, prec), Precision: prec, Phrase: x.Text, Text: s.Text, Sentence: i})
			break
		}
	}
	if len(out) == 0 {
		return nil // as without the room made above
	}
	return out
}
