package bot

import (
	"math"
	"slices"
	"time"
)

// deadlineFinder finds, for a new report, the deadline records it might
// be a report of, without comparing it with every record: sameDeadline
// holds only for records near in time (near) that share the setter and a
// content word or a state, or, without a setter, a content word and a
// state, so records are filed under such pairs (see termsOf) and
// epochs, and a report looks up only its own keys. The candidates are a superset of the
// records sameDeadline accepts, so the first match in record order is the
// one a scan of every record would find.
//
// Epochs are mergeWindow days long. A record is filed under every epoch
// its span widened by mergeWindow on each side touches, a report looks in
// the epochs of its own span: two spans within mergeWindow days of each
// other thus always meet in an epoch. Undated records share one epoch.
type deadlineFinder struct {
	posts map[finderKey][]int // key → record IDs, ascending
	filed []filing            // per record: what it is filed under
	seen  []int               // record → the report it was last collected for, +1
	n     int                 // reports looked up so far
}

type finderKey struct {
	term
	epoch int64
}

// filing is what a record is filed under: terms × [first, last] epochs,
// and the setter key its terms were made with.
type filing struct {
	terms       map[term]bool
	setKey      string
	first, last int64
}

// Epoch keys besides real epochs: undated records, and records whose span
// covers more than maxEpochs epochs (a due date decades out), which every
// report looks at.
const (
	undatedEpoch = math.MinInt64
	wideEpoch    = math.MaxInt64
	maxEpochs    = 100
)

func newDeadlineFinder() *deadlineFinder {
	return &deadlineFinder{posts: map[finderKey][]int{}}
}

// epochs returns the epochs a span touches, widened by pad days each side.
func epochs(first, last time.Time, pad int) (int64, int64) {
	if first.IsZero() {
		return undatedEpoch, undatedEpoch
	}
	day := func(t time.Time) int64 { return t.Unix() / 86400 }
	return floorDiv(day(first)-int64(pad), mergeWindow), floorDiv(day(last)+int64(pad), mergeWindow)
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// file (re)files record id under its current terms and span; it adds only
// the keys it was not filed under before. in, when not nil, is the report
// just merged into the record: unless that changed the record's setter or
// widened its epochs, only in's words and the states the merge gave the
// record can bring new terms, so the words and states the record had
// before are not looked at again (a record many reports join would
// otherwise cost its size at every join).
//
// Every term in a filing's set is filed under every epoch of its range.
func (f *deadlineFinder) file(id int, dr *deadlineRef, in *deadlineRef) {
	for len(f.filed) <= id {
		f.filed = append(f.filed, filing{first: 1, last: 0})
		f.seen = append(f.seen, 0)
	}
	old := &f.filed[id]
	e0, e1 := epochs(dr.first, dr.last, mergeWindow)
	if e1-e0 > maxEpochs {
		e0, e1 = wideEpoch, wideEpoch
	}
	var terms []term
	prev, next := old.terms, old.terms
	within := old.first <= old.last && e0 >= old.first && e1 <= old.last
	if in != nil && within && old.setKey == dr.setKey {
		terms = termsOf(dr.setKey, in.words, dr.newStates())
	} else {
		terms = termsOf(dr.setKey, dr.words, dr.allStates())
		next = make(map[term]bool, len(terms))
	}
	add := func(t term, e int64) {
		k := finderKey{t, e}
		if ids := f.posts[k]; len(ids) == 0 || ids[len(ids)-1] != id {
			f.posts[k] = append(ids, id)
		}
	}
	for _, t := range terms {
		known := prev[t]
		for e := e0; e <= e1; e++ {
			if !known || e < old.first || e > old.last {
				add(t, e)
			}
			if e == undatedEpoch || e == wideEpoch {
				break
			}
		}
		next[t] = true
	}
	old.terms, old.setKey = next, dr.setKey
	if old.first > old.last || e1 < old.first || e0 > old.last { // first filing, or no overlap
		old.first, old.last = e0, e1
	} else {
		old.first, old.last = min(e0, old.first), max(e1, old.last)
	}
}

// candidates returns, ascending, the records report b may be a report of;
// all records when b's own span is too wide to look up epoch by epoch.
func (f *deadlineFinder) candidates(b *deadlineRef) []int {
	f.n++
	e0, e1 := epochs(b.first, b.last, 0)
	if e1-e0 > maxEpochs {
		out := make([]int, len(f.filed))
		for i := range out {
			out[i] = i
		}
		return out
	}
	var out []int
	collect := func(k finderKey) {
		for _, id := range f.posts[k] {
			if f.seen[id] != f.n {
				f.seen[id] = f.n
				out = append(out, id)
			}
		}
	}
	for _, t := range reportTerms(b) {
		collect(finderKey{t, wideEpoch})
		if e0 == undatedEpoch {
			collect(finderKey{t, undatedEpoch})
			continue
		}
		for e := e0; e <= e1; e++ {
			collect(finderKey{t, e})
		}
	}
	slices.Sort(out)
	return out
}
