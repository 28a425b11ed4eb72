package summarize

import (
	"strings"
	"testing"
	"time"
)

// FuzzDeadlines checks the deadline finder on any text and published
// date (days after 2000-01-01; none when noDate is set).
//
// The contract checked: no panic; every deadline points at a sentence
// whose text is its Evidence; its history is in text order, each
// revision's Evidence is words of its own sentence, and the deadline's
// Due and Precision are those of its last revision; a due date or a
// statement date is a UTC day with a precision; a statement date stood in
// by the published date (Approx) is the published day. "Not before the
// published date unless stated as past" is the contract for lengths
// only: a date the text names may lie in the past ("the deadline expired
// on July 1"), so what is checked is that a length counts forward, its due
// date never before the day it was set, and for a length whose statement
// date the text does not give, never before the published day.
func FuzzDeadlines(f *testing.F) {
	for i, s := range fuzzSeedTexts(f) {
		f.Add(s, uint16(9349+i%400), i%7 == 6) // around 2025-08-06
	}
	f.Fuzz(func(t *testing.T, body string, days uint16, noDate bool) {
		var pub time.Time
		if !noDate {
			pub = ymd(2000, 1, 1).AddDate(0, 0, int(days))
		}
		sents := Sentences(body)
		reg := newRegistry(sents)
		times := scanArticle(sents, pub)
		for si, st := range times {
			for _, m := range sentenceMentions(st, si, reg, pub, dlOptions{}) {
				checkLength(t, body, pub, m)
			}
		}
		for _, d := range findDeadlinesIn(sents, times, reg, pub, dlOptions{}) {
			checkDeadline(t, body, sents, pub, d)
		}
	})
}

// checkLength fails t when a new deadline given as a length falls due
// before the day it was set, or before the published day when that day
// stands in for the statement's.
func checkLength(t *testing.T, body string, pub time.Time, m mention) {
	t.Helper()
	r := m.rev
	if m.kind != mentionNew || m.lengthN <= 0 || r.Due.IsZero() {
		return
	}
	if r.SetOn.IsZero() || r.Due.Before(r.SetOn) {
		t.Fatalf("in %q: a length of %d %s set on %v falls due on %v", body, m.lengthN, m.lengthUnit, r.SetOn, r.Due)
	}
	if r.Approx && r.Due.Before(dayOf(pub)) {
		t.Fatalf("in %q: a length with no statement date falls due on %v, before the published day %v", body, r.Due, pub)
	}
}

// checkDeadline fails t when d breaks the Deadline contract.
func checkDeadline(t *testing.T, body string, sents []Sentence, pub time.Time, d Deadline) {
	t.Helper()
	if d.Sentence < 0 || d.Sentence >= len(sents) || d.Evidence != sents[d.Sentence].Text || len(d.History) == 0 {
		t.Fatalf("in %q: deadline %+v: bad sentence, evidence or history", body, d)
	}
	last := d.History[len(d.History)-1]
	if !d.Due.Equal(last.Due) || d.Precision != last.Precision {
		t.Fatalf("in %q: deadline due %v %s, last revision %v %s", body, d.Due, d.Precision, last.Due, last.Precision)
	}
	prev := 0
	for _, r := range d.History {
		if r.Sentence < prev || r.Sentence > d.Sentence {
			t.Fatalf("in %q: revision in sentence %d after %d, deadline in %d", body, r.Sentence, prev, d.Sentence)
		}
		prev = r.Sentence
		if !strings.Contains(sents[r.Sentence].Text, r.Evidence) {
			t.Fatalf("in %q: revision evidence %q is not in sentence %d %q", body, r.Evidence, r.Sentence, sents[r.Sentence].Text)
		}
		for _, dp := range []struct {
			when time.Time
			prec Precision
		}{{r.Due, r.Precision}, {r.SetOn, r.SetOnPrecision}} {
			if !dp.when.IsZero() && (dp.prec == "" || !dp.when.Equal(dayOf(dp.when)) || dp.when.Location() != time.UTC) {
				t.Fatalf("in %q: revision %+v: a date that is no UTC day, or no precision", body, r)
			}
		}
		if r.Approx && !r.SetOn.Equal(dayOf(pub)) {
			t.Fatalf("in %q: revision %+v stands in the published day %v but is set on %v", body, r, pub, r.SetOn)
		}
	}
}
