package summarize

import "time"

// The tagger's rules. Each takes the timeToken index where an expression may
// start and returns it with its token span; none of them uses regexp.

var monthNames = map[string]time.Month{"january": 1, "february": 2, "march": 3, "april": 4,
	"may": 5, "june": 6, "july": 7, "august": 8, "september": 9, "october": 10, "november": 11,
	"december": 12}

var monthAbbrs = map[string]time.Month{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6,
	"jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}

var weekdayNames = map[string]time.Weekday{"sunday": 0, "monday": 1, "tuesday": 2,
	"wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6}

var countWords = map[string]int{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
	"fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
	"nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
	"seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100}

// unitSpec is a unit word: mult units of grain ("fortnight" is 2 weeks),
// or 1/perDay of a day ("hour").
type unitSpec struct {
	grain    Precision
	mult     int
	singular bool
	perDay   int
}

var unitWords = map[string]unitSpec{"day": {Day, 1, true, 0}, "days": {Day, 1, false, 0},
	"week": {Week, 1, true, 0}, "weeks": {Week, 1, false, 0}, "fortnight": {Week, 2, true, 0},
	"fortnights": {Week, 2, false, 0}, "month": {Month, 1, true, 0}, "months": {Month, 1, false, 0},
	"year": {Year, 1, true, 0}, "years": {Year, 1, false, 0}, "decade": {Year, 10, true, 0},
	"decades": {Year, 10, false, 0}, "hour": {Day, 1, true, 24}, "hours": {Day, 1, false, 24}}

// periodWords are the calendar periods "this/last/next" can name.
var periodWords = map[string]Precision{"week": Week, "month": Month, "year": Year}

// yearPreps are the words after which a bare year or month is a date
// ("in 2004", "by March"); elsewhere "1991" may be a name or a figure.
var yearPreps = wordSet("in", "by", "since", "until", "till", "from", "to", "through", "before",
	"after", "during", "early", "late", "mid", "between")

var edgeWords = wordSet("end", "beginning", "start", "middle")

// futureCues and pastCues are words just before an expression that fix its
// direction ("by Friday", "since March").
var futureCues = wordSet("by", "until", "till", "before", "within", "through")
var pastCues = wordSet("since")

// dir returns the direction of the span [i, j): the cue just before it
// (skipping "on", "the end of" and the like), else the nearest tense mark,
// else dirNone. A forward cue in a past-tense sentence gives dirNear: the
// limit ran forward from a statement made before the published date, so
// the reading nearest to that date wins ("On Monday the UN gave Syria
// until April 10", published in May: this April).
func (tg *tagger) dir(i, j int) int {
	if tg.force != dirNone {
		return tg.force
	}
	k := i - 1
	for k >= 0 && (edgeWords[tg.low(k)] || tg.low(k) == "on" || tg.low(k) == "the" ||
		tg.low(k) == "of" || tg.low(k) == "early" || tg.low(k) == "late" || tg.low(k) == "mid") {
		k--
	}
	switch {
	case futureCues[tg.low(k)]:
		if tg.pastBefore(k) {
			return dirNear
		}
		return dirFuture
	case pastCues[tg.low(k)]:
		return dirPast
	}
	return nearestDir(tg.tense(), i, j)
}

// month reads a month name at i: a capitalised full name, or an
// abbreviation followed by a full stop or a day number ("Aug. 8").
func (tg *tagger) month(i int) (time.Month, int, bool) {
	if i >= len(tg.toks) || !tg.capital(i) {
		return 0, i, false
	}
	if m, ok := monthNameTable.get(tg.low(i)); ok {
		return m, i + 1, true
	}
	if m, ok := monthAbbrTable.get(tg.low(i)); ok {
		if tg.low(i+1) == "." {
			return m, i + 2, true
		}
		if _, ok := tg.dayNum(i + 1); ok {
			return m, i + 1, true
		}
	}
	return 0, i, false
}

// dayNum reads a day of the month at i ("8", "30th").
func (tg *tagger) dayNum(i int) (int, bool) {
	if i >= len(tg.toks) {
		return 0, false
	}
	s := tg.low(i)
	if len(s) > 2 {
		switch s[len(s)-2:] {
		case "st", "nd", "rd", "th":
			s = s[:len(s)-2]
		}
	}
	n, ok := digitsValue(s)
	return n, ok && len(s) <= 2 && n >= 1 && n <= 31
}

// yearNum reads a four-digit year at i.
func (tg *tagger) yearNum(i int) (int, bool) {
	if i >= len(tg.toks) || tg.toks[i].end-tg.toks[i].start != 4 {
		return 0, false
	}
	n, ok := tg.number(i)
	return n, ok && n >= 1900 && n <= 2100
}

// yearContext reports whether a bare year or month may start at i.
func (tg *tagger) yearContext(i int) bool {
	p := tg.low(i - 1)
	return yearPreps[p] || (p == "of" && edgeWords[tg.low(i-2)])
}

// adjacent reports whether tokens i and i+1 touch (no space between).
func (tg *tagger) adjacent(i int) bool {
	return i+1 < len(tg.toks) && tg.toks[i].end == tg.toks[i+1].start
}

// date matches absolute dates and weekdays: 2025-08-08, Aug. 8, 2025,
// August 8, 8 August 2025, March 2007, "in March", "by 2008", Friday.
func (tg *tagger) date(i int) (timex, bool) {
	x := timex{Kind: kindDate, i: i}
	if y, ok := tg.yearNum(i); ok && tg.low(i+1) == "-" && tg.low(i+3) == "-" &&
		tg.adjacent(i) && tg.adjacent(i+1) && tg.adjacent(i+2) && tg.adjacent(i+3) {
		m, okm := tg.number(i + 2)
		d, okd := tg.dayNum(i + 4)
		if okm && okd && m >= 1 && m <= 12 && tg.toks[i+2].end-tg.toks[i+2].start == 2 {
			x.Value, x.Precision, x.j = ymd(y, time.Month(m), d), Day, i+5
			return x, true
		}
	}
	if m, k, ok := tg.month(i); ok {
		if d, ok := tg.dayNum(k); ok {
			x.j, x.Precision = k+1, Day
			if tg.low(k+1) == "," {
				if y, ok := tg.yearNum(k + 2); ok {
					x.Value, x.j = ymd(y, m, d), k+3
					return x, true
				}
			}
			x.Value = tg.monthDay(m, d, tg.dir(i, x.j))
			return x, true
		}
		if y, ok := tg.yearNum(k); ok {
			x.Value, x.Precision, x.j = ymd(y, m, 1), Month, k+1
			return x, true
		}
		if tg.yearContext(i) {
			x.Precision, x.j = Month, k
			x.Value = tg.monthOnly(m, tg.dir(i, k))
			return x, true
		}
	}
	if d, ok := tg.dayNum(i); ok {
		k := i + 1
		if tg.low(k) == "of" {
			k++
		}
		if m, k2, ok := tg.month(k); ok {
			x.Precision, x.j = Day, k2
			if y, ok := tg.yearNum(k2); ok {
				x.Value, x.j = ymd(y, m, d), k2+1
				return x, true
			}
			x.Value = tg.monthDay(m, d, tg.dir(i, k2))
			return x, true
		}
	}
	if y, ok := tg.yearNum(i); ok && tg.yearContext(i) && tg.low(i+1) != "-" {
		if _, isUnit := unitWordTable.get(tg.low(i + 1)); !isUnit {
			x.Value, x.Precision, x.j = ymd(y, 1, 1), Year, i+1
			return x, true
		}
	}
	if wd, ok := tg.weekday(i); ok {
		x.Precision, x.j = Day, i+1
		x.Value = tg.weekdayDate(wd, tg.dir(i, i+1), false)
		return x, true
	}
	return timex{}, false
}

// weekday reads a capitalised weekday name at i ("Monday", "Monday's").
func (tg *tagger) weekday(i int) (time.Weekday, bool) {
	if i >= len(tg.toks) || !tg.capital(i) {
		return 0, false
	}
	wd, ok := weekdayTable.get(tg.base(i))
	return wd, ok
}

// weekdayDate resolves a weekday: in the past, the most recent one (the
// published day itself when it is that weekday); in the future, the next
// one (again the published day itself). strict excludes the published day
// ("last Monday", "next Monday").
func (tg *tagger) weekdayDate(wd time.Weekday, dir int, strict bool) time.Time {
	if tg.pub.IsZero() {
		return time.Time{}
	}
	p := tg.today()
	ahead := (int(wd) - int(p.Weekday()) + 7) % 7
	if dir == dirFuture || dir == dirNear { // a weekday limit set days ago still lies ahead
		if ahead == 0 && strict {
			ahead = 7
		}
		return p.AddDate(0, 0, ahead)
	}
	back := (7 - ahead) % 7
	if back == 0 && strict {
		back = 7
	}
	return p.AddDate(0, 0, -back)
}

// monthDay resolves a day of a month without a year: the latest one not
// after the published day in the past, the earliest one not before it in
// the future. An impossible day ("February 30") stays unresolved.
func (tg *tagger) monthDay(m time.Month, d int, dir int) time.Time {
	if tg.pub.IsZero() || ymd(2000, m, d).Month() != m {
		return time.Time{}
	}
	p := tg.today()
	t := ymd(p.Year(), m, d)
	if dir == dirNear {
		return nearest(p, t, ymd(p.Year()-1, m, d), ymd(p.Year()+1, m, d))
	}
	switch {
	case dir == dirFuture && t.Before(p):
		t = ymd(p.Year()+1, m, d)
	case dir != dirFuture && t.After(p):
		t = ymd(p.Year()-1, m, d)
	}
	return t
}

// monthOnly resolves a month without a year as monthDay does.
func (tg *tagger) monthOnly(m time.Month, dir int) time.Time {
	if tg.pub.IsZero() {
		return time.Time{}
	}
	y := tg.pub.Year()
	if dir == dirNear {
		p := tg.today()
		return nearest(p, ymd(y, m, 15), ymd(y-1, m, 15), ymd(y+1, m, 15)).AddDate(0, 0, -14)
	}
	switch {
	case dir == dirFuture && m < tg.pub.Month():
		y++
	case dir != dirFuture && m > tg.pub.Month():
		y--
	}
	return ymd(y, m, 1)
}
