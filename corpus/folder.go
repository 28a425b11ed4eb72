package corpus

import (
	"context"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"
)

// racyWindow is how close to a load a file's modification time may be for
// Folder to read it again even when its size and time are unchanged: a
// file written twice within the file system's time granularity keeps its
// time (git calls this the racy-clean problem).
const racyWindow = 2 * time.Second

// Folder is a corpus on disk, a folder read recursively or a single file,
// loaded incrementally: each Load reads again only the files whose size or
// modification time changed, parses again only those whose content changed
// (by SHA-256), and drops the files that are gone. The articles of the
// files left alone are the very same values, so their analyses can be
// kept. The rules of what is loaded are Load's. A Folder is safe for
// concurrent use.
type Folder struct {
	root string
	opts Options

	mu      sync.Mutex
	isFile  bool                  // the root is a file
	files   map[string]*fileEntry // by path relative to root, "/"-separated
	walkErr []*LoadError          // unreadable folders, of the last Load
}

// fileEntry is one file as last loaded.
type fileEntry struct {
	size     int64
	mod      time.Time
	sum      [32]byte
	loadedAt time.Time
	arts     []Article
	err      *LoadError
}

// FolderChange counts what one Folder.Load did.
type FolderChange struct {
	Parsed    int // files new or changed, parsed
	Unchanged int // files left as they were (some read and hashed, none parsed)
	Removed   int // files gone since the last Load
}

// Changed reports whether the articles may differ from the last Load's.
func (c FolderChange) Changed() bool { return c.Parsed > 0 || c.Removed > 0 }

// NewFolder returns the corpus at root under the default Options; nothing
// is read before Load.
func NewFolder(root string) *Folder {
	return NewFolderWith(root, Options{})
}

// NewFolderWith returns the corpus at root, read under opts.
func NewFolderWith(root string, opts Options) *Folder {
	return &Folder{root: filepath.Clean(root), opts: opts.withDefaults(), files: map[string]*fileEntry{}}
}

// Root returns the folder (or file) the corpus is read from.
func (f *Folder) Root() string { return f.root }

// Load brings the articles up to date with the disk. It returns an error
// only when ctx ended (the files read so far are kept) or the root cannot
// be read at all; a file that fails is one of Articles' errors.
func (f *Folder) Load(ctx context.Context) (FolderChange, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	fi, err := os.Stat(f.root)
	if err != nil {
		return FolderChange{}, fmt.Errorf("load %s: %w", f.root, unwrapPath(err))
	}
	fsys, root := os.DirFS(f.root), "."
	if f.isFile = !fi.IsDir(); f.isFile {
		fsys, root = os.DirFS(filepath.Dir(f.root)), filepath.Base(f.root)
	}
	var ch FolderChange
	seen := map[string]bool{}
	f.walkErr = nil
	visit := func(p string) {
		seen[p] = true
		if f.refresh(fsys, p) {
			ch.Parsed++
		} else {
			ch.Unchanged++
		}
	}
	var walkErr error
	if f.isFile {
		if walkErr = ctx.Err(); walkErr == nil {
			visit(root) // the operator named it: parsed whatever its extension
		}
	} else {
		w := newWalker(fsys, root, f.root, f.opts, f.display)
		walkErr = w.walk(ctx, visit, func(lerr *LoadError) { f.walkErr = append(f.walkErr, lerr) })
	}
	for p := range f.files {
		if !seen[p] && ctx.Err() == nil {
			delete(f.files, p)
			ch.Removed++
		}
	}
	if walkErr != nil {
		return ch, fmt.Errorf("load %s: %w", f.root, walkErr)
	}
	return ch, nil
}

// refresh brings the entry of file p up to date and reports whether it
// was parsed.
func (f *Folder) refresh(fsys fs.FS, p string) bool {
	now := time.Now()
	old := f.files[p]
	fi, err := fs.Stat(fsys, p) // follows a symbolic link
	if err == nil && old != nil && old.size == fi.Size() && old.mod.Equal(fi.ModTime()) && old.loadedAt.Sub(fi.ModTime()) > racyWindow {
		return false
	}
	data, lerr := readFile(fsys, p, f.opts.MaxFileBytes)
	if lerr != nil {
		lerr.Path = f.display(p)
		f.files[p] = &fileEntry{loadedAt: now, err: lerr}
		return true
	}
	sum := sha256.Sum256(data)
	if old != nil && old.err == nil && old.sum == sum {
		old.loadedAt = now
		if err == nil {
			old.size, old.mod = fi.Size(), fi.ModTime()
		}
		return false
	}
	e := &fileEntry{sum: sum, loadedAt: now}
	if err == nil {
		e.size, e.mod = fi.Size(), fi.ModTime()
	}
	e.arts, e.err = parse(p, data, f.opts) // p is relative to the folder, or the base name of a file root
	if e.err != nil {
		e.err.Path = f.display(p)
	}
	f.files[p] = e
	return true
}

// Articles returns the articles as of the last Load, in lexical path
// order (feed items in feed order), and the files that failed or were
// skipped, in the same order, each once.
func (f *Folder) Articles() ([]Article, []*LoadError) {
	f.mu.Lock()
	defer f.mu.Unlock()
	paths := make([]string, 0, len(f.files))
	for p := range f.files {
		paths = append(paths, p)
	}
	slices.SortFunc(paths, comparePaths)
	var (
		arts []Article
		errs = slices.Clone(f.walkErr)
	)
	for _, p := range paths {
		e := f.files[p]
		arts = append(arts, e.arts...)
		if e.err != nil {
			errs = append(errs, e.err)
		}
	}
	slices.SortStableFunc(errs, func(a, b *LoadError) int {
		return comparePaths(filepath.ToSlash(a.Path), filepath.ToSlash(b.Path))
	})
	return arts, errs
}

// comparePaths orders paths as fs.WalkDir visits them: folder by folder,
// entries in lexical order.
func comparePaths(a, b string) int {
	return slices.Compare(strings.Split(a, "/"), strings.Split(b, "/"))
}

// display returns the path a *LoadError names for file p: the host path.
func (f *Folder) display(p string) string {
	if f.isFile {
		return f.root
	}
	return filepath.Join(f.root, filepath.FromSlash(p))
}
