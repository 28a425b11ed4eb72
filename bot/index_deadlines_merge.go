package bot

import (
	"cmp"
	"slices"
	"time"

	"github.com/briefbot/briefbot/summarize"
)

// Deciding that two articles report one deadline, and folding the second
// report into the first.

// sameDeadline reports whether the report b (from a later or same-day
// article) is of the deadline a: they come from different articles, their
// spans lie within mergeWindow days, and
//   - the same setter (through the name book: "Trump" is "Donald Trump")
//     set it, for the same target or one left unnamed, and their demand,
//     consequence and evidence share a content word or they share a state
//     (the setter's "50 days" for "Russia" and for "Putin"); or
//   - a setter is unnamed, they share a dated state and a content word
//     ("deliveries ... delayed until October 2007", "deliveries ... not due
//     until October").
func (ix *Index) sameDeadline(a, b *deadlineRef) bool {
	if a.hasArt(b.art) || !near(a, b) {
		return false
	}
	// The word tests come first: sharedState looks at the states of both.
	if a.setKey != "" && b.setKey != "" {
		if a.setKey != b.setKey {
			return false
		}
		sameTarget := a.targetKey == "" || b.targetKey == "" || a.targetKey == b.targetKey
		return sameTarget && overlap(a.words, b.words) || sharedState(a, b)
	}
	return overlap(a.words, b.words) && sharedState(a, b)
}

// near reports whether the spans of a and b (kept in their first and last
// fields) come within mergeWindow days.
func near(a, b *deadlineRef) bool {
	a0, a1 := a.first, a.last
	b0, b1 := b.first, b.last
	if a0.IsZero() || b0.IsZero() {
		return a0.IsZero() && b0.IsZero() // undated reports merge only with each other
	}
	w := mergeWindow * 24 * time.Hour
	return !b0.After(a1.Add(w)) && !a0.After(b1.Add(w))
}

// span returns the earliest and latest dates a record names: its
// statement dates, its due dates and its articles' published dates.
func (ix *Index) span(dr *deadlineRef) (first, last time.Time) {
	see := func(t time.Time) {
		if t.IsZero() {
			return
		}
		if first.IsZero() || t.Before(first) {
			first = t
		}
		if last.IsZero() || t.After(last) {
			last = t
		}
	}
	for _, rv := range dr.revs {
		see(rv.key)
		see(rv.r.Due)
	}
	for _, a := range dr.arts {
		see(ix.arts[a].Published)
	}
	return first, last
}

// overlap reports whether two ascending term sets share a term.
func overlap(a, b []uint32) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) == 0 || a[len(a)-1] < b[0] || b[len(b)-1] < a[0] {
		return false
	}
	if 8*len(a) < len(b) {
		for _, t := range a {
			if _, found := slices.BinarySearch(b, t); found {
				return true
			}
		}
		return false
	}
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			return true
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return false
}

// union adds the ascending terms ts to the ascending set words.
func union(words, ts []uint32) []uint32 {
	for _, t := range ts {
		if i, found := slices.BinarySearch(words, t); !found {
			words = slices.Insert(words, i, t)
		}
	}
	return words
}

// sharedState reports whether a and b report one state (see sameState).
func sharedState(a, b *deadlineRef) bool {
	if a.idx != nil {
		return slices.ContainsFunc(b.revs, func(y revisionRef) bool { return a.findState(y) >= 0 })
	}
	for _, x := range a.revs {
		for _, y := range b.revs {
			if sameState(x.r, y.r) {
				return true
			}
		}
	}
	return false
}

// sameState reports whether two revisions state the same thing: the same
// length (due dates, when both are known, agreeing), or, without a length,
// due dates that agree: the finer lies in the coarser's period ("8 Aug",
// "the week of 4 Aug").
func sameState(x, y summarize.Revision) bool {
	if x.LengthDays != y.LengthDays {
		return false
	}
	if x.Due.IsZero() || y.Due.IsZero() {
		return x.LengthDays > 0
	}
	if rank(x.Precision) > rank(y.Precision) {
		x, y = y, x
	}
	start, end := period(y.Due, y.Precision)
	return !x.Due.Before(start) && !x.Due.After(end)
}

// period returns the first and last day of the period a due date of
// precision p stands for.
func period(t time.Time, p summarize.Precision) (time.Time, time.Time) {
	y, m, d := t.Date()
	t = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	switch p {
	case summarize.Week:
		s := monday(t)
		return s, s.AddDate(0, 0, 6)
	case summarize.Month:
		s := t.AddDate(0, 0, 1-t.Day())
		return s, s.AddDate(0, 1, -1)
	case summarize.Year:
		return time.Date(t.Year(), 1, 1, 0, 0, 0, 0, time.UTC), time.Date(t.Year(), 12, 31, 0, 0, 0, 0, time.UTC)
	}
	return t, t
}

// rank orders precisions from fine to coarse.
func rank(p summarize.Precision) int {
	switch p {
	case summarize.Day:
		return 0
	case summarize.Week:
		return 1
	case summarize.Month:
		return 2
	case summarize.Year:
		return 3
	}
	return -1
}

// merge folds the later report in into dr: a state dr already has gains
// what in knows better (a due date, a finer or stated date) and in's
// article; a new state is added. The demand, consequence and evidence of
// the later report win when it has them. It returns what the merge did to
// dr's dates (see span) but for in's article's date, leaving dr.first and
// dr.last as they were; those must be dr's span when merge is called.
func (dr *deadlineRef) merge(in deadlineRef) spanChange {
	if dr.idx == nil && (len(dr.revs) >= indexFrom || len(dr.arts) >= indexFrom) {
		dr.idx = newRevIndex(dr)
	}
	if dr.idx != nil {
		dr.idx.gained = dr.idx.gained[:0]
	}
	var ch spanChange
	for _, y := range in.revs {
		k := dr.findState(y)
		if k < 0 {
			dr.revs = append(dr.revs, y)
			if dr.idx != nil {
				dr.idx.add(len(dr.revs)-1, y)
			}
			ch.gained = append(ch.gained, y.key, y.r.Due)
			continue
		}
		x := &dr.revs[k]
		if x.art != y.art && !dr.hasAlso(k, y.art) {
			dr.addAlso(k, y.art)
		}
		if !y.r.Due.IsZero() && (x.r.Due.IsZero() || rank(y.r.Precision) < rank(x.r.Precision)) {
			before := *x
			ch.drop(dr, x.r.Due)
			x.r.Due, x.r.Precision = y.r.Due, y.r.Precision
			ch.gained = append(ch.gained, x.r.Due)
			if dr.idx != nil {
				dr.idx.rekey(k, before, *x)
			}
		}
		if !y.r.SetOn.IsZero() && (x.r.SetOn.IsZero() || x.r.Approx && !y.r.Approx ||
			rank(y.r.SetOnPrecision) < rank(x.r.SetOnPrecision)) {
			ch.drop(dr, x.key)
			x.r.SetOn, x.r.SetOnPrecision, x.r.Approx, x.key = y.r.SetOn, y.r.SetOnPrecision, y.r.Approx, y.key
			ch.gained = append(ch.gained, x.key)
		}
	}
	if !dr.hasArt(in.art) {
		dr.arts = append(dr.arts, in.art)
		if dr.idx != nil {
			dr.idx.arts[in.art] = true
		}
	}
	dr.demand, dr.consequence = cmp.Or(in.demand, dr.demand), cmp.Or(in.consequence, dr.consequence)
	if dr.setKey == "" {
		dr.setBy, dr.setKey = in.setBy, in.setKey
	}
	if dr.targetKey == "" {
		dr.target, dr.targetKey = in.target, in.targetKey
	}
	if in.evidence != "" {
		dr.evidence, dr.art = in.evidence, in.art
	}
	dr.words = union(dr.words, in.words)
	return ch
}
