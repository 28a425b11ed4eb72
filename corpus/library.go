package corpus

import (
	"cmp"
	"context"
	"fmt"
	"log/slog"
	"sync"
	"time"
)

// LibraryOptions configure a Library.
type LibraryOptions struct {
	Folder    string        // the corpus on disk (a folder or a file), watched; "" for none
	Files     Options       // how the folder's files are read: size cap, feed items, links
	Fixed     []Article     // articles that never change (the built-in example corpus)
	FixedName string        // where Fixed comes from, for Sources
	Feeds     []FeedOptions // feed URLs, each polled on its own interval
	Debounce  time.Duration // of the folder's watch: DefaultDebounce when 0
	// Publish receives the whole corpus, folder then fixed then feed
	// articles, each time it changed; calls never overlap. Required.
	Publish func(ctx context.Context, arts []Article, errs []*LoadError) error
	Logger  *slog.Logger // discards when nil
}

// Library is the live corpus: a folder reloaded file by file as it
// changes, fixed articles, and feeds polled on their own intervals. Load
// brings it all up to date at once (at start-up, and for the reload
// command); Run keeps it up to date until its context ends.
type Library struct {
	opts   LibraryOptions
	folder *Folder
	feeds  []*Feed
	log    *slog.Logger

	mu        sync.Mutex // serialises publishing; guards what follows
	published bool
	folderErr error
	folderAt  time.Time
	count     int // articles last published
}

// Report says what one Library.Load did.
type Report struct {
	Folder       FolderChange
	FeedsPolled  int
	FeedsChanged int
	Failed       []error // the folder or feeds that could not be read
	Articles     int     // in the corpus published (before Dedupe)
	Errors       int     // files and feed items that could not be loaded
}

// NewLibrary returns a library; nothing is read before Load.
func NewLibrary(opts LibraryOptions) *Library {
	l := &Library{opts: opts, log: cmp.Or(opts.Logger, slog.New(slog.DiscardHandler))}
	if opts.Folder != "" {
		l.folder = NewFolderWith(opts.Folder, opts.Files)
	}
	for _, fo := range opts.Feeds {
		l.feeds = append(l.feeds, NewFeed(fo))
	}
	return l
}

// Load reloads what changed in the folder and polls every feed now (in
// parallel), then publishes the corpus if it changed or was never
// published. It returns an error only when publishing failed or ctx ended;
// a folder or feed that could not be read is in Report.Failed and keeps
// its previous articles.
func (l *Library) Load(ctx context.Context) (Report, error) {
	var r Report
	if l.folder != nil {
		ch, err := l.loadFolder(ctx)
		r.Folder = ch
		if err != nil {
			r.Failed = append(r.Failed, err)
		}
	}
	var (
		wg      sync.WaitGroup
		mu      sync.Mutex
		changed = r.Folder.Changed()
	)
	for _, f := range l.feeds {
		wg.Go(func() {
			ch, err := f.Poll(ctx)
			mu.Lock()
			defer mu.Unlock()
			r.FeedsPolled++
			if err != nil {
				r.Failed = append(r.Failed, err)
			} else if ch {
				r.FeedsChanged++
				changed = true
			}
		})
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return r, fmt.Errorf("load corpus: %w", err)
	}
	n, errs, err := l.publish(ctx, changed)
	r.Articles, r.Errors = n, errs
	return r, err
}

// loadFolder loads the folder and records how it went.
func (l *Library) loadFolder(ctx context.Context) (FolderChange, error) {
	ch, err := l.folder.Load(ctx)
	l.mu.Lock()
	l.folderErr, l.folderAt = err, time.Now()
	l.mu.Unlock()
	return ch, err
}

// publish hands the corpus to Publish when changed, or when it was never
// published, and returns its size and error count.
func (l *Library) publish(ctx context.Context, changed bool) (int, int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	var (
		arts []Article
		errs []*LoadError
	)
	if l.folder != nil {
		arts, errs = l.folder.Articles()
	}
	arts = append(arts, l.opts.Fixed...)
	for _, f := range l.feeds {
		arts = append(arts, f.Articles()...)
		if s := f.Status().Skipped; s != nil {
			errs = append(errs, s)
		}
	}
	if !changed && l.published {
		return l.count, len(errs), nil
	}
	if err := l.opts.Publish(ctx, arts, errs); err != nil {
		return len(arts), len(errs), fmt.Errorf("publish corpus: %w", err)
	}
	l.published, l.count = true, len(arts)
	return len(arts), len(errs), nil
}

// Loaded reports whether the corpus was published at least once.
func (l *Library) Loaded() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.published
}

// Run keeps the corpus up to date until ctx ends: it watches the folder
// (reloading only the files that changed, once they settle) and polls each
// feed after its Next wait. Call Load first: Run does not load at start.
// When the folder's watch cannot start or breaks down, Run logs it, keeps
// polling the feeds, and returns that error once ctx ends; otherwise it
// returns nil.
func (l *Library) Run(ctx context.Context) error {
	var wg sync.WaitGroup
	defer wg.Wait() // after the feeds' loops saw ctx end
	for _, f := range l.feeds {
		wg.Go(func() { l.pollLoop(ctx, f) })
	}
	if l.folder == nil {
		<-ctx.Done()
		return nil
	}
	err := l.watch(ctx)
	if err != nil {
		l.log.Error("corpus folder watch stopped: the folder is no longer reloaded (reload still works)", "err", err)
		<-ctx.Done()
	}
	return err
}

// watch reloads the folder as it changes until ctx ends.
func (l *Library) watch(ctx context.Context) error {
	w, err := NewWatcherWith(l.folder.Root(), l.opts.Debounce, l.log, l.opts.Files)
	if err != nil {
		return fmt.Errorf("watch corpus: %w", err)
	}
	return w.Run(ctx, func(ctx context.Context) {
		ch, err := l.loadFolder(ctx)
		if err != nil && ctx.Err() == nil {
			l.log.Warn("reload corpus folder", "err", err)
		}
		if n, errs, err := l.publish(ctx, ch.Changed()); err != nil {
			l.log.Error("reload corpus", "err", err)
		} else if ch.Changed() {
			l.log.Info("corpus folder reloaded", "parsed", ch.Parsed, "unchanged", ch.Unchanged, "removed", ch.Removed, "articles", n, "load_errors", errs)
		}
	})
}

// pollLoop polls f after each Next wait until ctx ends.
func (l *Library) pollLoop(ctx context.Context, f *Feed) {
	for {
		t := time.NewTimer(f.Next())
		select {
		case <-ctx.Done():
			t.Stop()
			return
		case <-t.C:
		}
		changed, err := f.Poll(ctx)
		if err != nil {
			if ctx.Err() == nil {
				l.log.Warn("poll feed", "feed", f.URL(), "err", err, "next", f.Next())
			}
			continue
		}
		if !changed {
			continue
		}
		if n, _, err := l.publish(ctx, true); err != nil {
			l.log.Error("publish corpus", "err", err)
		} else {
			l.log.Info("feed changed", "feed", f.URL(), "feed_articles", f.Status().Articles, "articles", n)
		}
	}
}

// SourceStatus describes one place the corpus comes from.
type SourceStatus struct {
	Kind     string    // "folder", "built-in" or "feed"
	Location string    // the path, the name or the URL
	Articles int       // articles it holds now
	Err      string    // its last failure, "" when the last load or poll went well
	Checked  time.Time // its last load or poll; zero before the first (and for built-in)
}

// Sources returns the places the corpus comes from, the folder first,
// then the fixed articles, then the feeds in configuration order.
func (l *Library) Sources() []SourceStatus {
	var out []SourceStatus
	if l.folder != nil {
		arts, _ := l.folder.Articles()
		l.mu.Lock()
		s := SourceStatus{Kind: "folder", Location: l.folder.Root(), Articles: len(arts), Checked: l.folderAt}
		if l.folderErr != nil {
			s.Err = l.folderErr.Error()
		}
		l.mu.Unlock()
		out = append(out, s)
	}
	if len(l.opts.Fixed) > 0 {
		out = append(out, SourceStatus{Kind: "built-in", Location: l.opts.FixedName, Articles: len(l.opts.Fixed)})
	}
	for _, f := range l.feeds {
		st := f.Status()
		s := SourceStatus{Kind: "feed", Location: f.URL(), Articles: st.Articles, Checked: st.Polled}
		if st.Err != nil {
			s.Err = st.Err.Error()
		}
		out = append(out, s)
	}
	return out
}
