package bot

import (
	"cmp"
	"slices"
	"testing"
)

// groupQuotesRef groups quotes (ascending) by speaker the plain way: a map
// of each speaker's quotes, the speakers sorted by count descending, then
// by speaker. It is the reference for quoteRuns.
func groupQuotesRef(ix *Index, ids []int32) (speakers []int32, quotes [][]int32) {
	speakerOf := map[int32]int32{}
	for s, sp := range ix.speakers {
		for _, q := range sp.quotes() {
			speakerOf[int32(q)] = int32(s)
		}
	}
	by := map[int32][]int32{}
	for _, q := range ids {
		s := speakerOf[q]
		if by[s] == nil {
			speakers = append(speakers, s)
		}
		by[s] = append(by[s], q)
	}
	slices.SortFunc(speakers, func(a, b int32) int { return cmp.Or(len(by[b])-len(by[a]), int(a-b)) })
	for _, s := range speakers {
		quotes = append(quotes, by[s])
	}
	return speakers, quotes
}

// TestQuoteRuns checks quoteRuns, and the runs the index keeps for common
// terms, against the plain grouping, for every quote term and for merged
// lists of two terms.
func TestQuoteRuns(t *testing.T) {
	ix := generatedIndex(t, 250)
	check := func(name string, ids []int32, runs []quoteRun) {
		t.Helper()
		speakers, quotes := groupQuotesRef(ix, ids)
		if len(runs) != len(speakers) {
			t.Fatalf("%s: %d runs, want %d", name, len(runs), len(speakers))
		}
		for g, r := range runs {
			if s := ix.speakerOf(ids[r.from]); s != speakers[g] || !slices.Equal(ids[r.from:r.from+r.n], quotes[g]) {
				t.Fatalf("%s: run %d = speaker %d %v, want speaker %d %v", name, g, s, ids[r.from:r.from+r.n], speakers[g], quotes[g])
			}
		}
	}
	var terms []string
	for w := range ix.quoteTerms.num {
		terms = append(terms, w)
	}
	slices.Sort(terms)
	for k, w := range terms {
		ids := ix.quoteTerms.get(w).appendTo(nil)
		check(w, ids, ix.quoteRuns(ix.quoteTerms.get(w)))
		if runs, ok := ix.lists.quoteRuns[w]; ok {
			check(w+" (kept)", ids, runs)
		} else if len(ids) >= groupedQuotesMin {
			t.Errorf("%s: in %d quotes, runs not kept", w, len(ids))
		}
		q := []string{w, terms[(k*7)%len(terms)]}
		got, runs := ix.groupedQuotes(q)
		want, _ := ix.quoteTerms.bestSorted(q)
		if !slices.Equal(got.appendTo(nil), want.appendTo(nil)) {
			t.Fatalf("groupedQuotes(%q): %v, want %v", q, got.appendTo(nil), want.appendTo(nil))
		}
		check(q[0]+" "+q[1], got.appendTo(nil), runs)
	}
}

// TestQuoteRunsKept checks that a query matching one term whose runs the
// index keeps is answered from them.
func TestQuoteRunsKept(t *testing.T) {
	ix := generatedIndex(t, 250)
	// Make every term common enough: keep the runs of all of them.
	ix.quoteTerms.each(func(w string, ids idList) {
		ix.lists.quoteRuns[w] = ix.quoteRuns(ids)
	})
	for w := range ix.quoteTerms.num {
		ids := ix.quoteTerms.get(w)
		got, runs := ix.groupedQuotes([]string{w})
		if &got.lows[0] != &ids.lows[0] || &runs[0] != &ix.lists.quoteRuns[w][0] {
			t.Errorf("%s: groupedQuotes did not read the kept runs", w)
		}
	}
}
