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
	ix := deadlineCorpusIndex(t, corpusgen.Config{N: 300, Seed: 9, Days: 200})
	got := describeDeadlines(ix.deadlines)
	want := describeDeadlines(mergeByScan(ix, symbols{}))
	if len(want) < 100 {
		t.Fatalf("only %d deadline records: the corpus does not test merging", len(want))
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("finder: %d records, scan: %d records; first difference at %v", len(got), len(want), firstDiff(got, want))
	}
}

// TestDeadlineMergeMatchesScanLarge merges the deadlines of a larger
// generated corpus (thousands of reports, records that many reports join
// and keep a revIndex) through the finder, as indexDeadlines does, and by
// comparing each report with every record, and compares the records
// whole, in filing order: states, "also" lists, articles, words, spans.
func TestDeadlineMergeMatchesScanLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses 3,000 articles")
	}
	n := 3000
	if raceDetector { // one goroutine: the detector checks nothing here, and takes a minute over 3,000
		n = 1000
	}
	ix := deadlineCorpusIndex(t, corpusgen.Config{N: n, Seed: 5})
	f := newDeadlineFinder()
	got := *ix
	got.deadlines = nil
	for _, i := range oldestFirst(ix) {
		for _, d := range ix.an(i).Deadlines {
			got.addDeadline(f, i, d)
		}
	}
	syms := symbols{}
	want := mergeByScan(ix, syms)
	if len(want) < n/6 || !slices.ContainsFunc(got.deadlines, func(dr deadlineRef) bool { return dr.idx != nil }) {
		t.Fatalf("%d deadline records, none indexed: the corpus does not test merging", len(want))
	}
	if len(got.deadlines) != len(want) {
		t.Fatalf("finder: %d records, scan: %d records", len(got.deadlines), len(want))
	}
	for k := range want {
		g, w := got.deadlines[k], want[k]
		if gw, ww := wordsOf(f.syms, g.words), wordsOf(syms, w.words); !slices.Equal(gw, ww) {
			t.Fatalf("record %d: words %v, want %v", k, gw, ww)
		}
		g.words, w.words = nil, nil
		if err := sameRecord(g, w); err != nil {
			t.Fatalf("record %d: %v", k, err)
		}
	}
}

// deadlineCorpusIndex analyses and indexes a generated corpus.
func deadlineCorpusIndex(t *testing.T, cfg corpusgen.Config) *Index {
	t.Helper()
	arts := corpusgen.New(cfg).Articles()
	ans := make([]*summarize.Analysis, len(arts))
	for i := range arts {
		ans[i] = summarize.Analyze(arts[i])
	}
	ix, err := NewIndex(arts, ans, nil)
	if err != nil {
		t.Fatal(err)
	}
	return ix
}

// oldestFirst returns ix's articles in the order indexDeadlines merges them.
func oldestFirst(ix *Index) []int {
	order := slices.Clone(ix.byDate)
	slices.Reverse(order)
	return order
}

// mergeByScan merges the deadlines of ix's articles as the index first
// did, comparing each report with every record, and returns the records
// in filing order.
func mergeByScan(ix *Index, syms symbols) []deadlineRef {
	scan := *ix
	scan.deadlines = nil
	for _, i := range oldestFirst(ix) {
		for _, d := range ix.an(i).Deadlines {
			in := scan.report(i, d, syms)
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
	return scan.deadlines
}

// wordsOf returns the words syms numbers ids, sorted.
func wordsOf(syms symbols, ids []uint32) []string {
	var out []string
	for w, id := range syms {
		if _, found := slices.BinarySearch(ids, id); found {
			out = append(out, w)
		}
	}
	slices.Sort(out)
	return out
}

func describeDeadlines(ds []deadlineRef) []string {
	var out []string
	for _, d := range ds {
		out = append(out, fmt.Sprintf("%s|%s|%v|%d", d.setKey, d.targetKey, d.arts, d.numStates()))
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
