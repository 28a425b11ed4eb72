package store

import (
	"context"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/corpus"
)

// getAllEncoded is getAll through GetEncoded: it hashes arts and reads
// their encoded analyses from c in batches of 256 on GOMAXPROCS workers,
// and returns the misses.
func getAllEncoded(ctx context.Context, c *AnalysisCache, arts []corpus.Article) ([][]byte, int, error) {
	const batch = 256
	rows := make([][]byte, len(arts))
	keys := make([]bot.AnalysisKey, len(arts))
	next := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var firstErr error
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for lo := range next {
				hi := min(lo+batch, len(arts))
				for i := lo; i < hi; i++ {
					keys[i] = bot.KeyOf(arts[i])
				}
				got, err := c.GetEncoded(ctx, keys[lo:hi])
				if err != nil {
					mu.Lock()
					firstErr = err
					mu.Unlock()
				}
				copy(rows[lo:hi], got)
			}
		})
	}
	for lo := 0; lo < len(arts); lo += batch {
		next <- lo
	}
	close(next)
	wg.Wait()
	misses := 0
	for _, r := range rows {
		if r == nil {
			misses++
		}
	}
	return rows, misses, firstErr
}

// BenchmarkWarmCache reads every analysis of the warm fixture
// (BRIEFBOT_BENCH_N articles, see BenchmarkWarmRestart) from the cache as
// the bot does, hashing included: decoded (GetAnalyses, the bot's
// interface until it keeps analyses encoded) and encoded (GetEncoded).
// Besides time and CPU time it reports the live heap that the result
// holds after GC (heapMB; B/article), which is what the bot keeps.
func BenchmarkWarmCache(b *testing.B) {
	f := warmSetup(b)
	ctx := b.Context()
	arts, errs := corpus.Load(ctx, f.dir)
	if len(errs) > 0 {
		b.Fatal(errs[0])
	}
	run := func(name string, get func(c *AnalysisCache) (any, int, error)) {
		b.Run(name, func(b *testing.B) {
			s, c := openCache(b, f)
			defer s.Close()
			var heap float64
			var cpu time.Duration
			for b.Loop() {
				b.StopTimer()
				runtime.GC()
				var before, after runtime.MemStats
				runtime.ReadMemStats(&before)
				cpu0 := cpuTime(b)
				b.StartTimer()
				keep, misses, err := get(c)
				if err != nil || misses > 0 {
					b.Fatalf("%d misses, err %v", misses, err)
				}
				b.StopTimer()
				cpu += cpuTime(b) - cpu0
				runtime.GC()
				runtime.ReadMemStats(&after)
				runtime.KeepAlive(keep)
				heap = float64(after.HeapAlloc) - float64(before.HeapAlloc)
				b.StartTimer()
			}
			b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
			b.ReportMetric(heap/1e6, "heapMB")
			b.ReportMetric(heap/float64(len(arts)), "B/article")
		})
	}
	run("analyses", func(c *AnalysisCache) (any, int, error) { return getAll(ctx, c, arts) })
	run("encoded", func(c *AnalysisCache) (any, int, error) { return getAllEncoded(ctx, c, arts) })
}
