package bot

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/briefbot/briefbot/summarize"
)

// TestStateKeysMeetWhenStatesAgree checks the state keys' contract over a
// grid of revisions (lengths, due dates across a year's end and around a
// week's in several time zones and at midnight, every precision):
// whenever sameState(x, y) holds, the file keys of x and the look keys of
// y share one, so deadlineFinder and findState never miss a shared state.
func TestStateKeysMeetWhenStatesAgree(t *testing.T) {
	zones := []*time.Location{time.UTC, time.FixedZone("east", 14*3600), time.FixedZone("west", -12*3600)}
	precisions := []summarize.Precision{summarize.Day, summarize.Week, summarize.Month, summarize.Year, "", "decade"}
	var revs []summarize.Revision
	for _, days := range []int{-3, 0, 30} {
		revs = append(revs, summarize.Revision{LengthDays: days})
		for _, d := range []time.Time{
			time.Date(2023, 12, 29, 23, 30, 0, 0, time.UTC),
			time.Date(2023, 12, 31, 20, 0, 0, 0, time.UTC),
			time.Date(2024, 1, 1, 1, 0, 0, 0, time.UTC),
			time.Date(2024, 6, 15, 12, 0, 0, 0, time.UTC),
			time.Date(2024, 6, 16, 0, 0, 0, 0, time.UTC),
			time.Date(2024, 6, 17, 0, 0, 0, 0, time.UTC),
		} {
			for _, z := range zones {
				for _, p := range precisions {
					revs = append(revs, summarize.Revision{LengthDays: days, Due: d.In(z), Precision: p})
				}
			}
		}
	}
	agree := 0
	for _, x := range revs {
		for _, y := range revs {
			if !sameState(x, y) {
				continue
			}
			agree++
			kx, ky := fileKeys([]revisionRef{{r: x}}), appendLookKeys(nil, y)
			if !slices.ContainsFunc(kx, func(k uint64) bool { return slices.Contains(ky, k) }) {
				t.Errorf("%s and %s agree but share no key: %v, %v", describeRev(x), describeRev(y), kx, ky)
			}
		}
	}
	if agree < 2*len(revs) {
		t.Fatalf("only %d agreeing pairs among %d revisions: the grid tests little", agree, len(revs))
	}
}

// TestStateKeysAreFine checks that the state keys tell apart states that
// cannot agree, so that a report looks at few records: due dates on other
// days, or outside a coarser due date's period, and other lengths.
func TestStateKeysAreFine(t *testing.T) {
	on := func(length int, due string, p summarize.Precision) summarize.Revision {
		return rev(length, due, p, "")
	}
	tests := []struct {
		name  string
		x, y  summarize.Revision
		share bool
	}{
		{"same day", on(0, "2024-03-05", summarize.Day), on(0, "2024-03-05", summarize.Day), true},
		{"next day", on(0, "2024-03-05", summarize.Day), on(0, "2024-03-06", summarize.Day), false},
		{"day in the week", on(0, "2024-03-06", summarize.Day), on(0, "2024-03-04", summarize.Week), true},
		{"day after the week", on(0, "2024-03-11", summarize.Day), on(0, "2024-03-04", summarize.Week), false},
		{"day in the month", on(0, "2024-03-31", summarize.Day), on(0, "2024-03-01", summarize.Month), true},
		{"month in the year", on(0, "2024-11-01", summarize.Month), on(0, "2024-01-01", summarize.Year), true},
		{"month of another year", on(0, "2025-01-01", summarize.Month), on(0, "2024-01-01", summarize.Year), false},
		{"same length", on(10, "", ""), on(10, "2024-03-05", summarize.Day), true},
		{"other length", on(10, "", ""), on(11, "", ""), false},
		{"same length, other day", on(10, "2024-03-05", summarize.Day), on(10, "2024-03-06", summarize.Day), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if sameState(tt.x, tt.y) != tt.share {
				t.Fatalf("sameState = %v: the case is wrong", !tt.share)
			}
			for _, c := range [][2]summarize.Revision{{tt.x, tt.y}, {tt.y, tt.x}} {
				kx, ky := fileKeys([]revisionRef{{r: c[0]}}), appendLookKeys(nil, c[1])
				if got := slices.ContainsFunc(kx, func(k uint64) bool { return slices.Contains(ky, k) }); got != tt.share {
					t.Errorf("%s filed, %s looked up: share a key %v, want %v", describeRev(c[0]), describeRev(c[1]), got, tt.share)
				}
			}
		})
	}
}

func describeRev(r summarize.Revision) string {
	return fmt.Sprintf("{%d days, due %s %q}", r.LengthDays, r.Due.Format(time.RFC3339), r.Precision)
}

// TestFinderFindsSameSetterByState checks that a report of the same
// setter sharing only a state with a record (no content word) is a
// candidate, and one sharing neither is not.
func TestFinderFindsSameSetterByState(t *testing.T) {
	day := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	f := newDeadlineFinder()
	rec := func(words string, due time.Time) deadlineRef {
		dr := deadlineRef{setKey: "jane doe", deadlineMerge: &deadlineMerge{first: day, last: day}}
		for _, w := range terms(words) {
			dr.words = union(dr.words, []uint32{f.syms.id(w)})
		}
		dr.revs = []revisionRef{{r: summarize.Revision{Due: due, Precision: summarize.Day}}}
		return dr
	}
	old := rec("tariffs steel", day.AddDate(0, 0, 10))
	f.file(0, &old, nil)
	tests := []struct {
		name string
		in   deadlineRef
		want []int
	}{
		{"shared state", rec("ceasefire", day.AddDate(0, 0, 10)), []int{0}},
		{"shared word", rec("steel", day.AddDate(1, 0, 0)), []int{0}},
		{"neither", rec("ceasefire", day.AddDate(2, 0, 0)), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := slices.Collect(f.candidates(&tt.in)); !slices.Equal(got, tt.want) {
				t.Errorf("candidates = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestRevState checks that a finished record's state gives back its
// revision but for the evidence and sentence, which it does not keep.
func TestRevState(t *testing.T) {
	on := time.Date(2025, 7, 14, 10, 0, 0, 0, time.FixedZone("X", 3600))
	r := summarize.Revision{LengthDays: 50, Due: on.AddDate(0, 0, 50), Precision: summarize.Week, SetOn: on, SetOnPrecision: summarize.Month, Approx: true, Evidence: "gave 50 days", Sentence: 3}
	odd := r
	odd.Precision, odd.SetOnPrecision = "fortnight", ""
	revs := []revisionRef{{art: 7, r: r, key: on, also: []int{1}}, {art: 8, r: odd}}
	dr := deadlineRef{deadlineMerge: &deadlineMerge{revs: revs}}
	dr.finish()
	for k, rv := range revs {
		want := rv.r
		want.Evidence, want.Sentence = "", 0
		if got := dr.rev(k); got != want || dr.states[k].art != rv.art {
			t.Errorf("state %d of article %d: %+v, want %+v", k, dr.states[k].art, got, want)
		}
	}
	if len(dr.odd) != 1 || dr.deadlineMerge != nil {
		t.Errorf("%d states with an odd precision, want 1; merging kept: %v", len(dr.odd), dr.deadlineMerge != nil)
	}
}
