package summarize

import "time"

// Rules for expressions relative to the published date or to an earlier
// expression, for durations, and for period edges ("the end of").

// relative matches today, yesterday, tomorrow, this/last/next + week,
// month, year, weekday or month name, and "earlier this month", "later
// this year".
func (tg *tagger) relative(i int) (timex, bool) {
	x := timex{Kind: kindRelative, i: i, j: i + 1, Precision: Day}
	p := tg.today()
	switch w := tg.low(i); w {
	case "today", "tonight":
		x.Value = p
	case "yesterday":
		x.Value, x.Past = p.AddDate(0, 0, -1), true
	case "tomorrow":
		x.Value = p.AddDate(0, 0, 1)
	case "earlier", "later":
		if tg.low(i+1) != "this" {
			return timex{}, false
		}
		y, ok := tg.relative(i + 1)
		if !ok || y.Precision == Day {
			return timex{}, false
		}
		y.i, y.Past = i, w == "earlier"
		return y, true
	case "this", "last", "next":
		off := 0 // "this"
		switch w {
		case "last":
			off = -1
		case "next":
			off = 1
		}
		x.j, x.Past = i+2, w == "last"
		n := tg.base(i + 1)
		if u, ok := periodWords[n]; ok {
			x.Precision, x.Value = u, periodStart(addUnits(p, off, u), u)
		} else if n == "morning" || n == "afternoon" || n == "evening" || (n == "night" && w != "next") {
			x.Value = p
			if w == "last" {
				x.Value = p.AddDate(0, 0, -1)
			}
		} else if wd, ok := tg.weekday(i + 1); ok {
			switch w {
			case "last":
				x.Value = tg.weekdayDate(wd, dirPast, true)
			case "next":
				x.Value = tg.weekdayDate(wd, dirFuture, true)
			default:
				x.Value = periodStart(p, Week).AddDate(0, 0, (int(wd)+6)%7)
			}
		} else if m, k, ok := tg.month(i + 1); ok {
			x.j, x.Precision = k, Month
			y := p.Year()
			switch {
			case w == "last" && m >= p.Month():
				y--
			case w == "next" && m <= p.Month():
				y++
			}
			x.Value = ymd(y, m, 1)
		} else {
			return timex{}, false
		}
	default:
		return timex{}, false
	}
	if tg.pub.IsZero() {
		x.Value = time.Time{}
	}
	return x, true
}

// reference matches periods named relative to an earlier expression:
// "that (same) month", "the same year", "the following day", "earlier
// that week".
func (tg *tagger) reference(i int) (timex, bool) {
	x := timex{Kind: kindRef, i: i}
	k := i
	if w := tg.low(k); w == "earlier" || w == "later" {
		k++
	}
	switch tg.low(k) {
	case "that":
		k++
		if tg.low(k) == "same" {
			k++
		}
	case "the":
		switch tg.low(k + 1) {
		case "same":
		case "following", "next":
			x.Offset = 1
		case "previous":
			x.Offset = -1
		default:
			return timex{}, false
		}
		k += 2
	default:
		return timex{}, false
	}
	u, ok := unitWordTable.get(tg.low(k))
	if !ok || !u.singular || u.mult != 1 || u.perDay > 0 {
		return timex{}, false
	}
	x.Precision, x.j = u.grain, k+1
	return x, true
}

// duration matches lengths of time ("50-day", "10 to 12 days", "a
// fortnight", "six months"), "N units ago" (relative, past) and "in/within
// N units" when the sentence points forward (relative, future).
func (tg *tagger) duration(i int) (timex, bool) {
	if w := tg.low(i); w == "in" || w == "within" {
		k := i + 1
		for tg.low(k) == "the" || tg.low(k) == "next" || tg.low(k) == "just" || tg.low(k) == "only" {
			k++
		}
		x, ok := tg.length(k)
		if !ok || tg.low(x.j) == "ago" {
			return timex{}, false
		}
		d := tg.dir(i, x.j)
		if d == dirFuture || (w == "within" && d == dirNone) {
			x.Kind, x.i, x.Precision = kindRelative, i, Day
			if x.Unit == Month || x.Unit == Year {
				x.Precision = x.Unit
			}
			x.Value = periodStart(addUnits(tg.today(), x.Max, x.Unit), x.Precision)
			if tg.pub.IsZero() {
				x.Value = time.Time{}
			}
			return x, true
		}
		return timex{}, false
	}
	x, ok := tg.length(i)
	if !ok {
		return timex{}, false
	}
	if tg.low(x.j) == "ago" {
		x.Kind, x.j, x.Precision, x.Past = kindRelative, x.j+1, x.Unit, true
		x.Value = periodStart(addUnits(tg.today(), -x.Max, x.Unit), x.Unit)
		if tg.pub.IsZero() {
			x.Value = time.Time{}
		}
	}
	return x, true
}

// length reads a number (digits, words, "a"/"an"), an optional range
// ("to", "or", "-" and a second number), an optional hyphen and a unit.
func (tg *tagger) length(i int) (timex, bool) {
	n1, k, ok := tg.count(i)
	if !ok {
		return timex{}, false
	}
	n2 := n1
	if w := tg.low(k); (w == "to" || w == "or" || w == "-" || w == "–") && tg.low(i) != "a" && tg.low(i) != "an" {
		if n, k2, ok := tg.count(k + 1); ok {
			n2, k = n, k2
		}
	}
	hyphen := tg.low(k) == "-" && tg.adjacent(k-1) && tg.adjacent(k)
	if hyphen {
		k++
	}
	u, ok := unitWordTable.get(tg.low(k))
	if !ok || ((hyphen || n2 == 1) && !u.singular) || (n2 > 1 && !hyphen && u.singular) || n1 > n2 {
		return timex{}, false
	}
	lo, hi := n1*u.mult, n2*u.mult
	if u.perDay > 1 { // hours, counted in whole days, rounded up
		lo, hi = (n1+u.perDay-1)/u.perDay, (n2+u.perDay-1)/u.perDay
	}
	return timex{Kind: kindDuration, i: i, j: k + 1, Min: lo, Max: hi, Unit: u.grain, Precision: u.grain}, true
}

// countWordsFilter turns most words away before a lookup in countWords.
var countWordsFilter = newWordFilter(countWords)

// count reads a small number at i: digits, number words ("twenty-five")
// or the article "a"/"an" (one).
func (tg *tagger) count(i int) (int, int, bool) {
	if i >= len(tg.toks) {
		return 0, i, false
	}
	if n, ok := tg.number(i); ok {
		return n, i + 1, n > 0 && n < 1000 && tg.toks[i].end-tg.toks[i].start < 4
	}
	w := tg.low(i)
	if w == "a" || w == "an" {
		return 1, i + 1, true
	}
	if !countWordsFilter.mayHave(w) {
		return 0, i, false
	}
	n, ok := countWordTable.get(w)
	if !ok {
		return 0, i, false
	}
	if n >= 20 && n < 100 && tg.low(i+1) == "-" {
		if u, ok := countWordTable.get(tg.low(i + 2)); ok && u < 10 {
			return n + u, i + 3, true
		}
	}
	return n, i + 1, true
}

// periodEdge matches "(the) end/beginning/start/middle of" and
// "early/late/mid" before a period; the edge widens the span, the value
// stays the period's.
func (tg *tagger) periodEdge(i int) (timex, bool) {
	k := i
	switch w := tg.low(k); {
	case w == "the" && tg.low(k+2) == "of" && edgeWords[tg.low(k+1)]: // the map last: pure tests, cheapest first
		k += 3
	case tg.low(k+1) == "of" && edgeWords[w]:
		k += 2
	case w == "early" || w == "late" || w == "mid":
		k++
		if tg.low(k) == "-" || tg.low(k) == "in" {
			k++
		}
	default:
		return timex{}, false
	}
	var x timex
	ok := false
	if tg.low(k) == "the" {
		if u, isPeriod := periodWords[tg.low(k+1)]; isPeriod {
			x = timex{Kind: kindRelative, Precision: u, j: k + 2, Value: periodStart(tg.pub, u)}
			if tg.pub.IsZero() {
				x.Value = time.Time{}
			}
			ok = true
		}
	}
	for _, rule := range []func(int) (timex, bool){tg.relative, tg.reference, tg.date} {
		if !ok {
			x, ok = rule(k)
		}
	}
	if !ok || x.Precision == Day {
		return timex{}, false
	}
	x.i = i
	return x, true
}
