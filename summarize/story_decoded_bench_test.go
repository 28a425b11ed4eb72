package summarize

import (
	"runtime"
	"testing"

	"github.com/briefbot/briefbot/internal/cputime"
)

// BenchmarkStoriesDecoded measures the bot keeping its analyses encoded
// and decoding them afresh for every index (equal analyses at new
// addresses): re-clustering the 2,000 generated articles after one more
// arrived, with the cache of the others made from other copies of their
// analyses. retained-B is what the new cache keeps alive once the
// analyses it was made from are dropped (the analyses too, were it to
// point into them); cache-B what the cache alone takes, its analyses
// kept alive elsewhere.
func BenchmarkStoriesDecoded(b *testing.B) {
	arts, ans := goldenCorpus()
	n := len(arts)
	_, prev := StoriesCached(arts[:n-1], ans[:n-1], nil)
	copies := copyAnalyses(ans)
	cpu := cputime.Process()
	for b.Loop() {
		StoriesCached(arts, copies, prev)
	}
	reportStoryCPU(b, n, cputime.Process()-cpu)
	// A collection before each measure's own: without it, what the calls
	// before left (pooled scratch among it) is still freed during it.
	runtime.GC()
	cache := retained(func() any { _, c := StoriesCached(arts, copies, prev); return c })
	runtime.GC()
	kept := retained(func() any { _, c := StoriesCached(arts, copyAnalyses(ans), prev); return c })
	// copies and prev live on past the builds: what a build lets go of
	// would be taken from what it keeps.
	runtime.KeepAlive(copies)
	runtime.KeepAlive(prev)
	b.ReportMetric(float64(kept), "retained-B")
	b.ReportMetric(float64(cache), "cache-B")
}
