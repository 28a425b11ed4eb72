package corpus

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// LoadFS loads the articles under root in fsys: every supported file (see
// Parse) in root and its subdirectories, in lexical path order, feed items in
// feed order. Article.Path is the file's path relative to root with "/"
// separators, or its base name when root is itself a file.
//
// While walking a directory, LoadFS silently skips dotfiles and dot
// directories (".git", ".DS_Store"), files named README* or LICENSE*/LICENCE*
// (any case), and files whose extension Parse does not support (gold.json,
// images). A root that is a file is always parsed, so naming an unsupported
// file is an error rather than silence.
//
// Each file that fails yields exactly one *LoadError, whose Path is the
// file's path in fsys (root joined with the relative path, so the operator
// can find it); the other files still load. If ctx is done, LoadFS stops
// before the next file and returns what it loaded plus a *LoadError for root
// wrapping ctx.Err().
func LoadFS(ctx context.Context, fsys fs.FS, root string) ([]Article, []*LoadError) {
	return loadFS(ctx, fsys, root, func(p string) string { return p })
}

// Load loads the articles under path, a directory or a single file, by the
// rules of LoadFS. Article.Path is relative to the directory, or the file's
// base name; a *LoadError names the file as path joined with that relative
// path, in the host's separators.
func Load(ctx context.Context, path string) ([]Article, []*LoadError) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, []*LoadError{{Path: path, Err: unwrapPath(err)}}
	}
	if fi.IsDir() {
		return loadFS(ctx, os.DirFS(path), ".", func(p string) string {
			return filepath.Join(path, filepath.FromSlash(p))
		})
	}
	return loadFS(ctx, os.DirFS(filepath.Dir(path)), filepath.Base(path), func(string) string { return path })
}

// loadFS implements LoadFS; display turns a path in fsys into the path a
// *LoadError reports.
func loadFS(ctx context.Context, fsys fs.FS, root string, display func(string) string) ([]Article, []*LoadError) {
	root = path.Clean(root)
	fi, err := fs.Stat(fsys, root)
	if err != nil {
		return nil, []*LoadError{{Path: display(root), Err: unwrapPath(err)}}
	}
	if !fi.IsDir() {
		if err := ctx.Err(); err != nil {
			return nil, []*LoadError{{Path: display(root), Err: err}}
		}
		arts, lerr := loadFile(fsys, root, path.Base(root))
		if lerr != nil {
			lerr.Path = display(root)
			return arts, []*LoadError{lerr}
		}
		return arts, nil
	}

	var (
		arts []Article
		errs []*LoadError
	)
	walkErr := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		if p != root && skipped(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if err != nil { // an unreadable directory: report it, walk on
			errs = append(errs, &LoadError{Path: display(p), Err: fmt.Errorf("read: %w", unwrapPath(err))})
			return nil
		}
		if d.IsDir() || formatOf(p) == "" || !(d.Type().IsRegular() || d.Type()&fs.ModeSymlink != 0) {
			return nil
		}
		rel := p
		if root != "." {
			rel = strings.TrimPrefix(p, root+"/")
		}
		a, lerr := loadFile(fsys, p, rel)
		arts = append(arts, a...)
		if lerr != nil {
			lerr.Path = display(p)
			errs = append(errs, lerr)
		}
		return nil
	})
	if walkErr != nil {
		errs = append(errs, &LoadError{Path: display(root), Err: walkErr})
	}
	return arts, errs
}

// skipped reports whether a directory entry named name is left out of a
// walk: dotfiles and directories, READMEs and licences.
func skipped(name string) bool {
	upper := strings.ToUpper(name)
	return strings.HasPrefix(name, ".") ||
		strings.HasPrefix(upper, "README") ||
		strings.HasPrefix(upper, "LICENSE") ||
		strings.HasPrefix(upper, "LICENCE")
}

// loadFile reads and parses the file at p in fsys as the article path rel.
// Files over MaxFileSize are rejected before they are read.
func loadFile(fsys fs.FS, p, rel string) ([]Article, *LoadError) {
	data, lerr := readFile(fsys, p)
	if lerr != nil {
		return nil, lerr
	}
	return parse(rel, data)
}

// readFile reads the file at p in fsys, refusing one over MaxFileSize
// before reading it.
func readFile(fsys fs.FS, p string) ([]byte, *LoadError) {
	f, err := fsys.Open(p)
	if err != nil {
		return nil, &LoadError{Err: fmt.Errorf("read: %w", unwrapPath(err))}
	}
	defer f.Close() // read-only: a close error loses nothing
	if fi, err := f.Stat(); err == nil && fi.Size() > MaxFileSize {
		return nil, &LoadError{Err: tooLarge(fi.Size())}
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, &LoadError{Err: fmt.Errorf("read: %w", unwrapPath(err))}
	}
	return data, nil
}

// unwrapPath drops the *fs.PathError layer, whose path the *LoadError
// already names.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
