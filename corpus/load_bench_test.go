package corpus_test

import (
	"context"
	"github.com/briefbot/briefbot/internal/cputime"
	"os"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/internal/corpusgen"
)

// benchCorpus is the generated corpus the load benchmarks read: written
// once per test binary into a temporary folder.
var benchCorpus struct {
	once  sync.Once
	dir   string
	n     int
	bytes int64
	err   error
}

// benchN is the number of articles generated: 2,000, or BRIEFBOT_BENCH_N.
func benchN(b *testing.B) int {
	s := os.Getenv("BRIEFBOT_BENCH_N")
	if s == "" {
		return 2000
	}
	n, err := strconv.Atoi(s)
	if err != nil || n <= 0 {
		b.Fatalf("BRIEFBOT_BENCH_N=%q: want a positive number", s)
	}
	return n
}

// generatedCorpus returns the folder of the benchmark corpus, its article
// count and its size in bytes. The folder outlives each benchmark (the
// same corpus serves them all) and is removed by benchCleanup.
func generatedCorpus(b *testing.B) (string, int, int64) {
	b.Helper()
	n := benchN(b)
	benchCorpus.once.Do(func() {
		dir, err := os.MkdirTemp("", "briefbot-bench-")
		if err != nil {
			benchCorpus.err = err
			return
		}
		benchCorpus.dir, benchCorpus.n = dir, n
		benchCorpus.bytes, benchCorpus.err = corpusgen.New(corpusgen.Config{N: n, Seed: 1}).Write(context.Background(), dir)
	})
	if benchCorpus.err != nil {
		b.Fatalf("generate corpus: %v", benchCorpus.err)
	}
	return benchCorpus.dir, benchCorpus.n, benchCorpus.bytes
}

// TestMain removes the generated benchmark corpus after the run.
func TestMain(m *testing.M) {
	code := m.Run()
	if benchCorpus.dir != "" {
		os.RemoveAll(benchCorpus.dir)
	}
	os.Exit(code)
}

// BenchmarkLoad loads the whole generated corpus, as a warm restart does:
// read, parse and validate every file.
func BenchmarkLoad(b *testing.B) {
	dir, n, size := generatedCorpus(b)
	b.SetBytes(size)
	b.ReportAllocs()
	cpu := cputime.Process()
	for b.Loop() {
		arts, errs := corpus.Load(context.Background(), dir)
		if len(errs) > 0 || len(arts) != n {
			b.Fatalf("loaded %d of %d articles, errors %v", len(arts), n, errs)
		}
	}
	reportLoad(b, n, cpu)
}

// BenchmarkLoadDedupe is BenchmarkLoad followed by Dedupe, the whole
// corpus side of a warm restart.
func BenchmarkLoadDedupe(b *testing.B) {
	dir, n, size := generatedCorpus(b)
	b.SetBytes(size)
	b.ReportAllocs()
	cpu := cputime.Process()
	for b.Loop() {
		arts, errs := corpus.Load(context.Background(), dir)
		if len(errs) > 0 || len(arts) != n {
			b.Fatalf("loaded %d of %d articles, errors %v", len(arts), n, errs)
		}
		corpus.Dedupe(arts)
	}
	reportLoad(b, n, cpu)
}

// reportLoad reports articles loaded per second of wall time, and the CPU
// time per op and per article since cpu (the process's CPU time when the
// loop started): on a shared machine the CPU time is the steadier figure.
func reportLoad(b *testing.B, n int, cpu time.Duration) {
	used := (cputime.Process() - cpu).Seconds()
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(used/float64(b.N), "cpu-s/op")
	b.ReportMetric(used*1e6/float64(b.N)/float64(n), "cpu-µs/article")
}
