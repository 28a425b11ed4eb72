package bot

import (
	"fmt"
	"slices"
	"testing"

	"github.com/briefbot/briefbot/internal/corpusgen"
	"github.com/briefbot/briefbot/summarize"
)

// TestDeadlineFinderMatchesScan merges the deadlines of a generated corpus
// twice: through deadlineFinder's candidates, and by comparing each report
// with every record as the index first did. The records must be the same.
func TestDeadlineFinderMatchesScan(t *testing.T) {
	g := corpusgen.New(corpusgen.Config{N: 300, Seed: 9, Days: 200})
	arts := g.Articles()
	ans := make([]*summarize.Analysis, len(arts))
	for i := range arts {
		ans[i] = summarize.Analyze(arts[i])
	}
	ix, err := NewIndex(arts, ans, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := describeDeadlines(ix.deadlines)

	scan := *ix
	scan.deadlines = nil
	order := slices.Clone(ix.byDate)
	slices.Reverse(order)
	for _, i := range order {
		for _, d := range ix.ans[i].Deadlines {
			in := scan.report(i, d)
			merged := false
			for k := range scan.deadlines {
				if dr := &scan.deadlines[k]; scan.sameDeadline(dr, &in) {
					dr.merge(in)
					dr.first, dr.last = scan.span(dr)
					merged = true
					break
				}
			}
			if !merged {
				scan.deadlines = append(scan.deadlines, in)
			}
		}
	}
	want := describeDeadlines(scan.deadlines)
	if len(want) < 100 {
		t.Fatalf("only %d deadline records: the corpus does not test merging", len(want))
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("finder: %d records, scan: %d records; first difference at %v", len(got), len(want), firstDiff(got, want))
	}
}

func describeDeadlines(ds []deadlineRef) []string {
	var out []string
	for _, d := range ds {
		out = append(out, fmt.Sprintf("%s|%s|%v|%d", d.setKey, d.targetKey, d.arts, len(d.revs)))
	}
	return out
}

func firstDiff(a, b []string) string {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return a[i] + " vs " + b[i]
		}
	}
	return "the end of the shorter"
}
