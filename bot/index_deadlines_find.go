package bot

import (
	"cmp"
	"iter"
	"math"
	"slices"
	"time"
)

// deadlineFinder finds, for a new report, the deadline records it might
// be a report of, without comparing it with every record: sameDeadline
// holds only for records near in time (near) that share the setter and a
// content word or a state, or, without a setter, a content word and a
// state, so records are filed under their setter paired with each word,
// and under each state (see termsOf), by epoch, and a report looks up only
// its own keys, passing over records of another setter and records its
// own article already reported. The candidates are a superset of the
// records sameDeadline accepts, in record order, so the first match among
// them is the one a scan of every record would find.
//
// Epochs are mergeWindow days long. A record is filed under every epoch
// its span widened by mergeWindow on each side touches, a report looks in
// the epochs of its own span: two spans within mergeWindow days of each
// other thus always meet in an epoch. Undated records share one epoch.
//
// Each key's record IDs are kept ascending, so the candidates come from
// merging the lists of a report's keys, and the merge stops at the first
// record that matches: a report costs the records before its match, not
// every record under its keys (which, under a setter's common word, grow
// with the corpus). A term's lists are kept together, by epoch, so that
// filing a term under its epochs, or looking them up, finds the term once.
type deadlineFinder struct {
	terms map[term]int32 // term → its lists, in lists
	lists [][]epochIDs   // per term: its records by epoch, epochs ascending
	filed []filing       // per record: what it is filed under
	syms  symbols        // setter keys and content words
	heap  [][]int32      // candidates' merge, reused
}

// epochIDs is the records filed under one term and epoch: their IDs,
// ascending, each once.
type epochIDs struct {
	epoch int64
	ids   []int32
}

// filing is what a record is filed under: terms × [first, last] epochs,
// and the setter (a symbol) its terms were made with; and lastArt, the
// article of its latest report (a report from that article cannot join
// it).
type filing struct {
	terms       map[term]struct{}
	setter      uint32
	first, last int64
	lastArt     int
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
	return &deadlineFinder{terms: map[term]int32{}, syms: symbols{}}
}

// epochs returns the epochs a span touches, widened by pad days each side.
func epochs(first, last time.Time, pad int) (int64, int64) {
	if first.IsZero() {
		return undatedEpoch, undatedEpoch
	}
	day := func(t time.Time) int64 { return t.Unix() / secondsPerDay }
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
	}
	old := &f.filed[id]
	old.lastArt = -1
	if len(dr.arts) > 0 {
		old.lastArt = dr.arts[len(dr.arts)-1]
	}
	setter := f.syms.id(dr.setKey)
	e0, e1 := epochs(dr.first, dr.last, mergeWindow)
	if e1-e0 > maxEpochs {
		e0, e1 = wideEpoch, wideEpoch
	}
	var terms []term
	prev, next := old.terms, old.terms
	within := old.first <= old.last && e0 >= old.first && e1 <= old.last
	if in != nil && within && old.setter == setter {
		terms = termsOf(setter, in.words, dr.newStates())
	} else {
		terms = termsOf(setter, dr.words, dr.allStates())
		next = make(map[term]struct{}, len(terms))
	}
	for _, t := range terms {
		_, known := prev[t]
		f.add(t, e0, e1, id, known, old.first, old.last)
		next[t] = struct{}{}
	}
	old.terms, old.setter = next, setter
	if old.first > old.last || e1 < old.first || e0 > old.last { // first filing, or no overlap
		old.first, old.last = e0, e1
	} else {
		old.first, old.last = min(e0, old.first), max(e1, old.last)
	}
}

// add files record id under term t and epochs e0 to e1 (one epoch for
// the undated and the wide one), keeping each list ascending; with known,
// not under the epochs from old0 to old1, where it is filed already.
func (f *deadlineFinder) add(t term, e0, e1 int64, id int, known bool, old0, old1 int64) {
	if e0 == undatedEpoch || e0 == wideEpoch {
		e1 = e0
	}
	x, ok := f.terms[t]
	if !ok {
		x = int32(len(f.lists))
		f.terms[t] = x
		f.lists = append(f.lists, nil)
	}
	el := f.lists[x]
	i, _ := slices.BinarySearchFunc(el, e0, func(l epochIDs, e int64) int { return cmp.Compare(l.epoch, e) })
	for e := e0; ; e++ {
		if !known || e < old0 || e > old1 {
			for i < len(el) && el[i].epoch < e {
				i++
			}
			if i == len(el) || el[i].epoch != e {
				el = slices.Insert(el, i, epochIDs{epoch: e})
			}
			el[i].ids = insertID(el[i].ids, int32(id))
		}
		if e == e1 {
			break
		}
	}
	f.lists[x] = el
}

// insertID adds id to the ascending list ids, once.
func insertID(ids []int32, id int32) []int32 {
	if n := len(ids); n == 0 || ids[n-1] < id {
		return append(ids, id)
	}
	if i, found := slices.BinarySearch(ids, id); !found {
		return slices.Insert(ids, i, id)
	}
	return ids
}

// candidates returns, ascending, the records report b may be a report of;
// all records when b's own span is too wide to look up epoch by epoch.
// It leaves out records that cannot be (sameDeadline): those set by
// another setter than b's, and those whose latest report is from b's
// article. The finder must not change while the sequence is iterated.
func (f *deadlineFinder) candidates(b *deadlineRef) iter.Seq[int] {
	return func(yield func(int) bool) {
		setter := f.syms.id(b.setKey)
		skip := func(id int) bool {
			fl := &f.filed[id]
			return fl.lastArt == b.art || setter != 0 && fl.setter != 0 && fl.setter != setter
		}
		e0, e1 := epochs(b.first, b.last, 0)
		if e1-e0 > maxEpochs {
			for id := range f.filed {
				if !skip(id) && !yield(id) {
					return
				}
			}
			return
		}
		h := f.heap[:0]
		for _, t := range reportTerms(setter, b) {
			x, ok := f.terms[t]
			if !ok {
				continue
			}
			el := f.lists[x]
			if n := len(el); n > 0 && el[n-1].epoch == wideEpoch {
				h = append(h, el[n-1].ids)
			}
			i, _ := slices.BinarySearchFunc(el, e0, func(l epochIDs, e int64) int { return cmp.Compare(l.epoch, e) })
			for ; i < len(el) && el[i].epoch <= e1 && el[i].epoch != wideEpoch; i++ {
				h = append(h, el[i].ids)
			}
		}
		defer func() { f.heap = h[:0] }()
		for i := len(h)/2 - 1; i >= 0; i-- {
			down(h, i)
		}
		last := int32(-1)
		for len(h) > 0 {
			id := h[0][0]
			if h[0] = h[0][1:]; len(h[0]) == 0 {
				h[0] = h[len(h)-1]
				h = h[:len(h)-1]
			}
			down(h, 0)
			if id == last {
				continue
			}
			last = id
			if !skip(int(id)) && !yield(int(id)) {
				return
			}
		}
	}
}

// down restores the heap order of lists by their first ID below node i.
func down(h [][]int32, i int) {
	for {
		l := 2*i + 1
		if l >= len(h) {
			return
		}
		if r := l + 1; r < len(h) && h[r][0] < h[l][0] {
			l = r
		}
		if h[i][0] <= h[l][0] {
			return
		}
		h[i], h[l] = h[l], h[i]
		i = l
	}
}
