package summarize

import (
	"context"
	"github.com/briefbot/briefbot/internal/cputime"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/briefbot/briefbot/corpus"
)

// mixDirs are the real articles of the repository, read as a realistic mix
// of news copy: the devset (a copy of ../shared/eval/devset), the held-out
// set and the seed article.
var mixDirs = []string{
	filepath.Join("..", "corpus", "testdata", "devset"),
	filepath.Join("..", "eval", "heldout"),
	filepath.Join("testdata", "sentences-seed.md"),
}

// loadMix loads the articles of mixDirs and returns them with their total
// body size in bytes. It fails the benchmark when a directory is missing
// or yields nothing, so the measured mix never silently shrinks.
func loadMix(b *testing.B) ([]corpus.Article, int64) {
	b.Helper()
	var arts []corpus.Article
	for _, d := range mixDirs {
		got, errs := corpus.Load(context.Background(), d)
		if len(errs) != 0 || len(got) == 0 {
			b.Fatalf("load %s: %d articles, errors %v", d, len(got), errs)
		}
		arts = append(arts, got...)
	}
	var n int64
	for _, a := range arts {
		n += int64(len(a.Body))
	}
	return arts, n
}

// BenchmarkAnalyzeMix analyses every article of the mix once per
// iteration on one goroutine; MB/s is of article text.
func BenchmarkAnalyzeMix(b *testing.B) {
	arts, size := loadMix(b)
	b.SetBytes(size)
	cpu := cputime.Process()
	for b.Loop() {
		for _, a := range arts {
			Analyze(a)
		}
	}
	reportMix(b, len(arts), size, cputime.Process()-cpu)
}

// BenchmarkAnalyzeMixParallel analyses the mix on every core at once,
// which is how a corpus is analysed on load; MB/s is the throughput of all
// cores together. Run it with -cpu 1,2 to see how it scales.
func BenchmarkAnalyzeMixParallel(b *testing.B) {
	arts, size := loadMix(b)
	// SetBytes wants a fixed size per iteration: one iteration analyses
	// every article of the mix, each goroutine starting at another
	// article so that the cores are not all on the same one at once.
	b.SetBytes(size)
	b.ResetTimer()
	cpu := cputime.Process()
	var start atomic.Int64
	b.RunParallel(func(pb *testing.PB) {
		off := int(start.Add(1))
		for pb.Next() {
			for i := range arts {
				Analyze(arts[(i+off)%len(arts)])
			}
		}
	})
	reportMix(b, len(arts), size, cputime.Process()-cpu)
}

// reportMix reports the articles per second of wall time, and the CPU time
// per iteration with the MB/s it gives per core: on a machine shared with
// other work the CPU figures are the ones to compare.
func reportMix(b *testing.B, arts int, size int64, cpu time.Duration) {
	b.ReportMetric(float64(b.N*arts)/b.Elapsed().Seconds(), "articles/s")
	reportCPU(b, size, cpu)
}

// reportCPU reports the CPU time per iteration (cpu, the CPU time of the
// whole run, over b.N) and the MB/s of size bytes it gives per core.
func reportCPU(b *testing.B, size int64, cpu time.Duration) {
	if cpu <= 0 {
		return
	}
	perOp := float64(cpu.Nanoseconds()) / float64(b.N)
	b.ReportMetric(perOp, "cpu-ns/op")
	b.ReportMetric(float64(size)/perOp*1e3, "cpu-MB/s")
}

// BenchmarkAnalyzeLargeParallel is BenchmarkAnalyzeLarge on every core.
func BenchmarkAnalyzeLargeParallel(b *testing.B) {
	art := largeArticle()
	b.SetBytes(int64(len(art.Body)))
	b.ResetTimer()
	cpu := cputime.Process()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			Analyze(art)
		}
	})
	reportCPU(b, int64(len(art.Body)), cputime.Process()-cpu)
}

// BenchmarkAnalyzeMixFacts is BenchmarkAnalyzeMix without the ranked
// summary: sentences, people, quotes, deadlines and events only, to tell
// the cost of the fact finders from the summary ranking's.
func BenchmarkAnalyzeMixFacts(b *testing.B) {
	arts, size := loadMix(b)
	b.SetBytes(size)
	cpu := cputime.Process()
	for b.Loop() {
		for _, a := range arts {
			// As Analyze does it, but for the summary.
			sents := Sentences(a.Body)
			lows := lowerSentences(sents)
			reg := newRegistryLow(sents, lows)
			findQuotes(sents, reg)
			times, timeToks := scanArticleInto(sents, lows, a.Published, pooledTimeToks(timeTokCap(sents)))
			findDeadlinesIn(sents, times, reg, a.Published, dlOptions{})
			findEventsIn(sents, times)
			reg.people()
			releaseToks(reg.d.toks)
			releaseTimeToks(timeToks)
		}
	}
	reportMix(b, len(arts), size, cputime.Process()-cpu)
}
