package corpus

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// DefaultDebounce is how long a Watcher waits for the files to settle: an
// editor or a copy writes a file in several steps, and a folder of files
// arrives one file at a time.
const DefaultDebounce = 500 * time.Millisecond

// Watcher watches a corpus on disk, a folder (and its subfolders, however
// they are added later) or a single file, and reports when its articles
// may have changed.
type Watcher struct {
	root     string
	file     string // the watched file when root is one, else ""
	debounce time.Duration
	log      *slog.Logger
	w        *fsnotify.Watcher
	follow   bool            // watch the folders outside root that links lead to
	linked   map[string]bool // those folders watched, by real path
}

// NewWatcher starts watching root. Changes are reported, debounced, by
// Run; Run also releases the watch when it returns. A debounce of 0 means
// DefaultDebounce.
func NewWatcher(root string, debounce time.Duration, log *slog.Logger) (*Watcher, error) {
	return NewWatcherWith(root, debounce, log, Options{})
}

// NewWatcherWith is NewWatcher for a corpus read under opts: with
// FollowSymlinks, the folders outside root that links lead to are watched
// too, each once.
func NewWatcherWith(root string, debounce time.Duration, log *slog.Logger, opts Options) (*Watcher, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if debounce <= 0 {
		debounce = DefaultDebounce
	}
	fi, err := os.Stat(root)
	if err != nil {
		return nil, fmt.Errorf("watch %s: %w", root, err)
	}
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("watch %s: %w", root, err)
	}
	cw := &Watcher{root: filepath.Clean(root), debounce: debounce, log: log, w: fw, follow: opts.FollowSymlinks, linked: map[string]bool{}}
	if fi.IsDir() {
		err = cw.addTree(cw.root)
	} else {
		cw.file = cw.root
		err = fw.Add(filepath.Dir(cw.root))
	}
	if err != nil {
		fw.Close() // the Add error is the one to report
		return nil, fmt.Errorf("watch %s: %w", root, err)
	}
	return cw, nil
}

// Run calls changed each time the articles may have changed, once the
// files have been quiet for the debounce time, until ctx ends; then it
// stops watching and returns nil. changed runs on Run's goroutine, so two
// calls never overlap. Run returns an error if the watch breaks down.
func (cw *Watcher) Run(ctx context.Context, changed func(context.Context)) error {
	defer cw.w.Close() // nothing is left to report after the watch ends
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	defer timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-cw.w.Events:
			if !ok {
				return errors.New("watch corpus: the watcher closed")
			}
			if cw.relevant(ev) {
				cw.log.Debug("corpus changed", "path", ev.Name, "op", ev.Op.String())
				timer.Reset(cw.debounce)
			}
		case err, ok := <-cw.w.Errors:
			if !ok {
				return errors.New("watch corpus: the watcher closed")
			}
			// An overflow loses events, not the watch: reload to be safe.
			cw.log.Warn("watch corpus", "err", err)
			timer.Reset(cw.debounce)
		case <-timer.C:
			changed(ctx)
		}
	}
}

// relevant reports whether ev may change the articles, and watches a
// folder it creates.
func (cw *Watcher) relevant(ev fsnotify.Event) bool {
	if ev.Op == fsnotify.Chmod {
		return false
	}
	if cw.file != "" {
		return filepath.Clean(ev.Name) == cw.file
	}
	if skipped(filepath.Base(ev.Name)) {
		return false
	}
	if ev.Has(fsnotify.Create) {
		if fi, err := os.Stat(ev.Name); err == nil && fi.IsDir() {
			if err := cw.addTree(ev.Name); err != nil {
				cw.log.Warn("watch new folder", "path", ev.Name, "err", err)
			}
			return true // it may have arrived with files in it
		}
	}
	// A removed or renamed folder has no extension: reload for it too.
	return formatOf(ev.Name) != "" || ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename)
}

// addTree watches dir and every folder under it that a load would read.
func (cw *Watcher) addTree(dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir {
				return err
			}
			cw.log.Warn("watch corpus folder", "path", p, "err", err)
			return nil
		}
		if p != dir && skipped(d.Name()) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 && cw.follow {
			cw.addLinked(p)
		}
		if !d.IsDir() {
			return nil
		}
		return cw.w.Add(p)
	})
}

// addLinked watches the folder the link p leads to, if it is one outside
// the root not watched yet.
func (cw *Watcher) addLinked(p string) {
	if _, err := filepath.EvalSymlinks(p); err != nil {
		return // a broken link or a loop: the load reports it
	}
	real, root := realPath(p), realPath(cw.root)
	fi, err := os.Stat(real)
	rel, rerr := filepath.Rel(root, real)
	inside := rerr == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
	if err != nil || !fi.IsDir() || inside || cw.linked[real] || len(cw.linked) >= maxLinkedFolders {
		return
	}
	cw.linked[real] = true
	if err := cw.addTree(real); err != nil {
		cw.log.Warn("watch linked corpus folder", "path", p, "err", err)
	}
}

// maxLinkedFolders bounds the folders reached through links a Watcher
// watches: each costs an inotify watch of the system's limited number.
const maxLinkedFolders = 1000
