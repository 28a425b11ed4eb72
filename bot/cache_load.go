package bot

import (
	"context"
	"fmt"
	"log/slog"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/internal/ancodec"
	"github.com/briefbot/briefbot/summarize"
)

// cacheBatch is how many articles one cache lookup or write carries: one
// SELECT, one transaction.
const cacheBatch = 256

// cachedAnalyze is analyzeAll with the analysis cache in front, giving
// the analyses encoded: enc[i] is arts[i]'s, keys[i] its KeyOf (nil to
// hash the articles as it goes). It looks the articles up in batches on
// GOMAXPROCS workers, analyses the misses (analyzeAll) and writes their
// analyses to the cache in batches while the others are still being
// analysed. ans holds the analyses it made, nil for the cache's hits.
// Articles whose analysis failed are not cached.
//
// Any cache failure (an error, a row that fails ancodec.Check, a panic)
// makes the articles concerned misses: they are analysed, never lost.
// The failures are logged once, in one line, when it is done.
func cachedAnalyze(ctx context.Context, arts []corpus.Article, keys []AnalysisKey, cache AnalysisCache, analyze analyzeFunc, progress func(done, total int), log *slog.Logger) (enc [][]byte, ans []*summarize.Analysis, problems []error, err error) {
	hashed := keys != nil
	if !hashed {
		keys = make([]AnalysisKey, len(arts))
	}
	enc = make([][]byte, len(arts))
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
				got, err := getEncoded(ctx, cache, keys[lo:hi])
				if err != nil && ctx.Err() == nil {
					readFail.add(hi-lo, err)
				}
				for j, data := range got {
					if data == nil {
						continue
					}
					if err := ancodec.Check(data); err != nil {
						readFail.add(1, fmt.Errorf("article %s: %w", arts[lo+j].ID, err))
						continue
					}
					enc[lo+j] = data
					if n := hits.Add(1); progress != nil {
						progress(int(n), len(arts))
					}
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
		return nil, nil, nil, fmt.Errorf("analyse %d articles: %w", len(arts), err)
	}

	var todo []int
	for i, data := range enc {
		if data == nil {
			todo = append(todo, i)
		}
	}
	miss := make([]corpus.Article, len(todo))
	for k, i := range todo {
		miss[k] = arts[i]
	}
	missEnc := make([][]byte, len(todo)) // written by analyzeAll's workers, read after it returns
	fresh := make(chan analysed, cacheBatch)
	var writer sync.WaitGroup
	writer.Go(func() { writeEncoded(ctx, cache, fresh, keys, &writeFail) })
	h := int(hits.Load())
	var prog func(int, int)
	if progress != nil {
		prog = func(n, _ int) { progress(h+n, len(arts)) }
	}
	done, problems, err := analyzeAll(ctx, miss, analyze, prog, func(k int, an *summarize.Analysis) {
		missEnc[k] = encode(an, miss[k].Body)
		fresh <- analysed{todo[k], missEnc[k]}
	})
	close(fresh)
	writer.Wait()
	if err != nil {
		return nil, nil, nil, err
	}
	ans = make([]*summarize.Analysis, len(arts))
	for k, i := range todo {
		if missEnc[k] == nil { // failed: not cached, but indexed
			missEnc[k] = encode(done[k], miss[k].Body)
		}
		ans[i], enc[i] = done[k], missEnc[k]
	}
	if readFail.n > 0 || writeFail.n > 0 {
		log.Warn("analysis cache failed; the articles concerned were analysed instead",
			"unread", readFail.n, "read_err", readFail.first, "unwritten", writeFail.n, "write_err", writeFail.first)
	}
	log.Info("analysis cache", "hits", h, "analysed", len(todo))
	return enc, ans, problems, nil
}

// analysed is a fresh analysis, encoded, on its way to the cache:
// arts[i]'s.
type analysed struct {
	i   int
	enc []byte
}

// writeEncoded writes the analyses arriving on fresh to the cache,
// cacheBatch a transaction, until fresh closes. After a failed write it
// writes nothing more (the cache is likely broken) and counts what it
// drops, draining fresh so the analysis never blocks.
func writeEncoded(ctx context.Context, cache AnalysisCache, fresh <-chan analysed, keys []AnalysisKey, fail *failures) {
	var (
		bk     []AnalysisKey
		bd     [][]byte
		broken bool
	)
	flush := func() {
		switch {
		case len(bk) == 0:
			return
		case broken:
			fail.add(len(bk), nil)
		default:
			if err := putEncoded(ctx, cache, bk, bd); err != nil {
				broken = true
				if ctx.Err() == nil {
					fail.add(len(bk), err)
				}
			}
		}
		bk, bd = bk[:0], bd[:0]
	}
	for f := range fresh {
		bk, bd = append(bk, keys[f.i]), append(bd, f.enc)
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

// getEncoded calls cache.GetEncoded, turning a panic or a reply of the
// wrong length into an error.
func getEncoded(ctx context.Context, cache AnalysisCache, keys []AnalysisKey) (enc [][]byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			enc, err = nil, fmt.Errorf("analysis cache panicked: %v", r)
		}
	}()
	enc, err = cache.GetEncoded(ctx, keys)
	if enc != nil && len(enc) != len(keys) {
		return nil, fmt.Errorf("analysis cache returned %d analyses for %d articles", len(enc), len(keys))
	}
	return enc, err
}

// putEncoded calls cache.PutEncoded, turning a panic into an error.
func putEncoded(ctx context.Context, cache AnalysisCache, keys []AnalysisKey, enc [][]byte) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("analysis cache panicked: %v", r)
		}
	}()
	return cache.PutEncoded(ctx, keys, enc)
}
