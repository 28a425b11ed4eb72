package store

import (
	"cmp"
	"context"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/internal/ancodec"
	"github.com/briefbot/briefbot/internal/corpusgen"
	"github.com/briefbot/briefbot/internal/cputime"
	"github.com/briefbot/briefbot/summarize"
)

// The warm-restart benchmarks run on a generated corpus (internal/corpusgen,
// seed 1) of BRIEFBOT_BENCH_N articles (default 100,000) whose analyses are
// already in the cache: a restart. The corpus and the state database are
// kept in $TMPDIR/briefbot-bench-warm-N-VERSION across runs, since making
// them (writing the files, analysing every article once) takes minutes;
// delete the folder to start over.

// warmFixture is a corpus on disk with its analyses cached.
type warmFixture struct {
	dir, state string
	text       int64 // bytes of title and body text
}

var (
	warmOnce sync.Once
	warm     warmFixture
	warmErr  error
)

func benchN() int {
	if n, err := strconv.Atoi(os.Getenv("BRIEFBOT_BENCH_N")); err == nil && n > 0 {
		return n
	}
	return 100_000
}

// warmSetup makes (or finds) the corpus and its cached analyses.
func warmSetup(b *testing.B) warmFixture {
	warmOnce.Do(func() {
		ctx := context.Background()
		n := benchN()
		root := filepath.Join(os.TempDir(), fmt.Sprintf("briefbot-bench-warm-%d-%s", n, summarize.AnalyzerVersion))
		warm = warmFixture{dir: filepath.Join(root, "corpus"), state: filepath.Join(root, "state")}
		written, done := filepath.Join(root, "corpus-written"), filepath.Join(root, "complete")
		if _, err := os.Stat(written); err != nil {
			os.RemoveAll(root)
			if _, warmErr = corpusgen.New(corpusgen.Config{N: n, Seed: 1}).Write(ctx, warm.dir); warmErr != nil {
				return
			}
			if warmErr = os.WriteFile(written, nil, 0o644); warmErr != nil {
				return
			}
		}
		if _, err := os.Stat(done); err != nil {
			os.RemoveAll(warm.state)
			warmErr = fillCache(ctx, warm)
			if warmErr != nil {
				return
			}
			warmErr = os.WriteFile(done, nil, 0o644)
		}
		arts, _ := corpus.Load(ctx, warm.dir)
		for _, a := range arts {
			warm.text += int64(len(a.Title) + len(a.Body))
		}
	})
	if warmErr != nil {
		b.Fatal(warmErr)
	}
	return warm
}

// fillCache analyses the fixture's corpus and writes the analyses to its
// cache, a thousand at a time. It does not use SetCorpus, which would
// also build the index.
func fillCache(ctx context.Context, f warmFixture) error {
	arts, errs := corpus.Load(ctx, f.dir)
	if len(errs) > 0 {
		return errs[0]
	}
	s, err := Open(ctx, f.state)
	if err != nil {
		return err
	}
	defer s.Close()
	c, err := s.Analyses(ctx, summarize.AnalyzerVersion)
	if err != nil {
		return err
	}
	for lo := 0; lo < len(arts); lo += 1000 {
		hi := min(lo+1000, len(arts))
		part := arts[lo:hi]
		keys := make([]bot.AnalysisKey, len(part))
		ans := make([]*summarize.Analysis, len(part))
		parallel(len(part), func(i int) { keys[i], ans[i] = bot.KeyOf(part[i]), summarize.Analyze(part[i]) })
		if err := c.PutAnalyses(ctx, keys, part, ans); err != nil {
			return err
		}
	}
	return nil
}

// openCache opens the fixture's cache for one iteration.
func openCache(b *testing.B, f warmFixture) (*Store, *AnalysisCache) {
	s, err := Open(b.Context(), f.state)
	if err != nil {
		b.Fatal(err)
	}
	c, err := s.Analyses(b.Context(), summarize.AnalyzerVersion)
	if err != nil {
		b.Fatal(err)
	}
	return s, c
}

// getAll hashes arts and reads their encoded analyses from c as the bot
// does: batches of 256 on GOMAXPROCS workers, each row checked
// (ancodec.Check). It returns the misses.
func getAll(ctx context.Context, c *AnalysisCache, arts []corpus.Article) ([][]byte, int, error) {
	const batch = 256
	rows := make([][]byte, len(arts))
	keys := make([]bot.AnalysisKey, len(arts))
	next := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var firstErr error
	fail := func(err error) {
		mu.Lock()
		defer mu.Unlock()
		firstErr = cmp.Or(firstErr, err)
	}
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for lo := range next {
				hi := min(lo+batch, len(arts))
				for i := lo; i < hi; i++ {
					keys[i] = bot.KeyOf(arts[i])
				}
				got, err := c.GetEncoded(ctx, keys[lo:hi])
				if err != nil {
					fail(err)
				}
				for j, row := range got {
					if err := ancodec.Check(row); row != nil && err != nil {
						fail(err)
						continue
					}
					rows[lo+j] = row
				}
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

// BenchmarkWarmRestart times a restart on the cached corpus, whole and in
// its parts. Sub-benchmarks: read (the files' bytes, os.ReadFile),
// load (corpus.Load: read and parse), hash (bot.KeyOf of every article,
// on every core), cache (hash, SELECT and check every encoded analysis,
// as SetCorpus does), setcorpus (bot.SetCorpus on a new bot: dedupe, hash,
// cache, index), total (load, then setcorpus: the restart).
//
// With the index snapshot (bot.IndexSnapshots, index_snapshot.go):
// snapwrite (setcorpus building the index, then writing its snapshot; the
// log lines on stderr split the write into encode and total),
// snapsetcorpus (setcorpus reading the index back from the snapshot:
// dedupe, hash, cache, snapshot read and decode), snaptotal (load, then
// snapsetcorpus: the restart with a snapshot). snapwrite runs first
// and leaves the snapshot the others read; they fail without one.
func BenchmarkWarmRestart(b *testing.B) {
	f := warmSetup(b)
	ctx := b.Context()
	arts, errs := corpus.Load(ctx, f.dir)
	if len(errs) > 0 {
		b.Fatal(errs[0])
	}
	// The machine may be shared: CPU seconds (user+system, all threads)
	// say what the work costs when wall time is noisy.
	var cpu0 time.Duration
	start := func(b *testing.B) { cpu0 = cpuTime(b) }
	report := func(b *testing.B) {
		b.ReportMetric(float64(b.Elapsed().Seconds())/float64(b.N), "s/restart")
		b.ReportMetric((cpuTime(b)-cpu0).Seconds()/float64(b.N), "cpu-s/restart")
		b.ReportMetric(float64(len(arts)), "articles")
	}
	b.Run("read", func(b *testing.B) {
		for start(b); b.Loop(); {
			var n int64
			err := filepath.WalkDir(f.dir, func(p string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				data, err := os.ReadFile(p)
				n += int64(len(data))
				return err
			})
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(n)
		}
		report(b)
	})
	b.Run("load", func(b *testing.B) {
		for start(b); b.Loop(); {
			if got, errs := corpus.Load(ctx, f.dir); len(errs) > 0 || len(got) != len(arts) {
				b.Fatalf("loaded %d, errors %v", len(got), errs)
			}
		}
		report(b)
	})
	b.Run("hash", func(b *testing.B) {
		for start(b); b.Loop(); {
			parallel(len(arts), func(i int) { bot.KeyOf(arts[i]) })
		}
		b.SetBytes(f.text)
		report(b)
	})
	b.Run("cache", func(b *testing.B) {
		s, c := openCache(b, f)
		defer s.Close()
		for start(b); b.Loop(); {
			if _, misses, err := getAll(ctx, c, arts); err != nil || misses > 0 {
				b.Fatalf("%d misses, err %v", misses, err)
			}
		}
		report(b)
	})
	b.Run("setcorpus", func(b *testing.B) {
		s, c := openCache(b, f)
		defer s.Close()
		for start(b); b.Loop(); {
			if err := bot.New(bot.Options{Analyses: c}).SetCorpus(ctx, arts, nil); err != nil {
				b.Fatal(err)
			}
		}
		report(b)
	})
	snapLog := slog.New(slog.NewTextHandler(os.Stderr, nil))
	b.Run("snapwrite", func(b *testing.B) {
		s, c := openCache(b, f)
		defer s.Close()
		for start(b); b.Loop(); {
			bt := bot.New(bot.Options{Analyses: c, Snapshots: missSnapshots{s.IndexSnapshots()}, Logger: snapLog})
			if err := bt.SetCorpus(ctx, arts, nil); err != nil {
				b.Fatal(err)
			}
			bt.CloseSnapshots()
		}
		report(b)
	})
	b.Run("snapsetcorpus", func(b *testing.B) {
		s, c := openCache(b, f)
		defer s.Close()
		for start(b); b.Loop(); {
			restoreOnce(b, s, c, arts, snapLog)
		}
		report(b)
	})
	b.Run("snaptotal", func(b *testing.B) {
		for start(b); b.Loop(); {
			// The label marks every goroutine of the restart in a CPU
			// profile (-tagfocus stage=snaptotal), not the setup's.
			pprof.Do(ctx, pprof.Labels("stage", "snaptotal"), func(ctx context.Context) {
				s, c := openCache(b, f)
				got, _ := corpus.Load(ctx, f.dir)
				restoreOnce(b, s, c, got, snapLog)
				s.Close()
			})
		}
		report(b)
	})
	b.Run("total", func(b *testing.B) {
		for start(b); b.Loop(); {
			s, c := openCache(b, f)
			got, _ := corpus.Load(ctx, f.dir)
			if err := bot.New(bot.Options{Analyses: c}).SetCorpus(ctx, got, nil); err != nil {
				b.Fatal(err)
			}
			s.Close()
		}
		report(b)
	})
}

// hitSnapshots is an IndexSnapshots that records whether a snapshot was
// found.
type hitSnapshots struct {
	IndexSnapshots
	hit bool
}

func (h *hitSnapshots) GetIndexSnapshot(ctx context.Context, key bot.IndexKey) ([]byte, bool, error) {
	data, ok, err := h.IndexSnapshots.GetIndexSnapshot(ctx, key)
	h.hit = h.hit || ok
	return data, ok, err
}

// restoreOnce runs SetCorpus of arts on a new bot reading snapshots
// from s, and fails b when the index was not read from a snapshot (run
// snapwrite first).
func restoreOnce(b *testing.B, s *Store, c *AnalysisCache, arts []corpus.Article, log *slog.Logger) {
	snaps := &hitSnapshots{IndexSnapshots: s.IndexSnapshots()}
	bt := bot.New(bot.Options{Analyses: c, Snapshots: snaps, Logger: log})
	if err := bt.SetCorpus(b.Context(), arts, nil); err != nil {
		b.Fatal(err)
	}
	bt.CloseSnapshots()
	if !snaps.hit {
		b.Fatal("no index snapshot of this corpus: run WarmRestart/snapwrite first")
	}
}

// missSnapshots is an IndexSnapshots that never finds a snapshot, so the
// bot builds the index and writes it.
type missSnapshots struct{ IndexSnapshots }

func (missSnapshots) GetIndexSnapshot(context.Context, bot.IndexKey) ([]byte, bool, error) {
	return nil, false, nil
}

// cpuTime returns the CPU time the process has used (0 where the system
// cannot tell).
func cpuTime(*testing.B) time.Duration { return cputime.Process() }

// parallel runs f(0..n-1) on GOMAXPROCS goroutines.
func parallel(n int, f func(int)) {
	w := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	for k := range w {
		wg.Go(func() {
			for i := k; i < n; i += w {
				f(i)
			}
		})
	}
	wg.Wait()
}
