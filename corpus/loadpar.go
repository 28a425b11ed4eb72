package corpus

import (
	"context"
	"runtime"
	"sync"
)

// loadResult is what loading one walked entry gave: the articles of a
// file and its error, or the error of an entry the walk skipped (a link
// not followed, an unreadable folder), which has no file to load.
type loadResult struct {
	path string // the file to load; "" for a skipped entry
	arts []Article
	err  *LoadError
}

// loadParallel walks w and loads each file it finds with load on
// runtime.GOMAXPROCS workers, while the walk goes on. It returns the
// articles and errors in walk order, as a sequential load would: each
// file's articles and error, and each skipped entry's error, in the order
// the walk met them. rootPath names root in the *LoadError of a done ctx.
//
// If ctx ends, the walk stops, the workers stop before their next file,
// and loadParallel returns the results of the files loaded before the
// first one not loaded, plus a *LoadError for root wrapping ctx.Err(). Every
// goroutine it starts has returned when it returns.
func loadParallel(ctx context.Context, w *walker, load func(p string) ([]Article, *LoadError), rootPath string) ([]Article, []*LoadError) {
	workers := runtime.GOMAXPROCS(0)
	jobs := make(chan *loadResult, 4*workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for r := range jobs {
				if ctx.Err() != nil {
					continue // drain: the walk may still be sending
				}
				r.arts, r.err = load(r.path)
				r.path = "" // marks it loaded
			}
		})
	}
	var results []*loadResult // in walk order; only this goroutine appends
	walkErr := w.walk(ctx, func(p string) {
		r := &loadResult{path: p}
		results = append(results, r)
		jobs <- r
	}, func(lerr *LoadError) {
		results = append(results, &loadResult{err: lerr})
	})
	close(jobs)
	wg.Wait() // the workers' writes to results happen before this returns

	var (
		arts []Article
		errs []*LoadError
	)
	for _, r := range results {
		if r.path != "" { // never loaded: ctx ended first
			if walkErr == nil {
				walkErr = ctx.Err()
			}
			break
		}
		arts = append(arts, r.arts...)
		if r.err != nil {
			errs = append(errs, r.err)
		}
	}
	if walkErr != nil {
		errs = append(errs, &LoadError{Path: rootPath, Err: walkErr})
	}
	return arts, errs
}
