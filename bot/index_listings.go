package bot

import (
	"cmp"
	"slices"
	"time"
)

// listings is what the whole-corpus listings need, ordered once when the
// index is built so that a request renders only the page it sends (see
// listing): the speakers in `who said what` order and the deadlines in
// the orders `deadline status` takes at any day, and each story's events
// for `timeline TOPIC`.
type listings struct {
	// speakers in `who said what` order: most quoted first, then as filed.
	speakers []int
	// dueAsc holds the deadlines with a due date by (due day, ID); dueDesc
	// by (due day descending, ID); undated the others by ID. The deadlines
	// open at a day are a suffix of dueAsc, the passed ones a suffix of
	// dueDesc, each already in `deadline status` order.
	dueAsc, dueDesc, undated []int
	dueDay                   []int64               // deadline → its due day (Unix seconds of UTC midnight)
	items                    []int                 // deadline → the items of its section (deadlineSection)
	allItems                 int                   // the items of every deadline
	storyEventsAt            []int32               // story s's events are storyEvents[storyEventsAt[s]:storyEventsAt[s+1]]
	storyEvents              []int32               // each story's events in turn, as storyEventIDs gives them
	dateRank                 []int                 // article → its place in byDate
	quoteRuns                map[string][]quoteRun // term → its quotes' runs by speaker, for common terms (indexQuoteRuns)
}

// indexListings orders the speakers and deadlines for the listings and
// files each story's events. It costs a sort of the speakers, two of the
// deadlines and one of each story's events.
func (ix *Index) indexListings() {
	l := &ix.lists
	l.speakers = make([]int, len(ix.speakers))
	for s := range l.speakers {
		l.speakers[s] = s
	}
	slices.SortStableFunc(l.speakers, func(a, b int) int {
		return int(ix.speakers[b].n - ix.speakers[a].n)
	})
	l.dueDay = make([]int64, len(ix.deadlines))
	l.items = make([]int, len(ix.deadlines))
	for id := range ix.deadlines {
		dr := &ix.deadlines[id]
		l.items[id] = deadlineItems(dr)
		l.allItems += l.items[id]
		if due, _ := dr.due(); !due.IsZero() {
			l.dueDay[id] = dayOf(due)
			l.dueAsc = append(l.dueAsc, id)
		} else {
			l.undated = append(l.undated, id)
		}
	}
	l.dateRank = make([]int, len(ix.arts))
	for k, a := range ix.byDate {
		l.dateRank[a] = k
	}
	ix.indexQuoteRuns()
	// Each story's events, in one array: a story's are at most its
	// articles' dated events, and each event is of one article.
	l.storyEventsAt = make([]int32, len(ix.stories)+1)
	l.storyEvents = make([]int32, 0, len(ix.events))
	in := map[artSent]bool{}
	ae := ix.articleEvents()
	for s := range ix.stories {
		l.storyEvents = ix.appendStoryEvents(l.storyEvents, &ae, in, s)
		l.storyEventsAt[s+1] = int32(len(l.storyEvents))
	}
	l.storyEvents = exact(l.storyEvents) // reprints' events left out
	l.dueDesc = slices.Clone(l.dueAsc)
	slices.SortFunc(l.dueAsc, func(a, b int) int { return cmp.Or(cmp.Compare(l.dueDay[a], l.dueDay[b]), a-b) })
	slices.SortFunc(l.dueDesc, func(a, b int) int { return cmp.Or(cmp.Compare(l.dueDay[b], l.dueDay[a]), a-b) })
}

// eventsOfStory returns the events (into Index.events) of story s,
// ascending; the slice is the index's own.
func (l *listings) eventsOfStory(s int) []int32 {
	return l.storyEvents[l.storyEventsAt[s]:l.storyEventsAt[s+1]]
}

// dayOf returns the UTC midnight of t's calendar day, in Unix seconds: the
// day summarize.Deadline.StatusAt counts from.
func dayOf(t time.Time) int64 {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC).Unix()
}

// deadlineItems counts the items deadlineSection gives dr.
func deadlineItems(dr *deadlineRef) int {
	n := 1 // the history
	if dr.demand != "" || dr.consequence != "" {
		n++
	}
	if dr.evidence != "" {
		n++
	}
	return n + alsoItems(dr)
}

// byStatusAt returns every deadline split as byStatus splits them at now,
// each group in its order, found by two binary searches.
func (ix *Index) byStatusAt(now time.Time) (open, passed, undated []int) {
	l, today := &ix.lists, dayOf(now)
	i, _ := slices.BinarySearchFunc(l.dueAsc, today, func(id int, d int64) int { return cmp.Compare(l.dueDay[id], d) })
	// dueDesc is descending: the passed ones (before today) are its tail.
	j, _ := slices.BinarySearchFunc(l.dueDesc, today, func(id int, d int64) int {
		if l.dueDay[id] >= d {
			return -1
		}
		return 1
	})
	return l.dueAsc[i:], l.dueDesc[j:], l.undated
}

// counted is an ID and how many query terms it holds.
type counted struct{ id, n int32 }

// countSorted is termIndex.counts without a map: it merges the query
// terms' ascending postings and returns each ID holding a term with how
// many it holds, ascending.
func (t termIndex) countSorted(q []string) []counted {
	var acc []counted
	for _, w := range q {
		acc = mergeCounted(acc, t[w])
	}
	return acc
}

// mergeCounted returns, in a new slice, the IDs of acc and of ps (both
// ascending), each with its count in acc plus one when ps holds it.
func mergeCounted(acc []counted, ps []int32) []counted {
	merged := make([]counted, 0, len(acc)+len(ps))
	i, j := 0, 0
	for i < len(acc) || j < len(ps) {
		switch {
		case j == len(ps) || i < len(acc) && acc[i].id < ps[j]:
			merged = append(merged, acc[i])
			i++
		case i == len(acc) || ps[j] < acc[i].id:
			merged = append(merged, counted{ps[j], 1})
			j++
		default:
			merged = append(merged, counted{acc[i].id, acc[i].n + 1})
			i, j = i+1, j+1
		}
	}
	return merged
}

// bestSorted is termIndex.best without a map: the IDs holding the most
// query terms (at least one), ascending, and how many they hold. One
// matching term returns its postings as they are (not to be modified).
func (t termIndex) bestSorted(q []string) (ids []int32, matched int) {
	var hit []string
	for _, w := range q {
		if len(t[w]) > 0 {
			hit = append(hit, w)
		}
	}
	if len(hit) == 1 {
		return t[hit[0]], 1
	}
	return mostCounted(t.countSorted(hit))
}

// mostCounted returns the IDs of acc with the highest count, in acc's
// order, and that count.
func mostCounted(acc []counted) (ids []int32, matched int) {
	most := int32(0)
	for _, c := range acc {
		most = max(most, c.n)
	}
	for _, c := range acc {
		if c.n == most {
			ids = append(ids, c.id)
		}
	}
	return ids, int(most)
}

// holds counts the query terms whose postings hold id.
func (t termIndex) holds(q []string, id int) int {
	n := 0
	for _, w := range q {
		if _, ok := slices.BinarySearch(t[w], int32(id)); ok {
			n++
		}
	}
	return n
}
