package bot

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/briefbot/briefbot/summarize"
)

// TestStateKeysMeetWhenStatesAgree checks stateKeys' contract over a grid
// of revisions (lengths, due dates across a year's end in several time
// zones, every precision): whenever sameState holds for two revisions,
// their keys share one, so deadlineFinder never misses a shared state.
func TestStateKeysMeetWhenStatesAgree(t *testing.T) {
	zones := []*time.Location{time.UTC, time.FixedZone("east", 14*3600), time.FixedZone("west", -12*3600)}
	precisions := []summarize.Precision{summarize.Day, summarize.Week, summarize.Month, summarize.Year, ""}
	var revs []summarize.Revision
	for _, days := range []int{-3, 0, 30} {
		revs = append(revs, summarize.Revision{LengthDays: days})
		for _, d := range []time.Time{
			time.Date(2023, 12, 29, 23, 30, 0, 0, time.UTC),
			time.Date(2023, 12, 31, 20, 0, 0, 0, time.UTC),
			time.Date(2024, 1, 1, 1, 0, 0, 0, time.UTC),
			time.Date(2024, 6, 15, 12, 0, 0, 0, time.UTC),
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
			kx, ky := stateKeys([]revisionRef{{r: x}}), stateKeys([]revisionRef{{r: y}})
			if !slices.ContainsFunc(kx, func(k string) bool { return slices.Contains(ky, k) }) {
				t.Errorf("%s and %s agree but share no key: %v, %v", describeRev(x), describeRev(y), kx, ky)
			}
		}
	}
	if agree < 2*len(revs) {
		t.Fatalf("only %d agreeing pairs among %d revisions: the grid tests little", agree, len(revs))
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
	rec := func(words string, due time.Time) deadlineRef {
		dr := deadlineRef{setKey: "jane doe", words: map[string]bool{}, first: day, last: day}
		for _, w := range terms(words) {
			dr.words[w] = true
		}
		dr.revs = []revisionRef{{r: summarize.Revision{Due: due, Precision: summarize.Day}}}
		return dr
	}
	f := newDeadlineFinder()
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
			if got := f.candidates(&tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("candidates = %v, want %v", got, tt.want)
			}
		})
	}
}
