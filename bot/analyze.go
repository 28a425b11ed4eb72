package bot

import (
	"cmp"
	"context"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/summarize"
)

// analyzeFunc is the analysis SetCorpus runs on each article.
type analyzeFunc func(corpus.Article) *summarize.Analysis

// analyzeFresh returns the analyses of arts (articles the current index
// does not hold), in article order, encoded (enc) and, for those it
// analysed, decoded (ans; nil for the others): from the analysis cache
// where it has them, analysed otherwise, the new ones then written to
// the cache. keys are the articles' KeyOf, or nil to hash them. Without a
// cache it analyses them all. See analyzeAll for problems and err.
func (b *Bot) analyzeFresh(ctx context.Context, arts []corpus.Article, keys []AnalysisKey) (enc [][]byte, ans []*summarize.Analysis, problems []error, err error) {
	if b.analyses != nil {
		return cachedAnalyze(ctx, arts, keys, b.analyses, b.analyze, b.progress, b.log)
	}
	ans, problems, err = analyzeAll(ctx, arts, b.analyze, b.progress, nil)
	if err != nil {
		return nil, nil, nil, err
	}
	return encodeAll(arts, ans), ans, problems, nil
}

// analyzeAll analyses every article on runtime.GOMAXPROCS(0) workers and
// returns the analyses in article order. All workers have returned when it
// returns. It stops early, returning ctx's error wrapped, when ctx ends.
//
// An article whose analysis panics is kept with an empty analysis and
// reported in problems, so one bad article cannot take the corpus down.
// progress, when not nil, is told after each article how many are done;
// done, when not nil, is given each article's index once its analysis
// succeeded. Both are called from several goroutines at once.
func analyzeAll(ctx context.Context, arts []corpus.Article, analyze analyzeFunc, progress func(done, total int), done func(i int, an *summarize.Analysis)) (ans []*summarize.Analysis, problems []error, err error) {
	ans = make([]*summarize.Analysis, len(arts))
	var n atomic.Int64
	errs := make([]error, len(arts))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(len(arts), 1)) {
		wg.Go(func() {
			for i := range jobs {
				if ctx.Err() != nil {
					continue // drain, so the feeder never blocks
				}
				ans[i], errs[i] = analyzeOne(arts[i], analyze)
				if done != nil && errs[i] == nil {
					done(i, ans[i])
				}
				if progress != nil {
					progress(int(n.Add(1)), len(arts))
				}
			}
		})
	}
feed:
	for i := range arts {
		select {
		case jobs <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, nil, fmt.Errorf("analyse %d articles: %w", len(arts), err)
	}
	for _, e := range errs {
		if e != nil {
			problems = append(problems, e)
		}
	}
	return ans, problems, nil
}

// analyzeOne runs analyze on a, turning a panic into an error and a nil
// result into an empty analysis.
func analyzeOne(a corpus.Article, analyze analyzeFunc) (an *summarize.Analysis, err error) {
	empty := &summarize.Analysis{ArticleID: a.ID, Published: a.Published}
	defer func() {
		if r := recover(); r != nil {
			an, err = empty, fmt.Errorf("%s: analysis failed: %v", cmp.Or(a.Path, a.ID), r)
		}
	}()
	if an = analyze(a); an == nil {
		return empty, nil
	}
	return an, nil
}
