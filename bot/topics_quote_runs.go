package bot

import (
	"cmp"
	"slices"
)

// quoteRun is one speaker's quotes among an ascending list of quote IDs:
// the n IDs from from. A speaker's quotes are numbered consecutively
// (speaker.first onwards), so in an ascending list they are one run, and
// the runs of an ascending list are in speaker order. The speaker is
// that of its first quote (Index.speakerOf).
type quoteRun struct{ from, n int32 }

// groupedQuotesMin is the fewest quotes a term must be in for the index to
// keep its runs in `who said what about` order (listings.quoteRuns): below
// it, grouping at query time costs little.
const groupedQuotesMin = 512

// quoteRuns groups ids (ascending quote IDs) by speaker, as whoSaidWhat
// orders them: most quotes first, then by speaker; each run ascending.
// It finds each run's end by binary search, so it costs a search per
// speaker and a sort of the speakers, not a pass over the quotes.
func (ix *Index) quoteRuns(ids idList) []quoteRun {
	var runs []quoteRun
	for i := 0; i < ids.len(); {
		s := ix.speakerOf(ids.at(i))
		sp := ix.speakers[s]
		j, _ := ids.search(sp.first + sp.n)
		runs = append(runs, quoteRun{from: int32(i), n: int32(j - i)})
		i = j
	}
	// Speaker order is the runs' order in ids.
	slices.SortFunc(runs, func(a, b quoteRun) int { return cmp.Or(cmp.Compare(b.n, a.n), cmp.Compare(a.from, b.from)) })
	return runs
}

// indexQuoteRuns keeps the runs (quoteRuns) of every term in at least
// groupedQuotesMin quotes, so that `who said what about` a common word
// reads them instead of grouping its many quotes. It needs quoteTerms
// compacted.
func (ix *Index) indexQuoteRuns() {
	l := &ix.lists
	l.quoteRuns = map[string][]quoteRun{}
	ix.quoteTerms.each(func(w string, ids idList) {
		if ids.len() >= groupedQuotesMin {
			l.quoteRuns[w] = exact(ix.quoteRuns(ids))
		}
	})
}

// groupedQuotes returns the quotes holding the most of the query terms
// (termIndex.bestSorted), ascending, and their runs by speaker in
// `who said what` order; the runs the index keeps when one term alone
// matches and is common. Neither is to be modified.
func (ix *Index) groupedQuotes(q []string) (ids idList, runs []quoteRun) {
	ids, _ = ix.quoteTerms.bestSorted(q)
	if ids.len() == 0 {
		return idList{}, nil
	}
	for _, w := range q {
		if ps := ix.quoteTerms.get(w); ps.len() == ids.len() && &ps.lows[0] == &ids.lows[0] {
			if runs, ok := ix.lists.quoteRuns[w]; ok {
				return ids, runs
			}
		}
	}
	return ids, ix.quoteRuns(ids)
}
