package bot

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/summarize"
)

// mergeByScan is merge as it was before records kept a revIndex: every
// state of the report compared with every revision of the record. It is
// the reference TestMergeManyReports holds merge to.
func (dr *deadlineRef) mergeByScan(in deadlineRef) {
	for _, y := range in.revs {
		k := slices.IndexFunc(dr.revs, func(x revisionRef) bool { return sameState(x.r, y.r) })
		if k < 0 {
			dr.revs = append(dr.revs, y)
			continue
		}
		x := &dr.revs[k]
		if !slices.Contains(x.also, y.art) && x.art != y.art {
			x.also = append(x.also, y.art)
		}
		if !y.r.Due.IsZero() && (x.r.Due.IsZero() || rank(y.r.Precision) < rank(x.r.Precision)) {
			x.r.Due, x.r.Precision = y.r.Due, y.r.Precision
		}
		if !y.r.SetOn.IsZero() && (x.r.SetOn.IsZero() || x.r.Approx && !y.r.Approx ||
			rank(y.r.SetOnPrecision) < rank(x.r.SetOnPrecision)) {
			x.r.SetOn, x.r.SetOnPrecision, x.r.Approx, x.key = y.r.SetOn, y.r.SetOnPrecision, y.r.Approx, y.key
		}
	}
	if !slices.Contains(dr.arts, in.art) {
		dr.arts = append(dr.arts, in.art)
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
}

// sharedStateByScan is sharedState comparing every pair of states.
func sharedStateByScan(a, b *deadlineRef) bool {
	for _, x := range a.revs {
		for _, y := range b.revs {
			if sameState(x.r, y.r) {
				return true
			}
		}
	}
	return false
}

// randomReport makes a report of article art with one to three states
// drawn from a small pool, so that reports restate, refine (finer due
// dates, stated dates for approximate ones) and add states.
func randomReport(rng *rand.Rand, ix *Index, art int) deadlineRef {
	precs := []summarize.Precision{summarize.Day, summarize.Week, summarize.Month, summarize.Year, ""}
	base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	in := deadlineRef{art: art, arts: []int{art}, deadlineMerge: &deadlineMerge{words: []uint32{uint32(1 + rng.IntN(50))}}}
	if rng.IntN(3) > 0 {
		in.setBy, in.setKey = "Jane Doe", "jane doe"
	}
	if rng.IntN(2) == 0 {
		in.demand, in.evidence = fmt.Sprint("demand ", art), fmt.Sprint("evidence ", art)
	}
	pub := ix.arts[art].Published
	var prev time.Time
	for range 1 + rng.IntN(3) {
		var r summarize.Revision
		switch rng.IntN(4) {
		case 0:
			r.LengthDays = 1 + rng.IntN(40)
		case 1:
			r.LengthDays = 1 + rng.IntN(40)
			r.Due = base.AddDate(0, 0, rng.IntN(900))
			r.Precision = precs[rng.IntN(len(precs))]
		case 2:
			r.Due = base.AddDate(0, 0, rng.IntN(900))
			r.Precision = precs[rng.IntN(len(precs))]
		}
		if rng.IntN(2) == 0 {
			r.SetOn, r.SetOnPrecision = base.AddDate(0, 0, rng.IntN(900)), precs[rng.IntN(len(precs))]
			r.Approx = rng.IntN(3) == 0
		}
		key := cmp.Or(r.SetOn, pub)
		if key.Before(prev) {
			key = prev
		}
		prev = key
		in.revs = append(in.revs, revisionRef{art: art, r: r, key: key})
	}
	in.first, in.last = ix.span(&in)
	return in
}

// TestMergeManyReports merges thousands of reports into one record, as a
// much-reported deadline gathers them, through merge (which indexes the
// record once it grows) and through mergeByScan with span recomputed. The
// records, their spans, the keys the finder files them under and what
// sharedState finds in them must agree after every merge.
func TestMergeManyReports(t *testing.T) {
	for _, seed := range []uint64{1, 2} {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(seed, 7))
			const n = 2000
			ix := &Index{}
			for i := range n {
				ix.arts = append(ix.arts, corpus.Article{Published: time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i/8)})
			}
			got := randomReport(rng, ix, 0)
			want := got
			want.deadlineMerge = got.cloneMerge() // its own, not got's
			want.revs, want.arts, want.words = slices.Clone(got.revs), slices.Clone(got.arts), slices.Clone(got.words)
			fGot, fWant := newDeadlineFinder(), newDeadlineFinder()
			fGot.file(0, &got, nil)
			fWant.file(0, &want, nil)
			indexed := false
			for art := 1; art < n; art++ {
				if rng.IntN(10) == 0 {
					art-- // a second report from one article
				}
				in := randomReport(rng, ix, art)
				if g, w := sharedState(&got, &in), sharedStateByScan(&want, &in); g != w {
					t.Fatalf("article %d: sharedState %v, by scan %v", art, g, w)
				}
				if g, w := got.hasArt(in.art), slices.Contains(want.arts, in.art); g != w {
					t.Fatalf("article %d: hasArt %v, by scan %v", art, g, w)
				}
				if ch := got.merge(in); ch.lost {
					got.first, got.last = ix.span(&got)
				} else {
					got.first, got.last = widen(got.first, got.last, append(ch.gained, ix.arts[in.art].Published)...)
				}
				want.mergeByScan(in)
				want.first, want.last = ix.span(&want)
				fGot.file(0, &got, &in)
				fWant.file(0, &want, &in)
				indexed = indexed || got.idx != nil
				if !got.first.Equal(want.first) || !got.last.Equal(want.last) {
					t.Fatalf("after article %d: span %v..%v, want %v..%v", art, got.first, got.last, want.first, want.last)
				}
				if art%29 != 0 {
					continue // comparing whole records at every merge would make the test quadratic
				}
				if err := sameRecord(got, want); err != nil {
					t.Fatalf("after article %d: %v", art, err)
				}
				if g, w := got.allStates(), fileKeys(want.revs); !slices.Equal(g, w) {
					t.Fatalf("after article %d: states %v, want %v", art, g, w)
				}
				if art%97 == 0 && !reflect.DeepEqual(fGot.postings(), fWant.postings()) {
					t.Fatalf("after article %d: the finder files the indexed record otherwise", art)
				}
			}
			if err := sameRecord(got, want); err != nil {
				t.Fatalf("at the end: %v", err)
			}
			if !indexed || len(got.revs) < 100 {
				t.Fatalf("indexed %v, %d revisions: the case does not test a large record", indexed, len(got.revs))
			}
			if !reflect.DeepEqual(fGot.postings(), fWant.postings()) {
				t.Fatal("the finder files the indexed record otherwise")
			}
		})
	}
}

// postings returns every term and epoch f files records under, with the
// records.
func (f *deadlineFinder) postings() map[term]map[int64][]int32 {
	out := map[term]map[int64][]int32{}
	for t, x := range f.terms {
		out[t] = map[int64][]int32{}
		for _, l := range f.lists[x] {
			out[t][l.epoch] = l.ids
		}
	}
	return out
}

// sameRecord reports how two records differ, ignoring the revIndex.
func sameRecord(got, want deadlineRef) error {
	if !got.first.Equal(want.first) || !got.last.Equal(want.last) {
		return fmt.Errorf("span %v..%v, want %v..%v", got.first, got.last, want.first, want.last)
	}
	got.deadlineMerge, want.deadlineMerge = got.cloneMerge(), want.cloneMerge() // the callers' stay as they are
	got.idx, want.idx = nil, nil
	got.first, got.last, want.first, want.last = time.Time{}, time.Time{}, time.Time{}, time.Time{}
	if !reflect.DeepEqual(got, want) {
		for k := range min(len(got.revs), len(want.revs)) {
			if !reflect.DeepEqual(got.revs[k], want.revs[k]) {
				return fmt.Errorf("revision %d: %+v, want %+v", k, got.revs[k], want.revs[k])
			}
		}
		return fmt.Errorf("records differ: %d revisions, %d articles; want %d, %d", len(got.revs), len(got.arts), len(want.revs), len(want.arts))
	}
	return nil
}

// BenchmarkMergeManyReports merges n random reports into one record, with
// merge and span kept incrementally ("indexed") and as before ("scan"),
// and reports the cost per merge: flat with the record's size, or growing.
func BenchmarkMergeManyReports(b *testing.B) {
	for _, n := range []int{1000, 4000} {
		rng := rand.New(rand.NewPCG(1, 7))
		ix := &Index{}
		for i := range n {
			ix.arts = append(ix.arts, corpus.Article{Published: time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i/8)})
		}
		reports := make([]deadlineRef, n)
		for i := range reports {
			reports[i] = randomReport(rng, ix, i)
		}
		for _, mode := range []string{"indexed", "scan"} {
			b.Run(fmt.Sprintf("%s/%d", mode, n), func(b *testing.B) {
				for b.Loop() {
					dr := reports[0]
					dr.deadlineMerge = dr.cloneMerge() // not reports[0]'s
					dr.revs, dr.arts, dr.words = slices.Clone(dr.revs), slices.Clone(dr.arts), nil
					for _, in := range reports[1:] {
						if mode == "scan" {
							dr.mergeByScan(in)
							dr.first, dr.last = ix.span(&dr)
						} else if ch := dr.merge(in); ch.lost {
							dr.first, dr.last = ix.span(&dr)
						} else {
							dr.first, dr.last = widen(dr.first, dr.last, append(ch.gained, ix.arts[in.art].Published)...)
						}
					}
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*(n-1)), "ns/merge")
			})
		}
	}
}

// cloneMerge returns a copy of what dr keeps while merging, for a copy of
// dr that merges on its own (the lists are still shared: clone those
// that change).
func (dr *deadlineRef) cloneMerge() *deadlineMerge {
	m := *dr.deadlineMerge
	return &m
}
