package bot

import (
	"slices"
	"strconv"
	"time"

	"github.com/briefbot/briefbot/summarize"
)

// term is what deadlineFinder files a record under, besides the epoch:
// a kind and two parts.
type term struct {
	kind byte   // termSetterWord, termSetterState, termState or termLoneState
	a, b string // setter key or ""; word or state key (stateKeys)
}

// The kinds of term.
const (
	termSetterWord  = 'k' // setter key and a content word
	termSetterState = 's' // setter key and a state key
	termState       = 'w' // a state key, of any record
	termLoneState   = 'e' // a state key, of a record with no setter
)

// termsOf returns the terms a record with setter key setKey, content
// words words and state keys states is filed under: with a setter, the
// setter paired with each word and with each state; each state alone,
// and, without a setter, each state as a setter-less one. The word a
// setter-less match needs too is left to sameDeadline: pairing every
// word with every state would make filing a large record cost as much as
// its words times its states.
func termsOf(setKey string, words map[string]bool, states []string) []term {
	var out []term
	if setKey != "" {
		for w := range words {
			out = append(out, term{termSetterWord, setKey, w})
		}
		for _, st := range states {
			out = append(out, term{termSetterState, setKey, st})
		}
	}
	for _, st := range states {
		out = append(out, term{termState, "", st})
		if setKey == "" {
			out = append(out, term{termLoneState, "", st})
		}
	}
	return out
}

// reportTerms returns the terms under which the records a report may join
// are filed (see sameDeadline). With a setter: its setter's records
// sharing a word (the same target is left to sameDeadline) or a state,
// and the setter-less ones sharing a state. Without: every record sharing
// a state.
func reportTerms(b *deadlineRef) []term {
	var out []term
	states := stateKeys(b.revs)
	kind := byte(termState)
	if b.setKey != "" {
		for w := range b.words {
			out = append(out, term{termSetterWord, b.setKey, w})
		}
		for _, st := range states {
			out = append(out, term{termSetterState, b.setKey, st})
		}
		kind = termLoneState
	}
	for _, st := range states {
		out = append(out, term{kind, "", st})
	}
	return out
}

// stateKeys returns keys of the states revs holds such that two lists
// holding one state (sameState) share a key: "L" and the length for a
// state with a length; for one without, "L", the length and each UTC
// month its due date's period touches, widened by two days each side (the
// finer of two due dates lies in the coarser's period, so both touch the
// month it falls in, whatever its time zone). A state with neither length
// nor due date matches none and has no key.
func stateKeys(revs []revisionRef) []string {
	var out []string
	for _, rv := range revs {
		out = appendStateKeys(out, rv.r)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// appendStateKeys appends the keys of one state (see stateKeys) to out,
// each once.
func appendStateKeys(out []string, r summarize.Revision) []string {
	l := "L" + strconv.Itoa(r.LengthDays)
	switch {
	case r.LengthDays > 0:
		out = append(out, l)
	case !r.Due.IsZero():
		start, end := period(r.Due, r.Precision)
		first, last := start.AddDate(0, 0, -2), end.AddDate(0, 0, 2)
		for m := time.Date(first.Year(), first.Month(), 1, 0, 0, 0, 0, time.UTC); !m.After(last); m = m.AddDate(0, 1, 0) {
			out = append(out, l+"m"+m.Format("2006-01"))
		}
	}
	return out
}
