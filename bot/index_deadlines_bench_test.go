package bot

import (
	"fmt"
	"testing"

	"github.com/briefbot/briefbot/internal/cputime"
)

// BenchmarkIndexDeadlines builds the deadline part of the index alone
// (indexDeadlines: merging every article's deadlines into records, then
// their word and actor lookups) on each benchmark corpus, and reports the
// CPU time and the records it made.
func BenchmarkIndexDeadlines(b *testing.B) {
	for _, n := range perfSizes() {
		pc := perfCorpusOf(b, n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			ans := pc.ans // the index keeps them encoded: building a part needs them decoded
			cpu0 := cputime.Process()
			var records int
			for b.Loop() {
				ix := *pc.ix
				ix.ans = ans
				ix.deadlines, ix.deadlineTerms, ix.actorKeys = nil, packedTerms{}, map[string][]int32{}
				ix.indexDeadlines()
				records = len(ix.deadlines)
			}
			b.ReportMetric(float64(cputime.Process()-cpu0)/float64(b.N), "cpu-ns/op")
			b.ReportMetric(float64(records), "records")
		})
	}
}
