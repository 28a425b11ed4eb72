package summarize

import (
	"strings"
	"time"
)

// The kinds of time expression the tagger returns.
const (
	kindDate     = "date"     // a calendar date or period named in the text ("Aug. 8, 2025", "in March")
	kindRelative = "relative" // a period named relative to the published date ("last month", "in 10 days")
	kindDuration = "duration" // a length of time, not a point in it ("50-day", "ten days")
	kindRef      = "ref"      // a period named relative to an earlier one ("that same month")
)

// timex is one time expression in a sentence.
//
// Value is the first day of the period (a Monday for a week), in UTC; it
// is zero for a duration, for a reference and whenever the expression
// cannot be resolved (a relative expression with no published date, a month
// without a year and no anchor). A duration carries its length as Min..Max
// units of Unit (Day, Week, Month or Year; equal bounds unless a range such
// as "10 to 12 days"). A reference carries Offset periods of Precision
// from the period it refers to.
type timex struct {
	Text       string
	Start, End int // byte offsets into the sentence
	Kind       string
	Value      time.Time
	Precision  Precision
	Min, Max   int
	Unit       Precision
	Offset     int
	Past       bool // the expression itself points back ("last", "ago", "yesterday", "earlier this")

	i, j int // token span [i, j)
}

// span reports whether x is a length counted from the published date that
// names no single point: a range ("in two to three years", "10 to 12 days
// ago") or a limit ("within 10 days").
func (x timex) span() bool {
	if x.Kind != kindRelative || x.Max == 0 {
		return false
	}
	return x.Min != x.Max || strings.HasPrefix(strings.ToLower(x.Text), "within")
}

// resolved reports whether x names a point in time.
func (x timex) resolved() bool { return !x.Value.IsZero() }

// days is the length of a duration in days (months counted as 30 days and
// years as 365), its upper bound for a range.
func (x timex) days() int { return x.Max * unitDays(x.Unit) }

// tagTimes returns the time expressions of one sentence in text order,
// without overlaps, resolved against published. The sentence's tense,
// read near each expression, decides between the past and the future
// reading of a weekday or a month without a year; a zero published date
// leaves every relative expression unresolved.
func tagTimes(text string, published time.Time) []timex {
	_, xs := scanTimes(text, published)
	return xs
}

// scanTimes is tagTimes returning the sentence's tagger as well, for the
// callers that read the tokens and the tense around an expression.
func scanTimes(text string, published time.Time) (*tagger, []timex) {
	toks, lowText := tokenizeTimes(text)
	return scanTokens(text, lowText, toks, published)
}

// scanTokens is scanTimes on the tokens of text, tokenized already, with
// the lowered text they point into.
func scanTokens(text, lowText string, toks []timeToken, published time.Time) (*tagger, []timex) {
	tg := new(tagger)
	return tg, scanTokensInto(tg, text, lowText, toks, published)
}

// scanTokensInto is scanTokens with the tagger to fill given (any earlier
// content is overwritten), so that a caller tagging many sentences can
// hold their taggers in one array.
func scanTokensInto(tg *tagger, text, lowText string, toks []timeToken, published time.Time) []timex {
	return appendTokenTimes(nil, tg, text, lowText, toks, published)
}

// appendTokenTimes is scanTokensInto appending the expressions to out.
func appendTokenTimes(out []timex, tg *tagger, text, lowText string, toks []timeToken, published time.Time) []timex {
	*tg = tagger{text: text, lowText: lowText, toks: toks, pub: published}
	for i := 0; i < len(tg.toks); {
		// mayStart, which match tries first, turns most tokens away: asked
		// here, once (matchStart does not ask again), it spares them the
		// copying of match's large result.
		if !tg.mayStart(i) {
			i++
			continue
		}
		x, ok := tg.matchStart(i)
		if !ok {
			i++
			continue
		}
		x.Start, x.End = int(tg.toks[x.i].start), int(tg.toks[x.j-1].end)
		x.Text = text[x.Start:x.End]
		out = append(out, x)
		i = x.j
	}
	return out
}

// tagger holds one sentence being tagged.
type tagger struct {
	text    string
	lowText string // the lower case of the tokens (see timeToken)
	toks    []timeToken
	pub     time.Time
	marks   []tenseMark // read by tense, on first use
	tensed  bool        // marks holds the tense marks
	pubDay  time.Time   // dayOf(pub), read by today, on first use
	dayed   bool        // pubDay holds it
	force   int         // when not dirNone, the direction every expression takes
}

// tense returns the sentence's tense marks (tenseMarks of its tokens),
// finding them on first use: most sentences hold no time expression and
// never need them.
func (tg *tagger) tense() []tenseMark {
	if !tg.tensed {
		tg.marks, tg.tensed = tenseMarks(tg), true
	}
	return tg.marks
}

// today returns dayOf(tg.pub), the published day, finding it on first
// use: the rules ask for it at every word that may start an expression.
func (tg *tagger) today() time.Time {
	if !tg.dayed {
		tg.pubDay, tg.dayed = dayOf(tg.pub), true
	}
	return tg.pubDay
}

// low returns the lower-case timeToken at i, or "" past either end.
func (tg *tagger) low(i int) string {
	if i < 0 || i >= len(tg.toks) {
		return ""
	}
	t := tg.toks[i]
	return tg.lowText[t.lo:t.hi]
}

// str returns the timeToken at i as written; i must be a token.
func (tg *tagger) str(i int) string {
	t := tg.toks[i]
	return tg.text[t.start:t.end]
}

// capital reports whether the timeToken at i starts with an upper-case
// letter; i must be a token.
func (tg *tagger) capital(i int) bool { return capitalWord(tg.str(i)) }

// number returns the value of the timeToken at i when it is a plain run
// of digits; i must be a token.
func (tg *tagger) number(i int) (int, bool) { return digitsValue(tg.str(i)) }

// base returns the lower-case timeToken at i without a possessive "'s"
// ("year's" → "year").
func (tg *tagger) base(i int) string { return lowBase(tg.low(i)) }

// lowBase returns the lower-case word s without a possessive "'s"
// ("year's" → "year").
func lowBase(s string) string {
	n := len(s)
	if n == 0 || s[n-1] != 's' {
		return s
	}
	switch {
	case n > 2 && s[n-2] == '\'':
		return s[:n-2]
	case n > 4 && s[n-4:n-1] == "’":
		return s[:n-4]
	}
	return s
}

// forward re-reads the expression x forward in time: the value a date
// takes when it is what a deadline was moved to ("extended it to March").
func (tg *tagger) forward(x timex) timex {
	tg.force = dirFuture
	y, ok := tg.match(x.i)
	tg.force = dirNone
	if !ok || y.j != x.j {
		return x
	}
	y.Start, y.End, y.Text = x.Start, x.End, x.Text
	return y
}

// match tries every rule at timeToken i, longest span first in rule order.
// It answers as matchRules does.
func (tg *tagger) match(i int) (timex, bool) {
	if !tg.mayStart(i) {
		return timex{}, false
	}
	return tg.matchStart(i)
}

// matchStart is match at a timeToken i that mayStart lets through.
func (tg *tagger) matchStart(i int) (timex, bool) {
	// The commonest first words, which seldom start anything, go straight
	// to the only rules that can start with them: the same answer as
	// matchRules, for a fraction of its work. No number, edge, month,
	// weekday or count word is among them (TestMatchDispatchTables), so
	// no other rule can read them; TestMatchDispatch compares the two.
	switch tg.low(i) {
	case "the":
		if x, ok := tg.periodEdge(i); ok {
			return x, true
		}
		return tg.reference(i)
	case "that":
		return tg.reference(i)
	case "in", "a", "an":
		return tg.duration(i)
	}
	return tg.matchRules(i)
}

// matchRules tries every rule at timeToken i, in order: what match
// returns.
func (tg *tagger) matchRules(i int) (timex, bool) {
	if x, ok := tg.periodEdge(i); ok {
		return x, true
	}
	if x, ok := tg.relative(i); ok {
		return x, true
	}
	if x, ok := tg.reference(i); ok {
		return x, true
	}
	if x, ok := tg.duration(i); ok {
		return x, true
	}
	return tg.date(i)
}

// mayStart reports whether any rule could match at timeToken i: the
// token is a number or one of timeStarts, possibly with a possessive
// ("Monday's"). It is a cheap filter that never says no to a match.
func (tg *tagger) mayStart(i int) bool {
	if i < 0 || i >= len(tg.toks) {
		return false
	}
	l := tg.low(i)
	if l == "" {
		return false
	}
	if c := l[0]; c >= '0' && c <= '9' {
		return true
	}
	if timeStartsFilter.mayHave(l) && timeStartsTable.has(l) {
		return true
	}
	if l[len(l)-1] != 's' {
		return false // no possessive: base would be l
	}
	b := lowBase(l)
	return len(b) != len(l) && timeStartsFilter.mayHave(b) && timeStartsTable.has(b)
}

// timeStartsFilter turns most words away before a lookup in timeStarts.
var timeStartsFilter = newWordFilter(timeStarts)

// timeStartsTable is timeStarts for the lookups of mayStart.
var timeStartsTable = newWordSetTable(timeStarts)

// timeStarts are the words a time expression can start with, read from
// the rules: periodEdge (the, edge words, early, late, mid), relative,
// reference, duration (in, within, a, an, count words) and date (month
// names and abbreviations, weekday names). A rule that learns a new first
// word must add it here.
var timeStarts = func() map[string]bool {
	m := wordSet("the", "early", "late", "mid", "today", "tonight", "yesterday", "tomorrow",
		"earlier", "later", "this", "last", "next", "that", "in", "within", "a", "an")
	for w := range edgeWords {
		m[w] = true
	}
	for w := range countWords {
		m[w] = true
	}
	for w := range monthNames {
		m[w] = true
	}
	for w := range monthAbbrs {
		m[w] = true
	}
	for w := range weekdayNames {
		m[w] = true
	}
	return m
}()
