package bot

import (
	"cmp"
	"slices"
	"time"

	"github.com/briefbot/briefbot/summarize"
)

// The index files quotes and events by reference: the record's number
// among the analyses' records of its kind (recordNumbers), which names
// the article and the record's place in its analysis in 4 bytes, where a
// copy of the record took a hundred. The analyses are immutable once
// indexed (see NewIndex), so a reference reads the same record for the
// index's life. Numbers fit int32: an index of 2³¹ articles or records
// would not fit in memory anyway.

// quoteRef locates a quote: ix.an(art).Quotes[i].
type quoteRef struct{ art, i int32 }

// quoteRef returns where quote id (into ix.quotes) is.
func (ix *Index) quoteRef(id int) quoteRef {
	art, i := ix.quoteNums.ref(ix.quotes[id])
	return quoteRef{art, i}
}

// eventRef returns where event id (into ix.events) is.
func (ix *Index) eventRef(id int) eventRef {
	art, i := ix.eventNums.ref(ix.events[id])
	return eventRef{art, i}
}

// eventRef locates an event: ix.an(art).Events[i].
type eventRef struct{ art, i int32 }

// quote returns quote id (into ix.quotes), read alone from its encoded
// analysis once the index is built (encodedAnalyses.quote). The record
// may be shared: callers must not modify it.
func (ix *Index) quote(id int) *summarize.Quote {
	r := ix.quoteRef(id)
	if ix.ans != nil {
		return &ix.ans[r.art].Quotes[r.i]
	}
	return ix.enc.quote(int(r.art), int(r.i))
}

// quoteArt returns the article quote id comes from.
func (ix *Index) quoteArt(id int) int { return int(ix.quoteRef(id).art) }

// event returns event id (into ix.events), as quote returns a quote.
func (ix *Index) event(id int) *summarize.Event {
	r := ix.eventRef(id)
	if ix.ans != nil {
		return &ix.ans[r.art].Events[r.i]
	}
	return ix.enc.event(int(r.art), int(r.i))
}

// eventArt returns the article event id comes from.
func (ix *Index) eventArt(id int) int { return int(ix.eventRef(id).art) }

// articleEvents is each article's events (into Index.events), ascending:
// article a's are ids[at[a]:at[a+1]] (see of). Only building the index
// needs them (appendStoryEvents), so the index does not keep them.
type articleEvents struct{ at, ids []int32 }

// of returns the events of article a. The slice is e's own: callers must
// not modify it.
func (e *articleEvents) of(a int) []int32 { return e.ids[e.at[a]:e.at[a+1]] }

// articleEvents files the index's events by article.
func (ix *Index) articleEvents() articleEvents {
	e := articleEvents{at: make([]int32, len(ix.arts)+1), ids: make([]int32, len(ix.events))}
	arts := make([]int32, len(ix.events))
	for id := range ix.events {
		arts[id] = ix.eventRef(id).art
		e.at[arts[id]+1]++
	}
	for a := range ix.arts {
		e.at[a+1] += e.at[a]
	}
	next := slices.Clone(e.at[:len(ix.arts)])
	for id, a := range arts {
		e.ids[next[a]] = int32(id)
		next[a]++
	}
	return e
}

// indexEvents files the dated events in date order; events without a date
// are left out of the timeline. Events of one date keep their articles'
// order of publication (undated articles first, then oldest first), then
// the order of the analyses. It files each event's words.
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
	ix.eventNums = newRecordNumbers(len(ix.arts), func(a int) int { return len(ix.ans[a].Events) })
	ix.events = make([]int32, n)
	terms := termIndex{}
	for id, k := range keys {
		r := k.ref
		ix.events[id] = ix.eventNums.number(r.art, r.i)
		e := &ix.ans[r.art].Events[r.i]
		terms.add(id, e.Phrase, e.Text)
	}
	ix.eventTerms = packTerms(terms)
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
