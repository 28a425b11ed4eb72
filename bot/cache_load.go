package bot

import (
	"context"
	"fmt"
	"log/slog"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/summarize"
)

// cacheBatch is how many articles one cache lookup or write carries: one
// SELECT, one transaction.
const cacheBatch = 256

// cachedAnalyzeAll is analyzeAll with the analysis cache in front: it
// hashes the articles and looks them up in batches on GOMAXPROCS workers,
// analyses the misses (analyzeAll) and writes their analyses to the cache
// in batches while the others are still being analysed. Articles whose
// analysis failed are not cached.
//
// Any cache failure (an error, a row it cannot read, a panic) makes the
// articles concerned misses: they are analysed, never lost. The failures
// are logged once, in one line, when it is done.
func cachedAnalyzeAll(ctx context.Context, arts []corpus.Article, cache AnalysisCache, analyze analyzeFunc, progress func(done, total int), log *slog.Logger) (ans []*summarize.Analysis, problems []error, err error) {
	return cachedAnalyzeKeyed(ctx, arts, nil, nil, cache, analyze, progress, log)
}

// cachedAnalyzeKeyed is cachedAnalyzeAll given the articles' keys
// (keys[i] is KeyOf(arts[i])), or nil to hash them as it goes. When
// arrived is not nil, it is given each batch of articles lo.. whose
// analyses all came from the cache, got[j] being article lo+j's, as soon
// as the batch is read (from the cache's goroutines, several at once).
func cachedAnalyzeKeyed(ctx context.Context, arts []corpus.Article, keys []AnalysisKey, arrived func(lo int, got []*summarize.Analysis), cache AnalysisCache, analyze analyzeFunc, progress func(done, total int), log *slog.Logger) (ans []*summarize.Analysis, problems []error, err error) {
	hashed := keys != nil
	if !hashed {
		keys = make([]AnalysisKey, len(arts))
	}
	ans = make([]*summarize.Analysis, len(arts))
	var readFail, writeFail failures
	var hits atomic.Int64

	batches := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(len(arts)/cacheBatch, 1)) {
		wg.Go(func() {
			for lo := range batches {
				hi := min(lo+cacheBatch, len(arts))
				for i := lo; i < hi && !hashed; i++ {
					keys[i] = KeyOf(arts[i])
				}
				got, err := getAnalyses(ctx, cache, keys[lo:hi], arts[lo:hi])
				if err != nil && ctx.Err() == nil {
					readFail.add(hi-lo, err)
				}
				whole := len(got) == hi-lo
				for j, an := range got {
					if an != nil {
						ans[lo+j] = an
						if n := hits.Add(1); progress != nil {
							progress(int(n), len(arts))
						}
					} else {
						whole = false
					}
				}
				if whole && arrived != nil {
					arrived(lo, ans[lo:hi])
				}
			}
		})
	}
feed:
	for lo := 0; lo < len(arts); lo += cacheBatch {
		select {
		case batches <- lo:
		case <-ctx.Done():
			break feed
		}
	}
	close(batches)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, nil, fmt.Errorf("analyse %d articles: %w", len(arts), err)
	}

	var todo []int
	for i, an := range ans {
		if an == nil {
			todo = append(todo, i)
		}
	}
	miss := make([]corpus.Article, len(todo))
	for k, i := range todo {
		miss[k] = arts[i]
	}
	fresh := make(chan analysed, cacheBatch)
	var writer sync.WaitGroup
	writer.Go(func() { writeAnalyses(ctx, cache, fresh, keys, arts, &writeFail) })
	h := int(hits.Load())
	var prog func(int, int)
	if progress != nil {
		prog = func(n, _ int) { progress(h+n, len(arts)) }
	}
	done, problems, err := analyzeAll(ctx, miss, analyze, prog, func(k int, an *summarize.Analysis) {
		fresh <- analysed{todo[k], an}
	})
	close(fresh)
	writer.Wait()
	if err != nil {
		return nil, nil, err
	}
	for k, i := range todo {
		ans[i] = done[k]
	}
	if readFail.n > 0 || writeFail.n > 0 {
		log.Warn("analysis cache failed; the articles concerned were analysed instead",
			"unread", readFail.n, "read_err", readFail.first, "unwritten", writeFail.n, "write_err", writeFail.first)
	}
	log.Info("analysis cache", "hits", h, "analysed", len(todo))
	return ans, problems, nil
}

// analysed is a fresh analysis on its way to the cache: arts[i]'s.
type analysed struct {
	i  int
	an *summarize.Analysis
}

// writeAnalyses writes the analyses arriving on fresh to the cache,
// cacheBatch a transaction, until fresh closes. After a failed write it
// writes nothing more (the cache is likely broken) and counts what it
// drops, draining fresh so the analysis never blocks.
func writeAnalyses(ctx context.Context, cache AnalysisCache, fresh <-chan analysed, keys []AnalysisKey, arts []corpus.Article, fail *failures) {
	var (
		bk     []AnalysisKey
		ba     []corpus.Article
		bn     []*summarize.Analysis
		broken bool
	)
	flush := func() {
		switch {
		case len(bk) == 0:
			return
		case broken:
			fail.add(len(bk), nil)
		default:
			if err := putAnalyses(ctx, cache, bk, ba, bn); err != nil {
				broken = true
				if ctx.Err() == nil {
					fail.add(len(bk), err)
				}
			}
		}
		bk, ba, bn = bk[:0], ba[:0], bn[:0]
	}
	for f := range fresh {
		bk, ba, bn = append(bk, keys[f.i]), append(ba, arts[f.i]), append(bn, f.an)
		if len(bk) == cacheBatch {
			flush()
		}
	}
	flush()
}

// failures counts the articles a cache failed for, keeping the first
// error. It is safe for concurrent use.
type failures struct {
	mu    sync.Mutex
	n     int
	first error
}

func (f *failures) add(n int, err error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.n += n
	if f.first == nil {
		f.first = err
	}
}

// getAnalyses calls cache.GetAnalyses, turning a panic or a reply of the
// wrong length into an error.
func getAnalyses(ctx context.Context, cache AnalysisCache, keys []AnalysisKey, arts []corpus.Article) (ans []*summarize.Analysis, err error) {
	defer func() {
		if r := recover(); r != nil {
			ans, err = nil, fmt.Errorf("analysis cache panicked: %v", r)
		}
	}()
	ans, err = cache.GetAnalyses(ctx, keys, arts)
	if ans != nil && len(ans) != len(keys) {
		return nil, fmt.Errorf("analysis cache returned %d analyses for %d articles", len(ans), len(keys))
	}
	return ans, err
}

// putAnalyses calls cache.PutAnalyses, turning a panic into an error.
func putAnalyses(ctx context.Context, cache AnalysisCache, keys []AnalysisKey, arts []corpus.Article, ans []*summarize.Analysis) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("analysis cache panicked: %v", r)
		}
	}()
	return cache.PutAnalyses(ctx, keys, arts, ans)
}
