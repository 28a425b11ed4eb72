package bot

import (
	"slices"
	"time"
)

// revIndex is what a record that many reports join keeps while the index
// merges, so that a merge costs the size of the report, not of the record:
// its revisions by file key (a state is looked up among the revisions
// filed under one of its look keys, not compared with all of them; see
// appendFileKeys), how many revisions hold each file key now (the keys the
// finder files the record under), its articles and long "also" lists as
// sets.
//
// Contract: while a record has an index, its revs and arts change only
// through merge, and revisions are only appended, so their positions hold.
// indexDeadlines drops the index once merging is done (it sorts revs).
type revIndex struct {
	byKey  map[uint64][]int     // file key → positions in revs that held it, ascending; may keep stale ones
	count  map[uint64]int       // file key → how many revisions hold it now; no zero entries
	gained []uint64             // keys whose count rose from zero during the current merge
	arts   map[int]bool         // the record's articles
	also   map[int]map[int]bool // revision position → its also list as a set, for long lists
}

// indexFrom is the number of revisions or articles from which a record
// keeps a revIndex; smaller records are cheaper to scan.
const indexFrom = 8

// newRevIndex indexes dr as it stands.
func newRevIndex(dr *deadlineRef) *revIndex {
	x := &revIndex{byKey: map[uint64][]int{}, count: map[uint64]int{}, arts: make(map[int]bool, len(dr.arts)), also: map[int]map[int]bool{}}
	for _, a := range dr.arts {
		x.arts[a] = true
	}
	for k, rv := range dr.revs {
		x.add(k, rv)
	}
	x.gained = x.gained[:0]
	return x
}

// add indexes the revision at position k, holding keys it may not hold yet.
func (x *revIndex) add(k int, rv revisionRef) {
	var keys [8]uint64
	for _, key := range appendFileKeys(keys[:0], rv.r) {
		x.hold(k, key)
	}
}

// hold records that the revision at position k holds key.
func (x *revIndex) hold(k int, key uint64) {
	if x.count[key] == 0 {
		x.gained = append(x.gained, key)
	}
	x.count[key]++
	ks := x.byKey[key]
	if i, found := slices.BinarySearch(ks, k); !found {
		x.byKey[key] = slices.Insert(ks, i, k)
	}
}

// rekey moves the revision at position k from the keys of before to those
// of after (its due date changed).
func (x *revIndex) rekey(k int, before, after revisionRef) {
	var keys [8]uint64
	for _, key := range appendFileKeys(keys[:0], before.r) {
		if x.count[key]--; x.count[key] <= 0 {
			delete(x.count, key)
		}
	}
	x.add(k, after)
}

// findState returns the first position in dr.revs of a revision stating
// the same as y (sameState(x, y), x from dr), -1 when none does.
func (dr *deadlineRef) findState(y revisionRef) int {
	x := dr.idx
	if x == nil {
		return slices.IndexFunc(dr.revs, func(rv revisionRef) bool { return sameState(rv.r, y.r) })
	}
	best := -1
	// A revision stating what y states is filed under one of y's look keys
	// (see appendFileKeys), so every match is in some list of them.
	var keys [8]uint64
	for _, key := range appendLookKeys(keys[:0], y.r) {
		for _, k := range x.byKey[key] {
			if best >= 0 && k >= best {
				break
			}
			if sameState(dr.revs[k].r, y.r) {
				best = k
				break
			}
		}
	}
	return best
}

// hasArt reports whether article a reports dr.
func (dr *deadlineRef) hasArt(a int) bool {
	if dr.idx != nil {
		return dr.idx.arts[a]
	}
	return slices.Contains(dr.arts, a)
}

// hasAlso reports whether article a is in the also list of the revision at
// position k.
func (dr *deadlineRef) hasAlso(k, a int) bool {
	also := dr.revs[k].also
	if dr.idx == nil || len(also) < indexFrom {
		return slices.Contains(also, a)
	}
	set := dr.idx.also[k]
	if set == nil {
		set = make(map[int]bool, len(also))
		for _, b := range also {
			set[b] = true
		}
		dr.idx.also[k] = set
	}
	return set[a]
}

// addAlso appends article a to the also list of the revision at position k.
func (dr *deadlineRef) addAlso(k, a int) {
	dr.revs[k].also = append(dr.revs[k].also, a)
	if dr.idx != nil {
		if set := dr.idx.also[k]; set != nil {
			set[a] = true
		}
	}
}

// allStates returns the file keys of dr's revisions, fileKeys(dr.revs).
func (dr *deadlineRef) allStates() []uint64 {
	if dr.idx == nil {
		return fileKeys(dr.revs)
	}
	out := make([]uint64, 0, len(dr.idx.count))
	for key := range dr.idx.count {
		out = append(out, key)
	}
	slices.Sort(out)
	return out
}

// newStates returns file keys of dr's revisions that include every key
// the last merge gave it which it did not hold before; all of them for a
// record without an index.
func (dr *deadlineRef) newStates() []uint64 {
	if dr.idx == nil {
		return fileKeys(dr.revs)
	}
	var out []uint64
	for _, key := range dr.idx.gained {
		if dr.idx.count[key] > 0 {
			out = append(out, key)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// spanChange is what a merge did to the dates a record names (see span):
// the dates it gained, and whether it dropped one at an end of its span.
type spanChange struct {
	gained []time.Time
	lost   bool
}

// drop notes that dr no longer names t at one place.
func (c *spanChange) drop(dr *deadlineRef, t time.Time) {
	if !t.IsZero() && (!t.After(dr.first) || !t.Before(dr.last)) {
		c.lost = true
	}
}

// widen returns the span first..last widened to take in ts; zero times
// name nothing.
func widen(first, last time.Time, ts ...time.Time) (time.Time, time.Time) {
	for _, t := range ts {
		if t.IsZero() {
			continue
		}
		if first.IsZero() || t.Before(first) {
			first = t
		}
		if last.IsZero() || t.After(last) {
			last = t
		}
	}
	return first, last
}
