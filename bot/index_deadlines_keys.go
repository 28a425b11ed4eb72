package bot

import (
	"slices"
	"time"

	"github.com/briefbot/briefbot/summarize"
)

// term is what deadlineFinder files a record under, besides the epoch:
// a kind and a setter (a symbol, 0 for none) in a, and a content word (a
// symbol) or a state key (see stateKey) in b. Integers, so that filing
// and looking up hash no strings.
type term struct {
	a, b uint64
}

// The kinds of term.
const (
	termSetterWord = 'k' // setter and a content word
	termState      = 'w' // a state key, of any record
)

func newTerm(kind byte, setter uint32, b uint64) term {
	return term{uint64(kind)<<32 | uint64(setter), b}
}

// symbols numbers the strings one index build files deadlines under
// (setter keys and content words) from 1; "" is 0.
type symbols map[string]uint32

// id returns the number of s, numbering it if it is new.
func (s symbols) id(x string) uint32 {
	if x == "" {
		return 0
	}
	if n, ok := s[x]; ok {
		return n
	}
	n := uint32(len(s) + 1)
	s[x] = n
	return n
}

// termsOf returns the terms a record with setter symbol setter, content
// words words and state keys states (its file keys, see appendFileKeys)
// is filed under: with a setter, the setter paired with each word; each
// state. A record is not filed under its setter with its states: states
// are precise enough (see appendFileKeys) that a report looks at every
// record sharing one and passes over other setters' (see candidates).
// The word a setter-less match needs too is left to sameDeadline:
// pairing every word with every state would make filing a large record
// cost as much as its words times its states.
func termsOf(setter uint32, words []uint32, states []uint64) []term {
	out := make([]term, 0, len(words)+len(states))
	if setter != 0 {
		for _, w := range words {
			out = append(out, newTerm(termSetterWord, setter, uint64(w)))
		}
	}
	for _, st := range states {
		out = append(out, newTerm(termState, 0, st))
	}
	return out
}

// reportTerms returns the terms under which the records a report with
// setter symbol setter may join are filed (see sameDeadline): with a
// setter, its setter's records sharing a word (the same target is left to
// sameDeadline); every record sharing a state (records of other setters
// are left to candidates).
func reportTerms(setter uint32, b *deadlineRef) []term {
	var states []uint64
	for _, rv := range b.revs {
		states = appendLookKeys(states, rv.r)
	}
	slices.Sort(states)
	states = slices.Compact(states)
	out := make([]term, 0, len(b.words)+len(states))
	if setter != 0 {
		for _, w := range b.words {
			out = append(out, newTerm(termSetterWord, setter, uint64(w)))
		}
	}
	for _, st := range states {
		out = append(out, newTerm(termState, 0, st))
	}
	return out
}

// A state key is a tag, a length and a calendar unit packed in 64 bits:
// tag in the top 4 bits, the length's low 28 bits, the unit's low 32 bits.
// Keys of different states may collide (lengths or units that differ in
// high bits): that only makes a candidate more.
//
// Keys come in two sets per state, those a record's state is filed under
// (appendFileKeys) and those a report's state is looked up by
// (appendLookKeys), with the contract: whenever sameState(x, y), the file
// keys of x and the look keys of y share a key.
//
// For a length (L > 0): every such state files "any L", one without a due
// date also "L, no date"; a report's state without a due date looks up
// "any L", one with a due date "L, no date".
//
// Due dates (with the length, whatever it is) go by calendar units: the
// finer of two agreeing due dates (see sameState) falls, as a UTC day, in
// the unit of the coarser's period (its day, week, month or year). A
// dated state files the unit of its own level (see level) that its date
// falls in, as its calendar gives it and as a UTC day. A report's state
// looks up, at its own level and every coarser one, the unit its UTC day
// falls in (records as coarse or coarser holding it), and, at its own
// level and every finer one, each unit its period touches (records as
// fine or finer in it: up to 366 days for a year, which is rare).
const (
	tagAnyLength  = 1
	tagNoDate     = 2
	tagLevel      = 4 // + level
	levelYear     = 3
	secondsPerDay = 86400
)

// stateKey packs a tag, a length and a unit into a state key (see above).
func stateKey(tag uint64, length int, unit int64) uint64 {
	return tag<<60 | uint64(uint32(length)&(1<<28-1))<<32 | uint64(uint32(unit))
}

// level is the calendar level of a precision's period: 0 for a day (also
// for an unknown precision, whose period is its day), 1 week, 2 month, 3
// year. It orders precisions as rank does.
func level(p summarize.Precision) int {
	return max(rank(p), 0)
}

// unitOf returns the index of the calendar unit of level l holding the
// epoch day number day, whose UTC year and month are y and m: the day
// itself, Monday-based weeks from the epoch, months, years.
func unitOf(l int, day int64, y int, m time.Month) int64 {
	switch l {
	case 1:
		return floorDiv(day+3, 7) // 1 Jan 1970 was a Thursday
	case 2:
		return int64(y)*12 + int64(m) - 1
	case 3:
		return int64(y)
	}
	return day
}

// epochDay returns the epoch day number of t's UTC day, with its year and
// month.
func epochDay(t time.Time) (int64, int, time.Month) {
	y, m, _ := t.UTC().Date()
	return floorDiv(t.Unix(), secondsPerDay), y, m
}

// appendFileKeys appends the keys a record holding state r is filed
// under (see the contract above).
func appendFileKeys(out []uint64, r summarize.Revision) []uint64 {
	n := r.LengthDays
	if n > 0 {
		out = append(out, stateKey(tagAnyLength, n, 0))
		if r.Due.IsZero() {
			return append(out, stateKey(tagNoDate, n, 0))
		}
	}
	if r.Due.IsZero() {
		return out
	}
	l := level(r.Precision)
	cy, cm, cd := r.Due.Date()
	cday, _, _ := epochDay(time.Date(cy, cm, cd, 0, 0, 0, 0, time.UTC))
	uday, uy, um := epochDay(r.Due)
	own, point := unitOf(l, cday, cy, cm), unitOf(l, uday, uy, um)
	out = append(out, stateKey(tagLevel+uint64(l), n, own))
	if point != own {
		out = append(out, stateKey(tagLevel+uint64(l), n, point))
	}
	return out
}

// appendLookKeys appends the keys the records a report with state r may
// share it with are filed under (see the contract above).
func appendLookKeys(out []uint64, r summarize.Revision) []uint64 {
	n := r.LengthDays
	if n > 0 {
		if r.Due.IsZero() {
			return append(out, stateKey(tagAnyLength, n, 0))
		}
		out = append(out, stateKey(tagNoDate, n, 0))
	}
	if r.Due.IsZero() {
		return out
	}
	l := level(r.Precision)
	uday, uy, um := epochDay(r.Due)
	for c := l; c <= levelYear; c++ { // as coarse or coarser, holding r's day
		out = append(out, stateKey(tagLevel+uint64(c), n, unitOf(c, uday, uy, um)))
	}
	start, end := period(r.Due, r.Precision)
	s, sy, sm := epochDay(start)
	e, ey, em := epochDay(end)
	for f := l; f >= 0; f-- { // as fine or finer, in r's period
		u0, u1 := unitOf(f, s, sy, sm), unitOf(f, e, ey, em)
		for u := u0; u <= u1; u++ {
			if f < l || u != unitOf(l, uday, uy, um) {
				out = append(out, stateKey(tagLevel+uint64(f), n, u))
			}
		}
	}
	return out
}

// fileKeys returns the file keys of the states revs holds, ascending,
// each once.
func fileKeys(revs []revisionRef) []uint64 {
	var out []uint64
	for _, rv := range revs {
		out = appendFileKeys(out, rv.r)
	}
	slices.Sort(out)
	return slices.Compact(out)
}
