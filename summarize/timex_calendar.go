package summarize

import (
	"strings"
	"time"
)

// Calendar arithmetic on UTC days, and the sentence tense that decides
// whether a weekday or a month without a year lies before or after the
// published date.

// ymd returns midnight UTC of the given calendar day (normalising overflow
// as time.Date does).
func ymd(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// dayOf returns t's calendar day, read in t's own location, as a UTC day.
func dayOf(t time.Time) time.Time { return ymd(t.Year(), t.Month(), t.Day()) }

// periodStart returns the first day of the period of precision p that holds
// t: the day itself, the Monday of its week, the first of its month or of
// its year.
func periodStart(t time.Time, p Precision) time.Time {
	t = dayOf(t)
	switch p {
	case Week:
		return t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
	case Month:
		return ymd(t.Year(), t.Month(), 1)
	case Year:
		return ymd(t.Year(), 1, 1)
	}
	return t
}

// periodEnd returns the last calendar day of the period of precision p
// that holds t (a Sunday for a week).
func periodEnd(t time.Time, p Precision) time.Time {
	s := periodStart(t, p)
	switch p {
	case Week:
		return s.AddDate(0, 0, 6)
	case Month:
		return s.AddDate(0, 1, -1)
	case Year:
		return s.AddDate(1, 0, -1)
	}
	return s
}

// dueDay returns the day a deadline of precision p falls due: the latest
// day the text allows, so that a deadline is never called passed early. A
// week ends on its last working day (Friday), a month and a year on their
// last day.
func dueDay(t time.Time, p Precision) time.Time {
	if p == Week {
		return periodStart(t, Week).AddDate(0, 0, 4)
	}
	return periodEnd(t, p)
}

// addUnits moves t by n units of precision u.
func addUnits(t time.Time, n int, u Precision) time.Time {
	switch u {
	case Week:
		return t.AddDate(0, 0, 7*n)
	case Month:
		return t.AddDate(0, n, 0)
	case Year:
		return t.AddDate(n, 0, 0)
	}
	return t.AddDate(0, 0, n)
}

// unitDays is the length of one unit in days, months and years rounded.
func unitDays(u Precision) int {
	switch u {
	case Week:
		return 7
	case Month:
		return 30
	case Year:
		return 365
	}
	return 1
}

// precRank orders precisions from fine (Day) to coarse (Year); "" is
// finer than all.
func precRank(p Precision) int {
	switch p {
	case Day:
		return 1
	case Week:
		return 2
	case Month:
		return 3
	case Year:
		return 4
	}
	return 0
}

// coarser returns the coarser of two precisions.
func coarser(a, b Precision) Precision {
	if precRank(a) >= precRank(b) {
		return a
	}
	return b
}

// Directions of a time expression relative to the published date.
const (
	dirPast    = -1
	dirNone    = 0
	dirFuture  = 1
	dirNear    = 2  // forward from a past statement ("gave Syria until April 10"): the nearest reading
	markWindow = 12 // tokens within which a tense mark governs an expression
)

// tenseMark is a word that fixes tense: a past verb or a future/modal cue.
type tenseMark struct{ pos, dir int }

var pastWords = wordSet("said", "told", "gave", "made", "took", "came", "went", "was", "were", "had",
	"did", "ago", "yesterday", "last", "earlier", "previously", "met", "held", "began", "left",
	"found", "lost", "won", "sold", "bought", "wrote", "led", "became", "saw", "got", "brought",
	"sent", "paid", "kept", "knew", "thought", "fought", "spent", "rose", "fell", "grew", "chose",
	"spoke", "stood", "struck", "broke", "flew", "heard", "felt", "meant", "built", "ran", "sat")

var futureWords = wordSet("will", "would", "shall", "must", "may", "might", "tomorrow", "next",
	"upcoming", "deadline", "deadlines", "ultimatum", "expires", "expire", "expiring", "within",
	"until", "till", "due")

// futureBeforeTo are words that point forward when "to" and a verb follow
// ("set to begin", "is to be held", "due to arrive").
var futureBeforeTo = wordSet("set", "scheduled", "expected", "slated", "poised", "going", "due",
	"is", "are", "plans", "plan", "intends", "aims")

// notPastEd are words ending in "-ed" that are not past verbs.
var notPastEd = wordSet("need", "indeed", "hundred", "speed", "seed", "feed", "bed", "red", "shed",
	"breed", "proceed", "exceed", "succeed", "embed", "naked", "wicked", "sacred", "aged",
	"based", "united", "limited", "related", "interested", "concerned", "supposed", "used")

// notVerbBefore are words after which a participle is an adjective or a
// passive present, not a past tense ("is scheduled", "the idled plants").
var notVerbBefore = wordSet("is", "are", "am", "be", "being", "'s", "the", "a", "an", "this", "that",
	"these", "those", "its", "their", "his", "her", "our", "your", "my", "to")

// causalAfterDueTo are words that make "due to" causal ("due to the ban").
var causalAfterDueTo = wordSet("the", "a", "an", "his", "her", "its", "their", "our", "this", "that",
	"these", "those", "problems", "concerns", "lack", "poor", "bad", "high", "low", "heavy")

// Word classes of the tense rules, as bits of tenseClass, so that
// tenseMarks looks each token up once.
const (
	tcFuture = 1 << iota
	tcFutureBeforeTo
	tcNotVerbBefore
	tcPast
	tcNotPastEd
	tcCausalAfterDueTo
)

// tenseClass maps a lower-case word to its tc* classes.
var tenseClass = func() map[string]uint8 {
	m := map[string]uint8{}
	for _, c := range []struct {
		set map[string]bool
		bit uint8
	}{
		{futureWords, tcFuture}, {futureBeforeTo, tcFutureBeforeTo}, {notVerbBefore, tcNotVerbBefore},
		{pastWords, tcPast}, {notPastEd, tcNotPastEd}, {causalAfterDueTo, tcCausalAfterDueTo},
	} {
		for w := range c.set {
			m[w] |= c.bit
		}
	}
	return m
}()

// tenseClassFilter turns most words away before a lookup in tenseClass.
var tenseClassFilter = newWordFilter(tenseClass)

// tenseMarks finds the words of the tagger's sentence that fix tense.
func tenseMarks(tg *tagger) []tenseMark {
	var out []tenseMark
	n := len(tg.toks)
	cls := make([]uint8, n)
	for i := range n {
		if l := tg.low(i); tenseClassFilter.mayHave(l) {
			cls[i] = tenseClassTable.at(l)
		}
	}
	for i := range n {
		var prev uint8
		low := tg.low(i)
		if i > 0 {
			prev = cls[i-1]
		}
		next := tg.low(i + 1) // "" past the end
		c := cls[i]
		switch {
		case low == "due" && next == "to":
			if !(i+2 < n && (cls[i+2]&tcCausalAfterDueTo != 0 || tg.capital(i+2))) {
				out = append(out, tenseMark{i, dirFuture})
			}
		case c&tcFuture != 0, len(low) > 3 && (strings.HasSuffix(low, "'ll") || strings.HasSuffix(low, "’ll")):
			out = append(out, tenseMark{i, dirFuture})
		case c&tcFutureBeforeTo != 0 && next == "to":
			out = append(out, tenseMark{i, dirFuture})
		case prev&tcNotVerbBefore != 0:
		case c&tcPast != 0:
			out = append(out, tenseMark{i, dirPast})
		case len(low) > 4 && strings.HasSuffix(low, "ed") && c&tcNotPastEd == 0 && (i == 0 || !tg.capital(i)):
			out = append(out, tenseMark{i, dirPast})
		}
	}
	return out
}

// nearestDir returns the direction of the tense mark nearest to the token
// span [i, j), within markWindow tokens; a mark before the span wins a tie.
func nearestDir(marks []tenseMark, i, j int) int {
	best, dir := markWindow+1, dirNone
	for _, m := range marks {
		d := i - m.pos
		if m.pos >= j {
			d = m.pos - j + 1
		} else if m.pos >= i {
			continue
		}
		if d < best {
			best, dir = d, m.dir
		}
	}
	return dir
}

// wordSet builds a lookup table of words.
func wordSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// timeCueMarks are tense marks that are no verb: cue words and time
// words, which say nothing of when a statement was made.
var timeCueMarks = wordSet("tomorrow", "next", "upcoming", "deadline", "deadlines", "ultimatum",
	"expires", "expire", "expiring", "within", "until", "till", "due", "ago", "yesterday", "last",
	"earlier")

// pastBefore reports whether the nearest verb tense mark before timeToken
// k, within markWindow tokens, is past ("gave Syria until ...").
func (tg *tagger) pastBefore(k int) bool {
	marks := tg.tense()
	for n := len(marks) - 1; n >= 0; n-- {
		m := marks[n]
		if m.pos >= k || timeCueMarks[tg.low(m.pos)] {
			continue
		}
		return k-m.pos <= markWindow && m.dir == dirPast
	}
	return false
}

// nearest returns the candidate closest to p; the first wins a tie.
func nearest(p time.Time, cands ...time.Time) time.Time {
	best := cands[0]
	for _, c := range cands[1:] {
		if absDays(c, p) < absDays(best, p) {
			best = c
		}
	}
	return best
}

// absDays is the number of days between two UTC days.
func absDays(a, b time.Time) int64 {
	d := (a.Unix() - b.Unix()) / 86400
	if d < 0 {
		return -d
	}
	return d
}
