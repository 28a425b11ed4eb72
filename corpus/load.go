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
// file is an error rather than silence. A symbolic link to a file under
// root loads as the file; one that leads outside root is skipped with a
// *LoadError wrapping ErrSymlink unless Options.FollowSymlinks, and so is a
// broken link or a loop. A named pipe, socket or device with a supported
// extension is skipped with ErrNotRegular: it is never opened.
//
// Each file that fails yields exactly one *LoadError, whose Path is the
// file's path in fsys (root joined with the relative path, so the operator
// can find it); the other files still load. If ctx is done, LoadFS stops
// before the next file and returns what it loaded plus a *LoadError for root
// wrapping ctx.Err().
func LoadFS(ctx context.Context, fsys fs.FS, root string) ([]Article, []*LoadError) {
	return LoadFSWith(ctx, fsys, root, Options{})
}

// LoadFSWith is LoadFS under opts. A symbolic link in fsys is judged by
// its target as fs.ReadLink gives it, resolved lexically: a link of an
// fs.FS that cannot read links is not followed unless opts.FollowSymlinks.
func LoadFSWith(ctx context.Context, fsys fs.FS, root string, opts Options) ([]Article, []*LoadError) {
	return loadFS(ctx, fsys, root, "", opts.withDefaults(), func(p string) string { return p })
}

// Load loads the articles under path, a directory or a single file, by the
// rules of LoadFS. Article.Path is relative to the directory, or the file's
// base name; a *LoadError names the file as path joined with that relative
// path, in the host's separators.
func Load(ctx context.Context, path string) ([]Article, []*LoadError) {
	return LoadWith(ctx, path, Options{})
}

// LoadWith is Load under opts. A file named by path itself is read even
// when path is a symbolic link leading anywhere: the operator named it.
func LoadWith(ctx context.Context, path string, opts Options) ([]Article, []*LoadError) {
	opts = opts.withDefaults()
	fi, err := os.Stat(path)
	if err != nil {
		return nil, []*LoadError{{Path: path, Err: unwrapPath(err)}}
	}
	if fi.IsDir() {
		return loadFS(ctx, os.DirFS(path), ".", path, opts, func(p string) string {
			return filepath.Join(path, filepath.FromSlash(p))
		})
	}
	return loadFS(ctx, os.DirFS(filepath.Dir(path)), filepath.Base(path), "", opts, func(string) string { return path })
}

// loadFS implements LoadFSWith; host is the host folder fsys is os.DirFS
// of ("" for another fs.FS), display turns a path in fsys into the path a
// *LoadError reports.
func loadFS(ctx context.Context, fsys fs.FS, root, host string, opts Options, display func(string) string) ([]Article, []*LoadError) {
	root = path.Clean(root)
	fi, err := fs.Stat(fsys, root)
	if err != nil {
		return nil, []*LoadError{{Path: display(root), Err: unwrapPath(err)}}
	}
	if !fi.IsDir() {
		if err := ctx.Err(); err != nil {
			return nil, []*LoadError{{Path: display(root), Err: err}}
		}
		arts, lerr := loadFile(fsys, root, path.Base(root), opts)
		if lerr != nil {
			lerr.Path = display(root)
			return arts, []*LoadError{lerr}
		}
		return arts, nil
	}

	read := func(p string) ([]byte, *LoadError) { return readFile(fsys, p, opts.MaxFileBytes) }
	if host != "" && readsHost { // os.DirFS(host): the file is host/p
		read = func(p string) ([]byte, *LoadError) { return readHostFile(host+"/"+p, opts.MaxFileBytes) }
	}
	w := newWalker(fsys, root, host, opts, display)
	return loadParallel(ctx, w, func(p string) ([]Article, *LoadError) {
		rel := p
		if root != "." {
			rel = strings.TrimPrefix(p, root+"/")
		}
		var a []Article
		data, lerr := read(p)
		if lerr == nil {
			a, lerr = parse(rel, data, opts)
		}
		if lerr != nil {
			lerr.Path = display(p)
		}
		return a, lerr
	}, display(root))
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
func loadFile(fsys fs.FS, p, rel string, opts Options) ([]Article, *LoadError) {
	data, lerr := readFile(fsys, p, opts.MaxFileBytes)
	if lerr != nil {
		return nil, lerr
	}
	return parse(rel, data, opts)
}

// readFile reads the file at p in fsys, refusing one over limit bytes, or
// one that is not a regular file (a named pipe would block), before
// opening it.
func readFile(fsys fs.FS, p string, limit int64) ([]byte, *LoadError) {
	size := int64(512) // a guess, when Stat fails
	if fi, err := fs.Stat(fsys, p); err == nil {
		if !fi.Mode().IsRegular() {
			return nil, &LoadError{Err: notRegular(fi.Mode().Type())}
		}
		if fi.Size() > limit {
			return nil, &LoadError{Err: tooLarge(fi.Size(), limit)}
		}
		size = fi.Size()
	}
	f, err := fsys.Open(p)
	if err != nil {
		return nil, &LoadError{Err: fmt.Errorf("read: %w", unwrapPath(err))}
	}
	defer f.Close() // read-only: a close error loses nothing
	data, err := readAll(io.LimitReader(f, limit+1), size+1)
	if err != nil {
		return nil, &LoadError{Err: fmt.Errorf("read: %w", unwrapPath(err))}
	}
	if int64(len(data)) > limit { // it grew since the Stat
		return nil, &LoadError{Err: tooLarge(int64(len(data)), limit)}
	}
	return data, nil
}

// readAll is io.ReadAll into a buffer of capacity size to begin with: a
// file read at the size Stat gave it is read without growing the buffer
// (one byte more, to see the end of file in the same buffer).
func readAll(r io.Reader, size int64) ([]byte, error) {
	b := make([]byte, 0, size)
	for {
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return b, err
		}
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)] // grow
		}
	}
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
