package bot

import (
	"cmp"
	"slices"
	"time"

	"github.com/briefbot/briefbot/summarize"
)

// The index files quotes and events by reference: a pair of int32 naming
// the article and the record's place in its analysis, 8 bytes where a copy
// of the record took a hundred. The analyses are immutable once indexed
// (see NewIndex), so a reference reads the same record for the index's
// life. Positions fit int32: an index of 2³¹ articles or records would
// not fit in memory anyway.

// quoteRef locates a quote: ix.ans[art].Quotes[i].
type quoteRef struct{ art, i int32 }

// eventRef locates an event: ix.ans[art].Events[i].
type eventRef struct{ art, i int32 }

// quote returns quote id (into ix.quotes). The record is the analysis's
// own: callers must not modify it.
func (ix *Index) quote(id int) *summarize.Quote {
	r := ix.quotes[id]
	return &ix.ans[r.art].Quotes[r.i]
}

// quoteArt returns the article quote id comes from.
func (ix *Index) quoteArt(id int) int { return int(ix.quotes[id].art) }

// event returns event id (into ix.events). The record is the analysis's
// own: callers must not modify it.
func (ix *Index) event(id int) *summarize.Event {
	r := ix.events[id]
	return &ix.ans[r.art].Events[r.i]
}

// eventArt returns the article event id comes from.
func (ix *Index) eventArt(id int) int { return int(ix.events[id].art) }

// eventsIn returns the events (into ix.events) of article art, ascending.
// The slice is the index's own: callers must not modify it.
func (ix *Index) eventsIn(art int) []int32 {
	return ix.eventIDs[ix.eventsAt[art]:ix.eventsAt[art+1]]
}

// indexEvents files the dated events in date order; events without a date
// are left out of the timeline. Events of one date keep their articles'
// order of publication (undated articles first, then oldest first), then
// the order of the analyses. It files each event's words and, per
// article, its events (eventsIn).
func (ix *Index) indexEvents() {
	n := 0
	for _, an := range ix.ans {
		for k := range an.Events {
			if !an.Events[k].When.IsZero() {
				n++
			}
		}
	}
	keys := make([]eventKey, 0, n)
	for a, an := range ix.ans {
		pub := ix.arts[a].Published
		for k := range an.Events {
			if e := &an.Events[k]; !e.When.IsZero() {
				keys = append(keys, newEventKey(e.When, pub, eventRef{art: int32(a), i: int32(k)}))
			}
		}
	}
	slices.SortFunc(keys, compareEventKeys)
	ix.events = make([]eventRef, n)
	ix.eventsAt = make([]int32, len(ix.arts)+1)
	for id, k := range keys {
		ix.events[id] = k.ref
		ix.eventsAt[k.ref.art+1]++
	}
	for a := range ix.arts {
		ix.eventsAt[a+1] += ix.eventsAt[a]
	}
	ix.eventIDs = make([]int32, n)
	next := slices.Clone(ix.eventsAt[:len(ix.arts)])
	for id, r := range ix.events {
		ix.eventIDs[next[r.art]] = int32(id)
		next[r.art]++
		e := ix.event(id)
		ix.eventTerms.add(id, e.Phrase, e.Text)
	}
}

// eventKey is what indexEvents orders an event by: its date, then its
// article's publication (undated first, then oldest first), then its
// place in the analyses, which makes the order total, so that a fast
// unstable sort gives the order a stable sort by date and publication
// gives. Times are held as Unix seconds and nanoseconds, which order as
// time.Compare orders the instants.
type eventKey struct {
	whenSec, pubSec int64
	whenNsec, pubNs int32
	pubSet          bool
	ref             eventRef
}

func newEventKey(when, pub time.Time, ref eventRef) eventKey {
	k := eventKey{whenSec: when.Unix(), whenNsec: int32(when.Nanosecond()), ref: ref}
	if !pub.IsZero() {
		k.pubSet, k.pubSec, k.pubNs = true, pub.Unix(), int32(pub.Nanosecond())
	}
	return k
}

// compareEventKeys orders event keys: date, publication, article, place.
func compareEventKeys(a, b eventKey) int {
	return cmp.Or(
		cmp.Compare(a.whenSec, b.whenSec),
		cmp.Compare(a.whenNsec, b.whenNsec),
		cmp.Compare(btoi(a.pubSet), btoi(b.pubSet)),
		cmp.Compare(a.pubSec, b.pubSec),
		cmp.Compare(a.pubNs, b.pubNs),
		cmp.Compare(a.ref.art, b.ref.art),
		cmp.Compare(a.ref.i, b.ref.i),
	)
}
