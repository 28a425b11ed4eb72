package corpus

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"strings"
	"syscall"
)

// maxLinkDepth bounds the folders walked through followed links inside
// one another, and the links a chain may hold: past it, a link is a loop.
const maxLinkDepth = 40

// walker walks a corpus folder for loadFS and Folder: it finds the files
// to load, in lexical path order, and reports each entry it skips for a
// reason the operator should see (a link not followed, a named pipe), one
// *LoadError each. Dotfiles, READMEs, licences and unsupported extensions
// are left out silently (see LoadFS).
type walker struct {
	fsys    fs.FS
	root    string // the folder in fsys, cleaned
	opts    Options
	display func(string) string // a path in fsys as a *LoadError names it

	// host is the host folder fsys is os.DirFS of; "" when fsys is some
	// other fs.FS, whose links are then resolved lexically (fs.ReadLink).
	host     string
	realRoot string          // host: the root with its links resolved
	visited  map[string]bool // folders walked through a followed link
}

// newWalker returns a walker of root in fsys; host is the host folder
// fsys is os.DirFS of, or "".
func newWalker(fsys fs.FS, root, host string, opts Options, display func(string) string) *walker {
	w := &walker{fsys: fsys, root: path.Clean(root), opts: opts, display: display, host: host, visited: map[string]bool{}}
	if host != "" {
		w.realRoot = realPath(filepath.Join(host, filepath.FromSlash(w.root)))
	}
	return w
}

// walk calls load for each file to load and bad for each entry skipped
// with a reason. It returns ctx's error if ctx ends first.
func (w *walker) walk(ctx context.Context, load func(p string), bad func(*LoadError)) error {
	return w.walkDir(ctx, w.root, 0, load, bad)
}

func (w *walker) walkDir(ctx context.Context, dir string, depth int, load func(string), bad func(*LoadError)) error {
	return fs.WalkDir(w.fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		if p != dir && skipped(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if err != nil { // an unreadable folder: report it, walk on
			bad(&LoadError{Path: w.display(p), Err: fmt.Errorf("read: %w", unwrapPath(err))})
			return nil
		}
		switch t := d.Type(); {
		case d.IsDir():
		case t&fs.ModeSymlink != 0:
			return w.link(ctx, p, depth, load, bad)
		case formatOf(p) == "":
		case !t.IsRegular():
			bad(&LoadError{Path: w.display(p), Err: notRegular(t)})
		default:
			load(p)
		}
		return nil
	})
}

// link handles the symbolic link p: a file inside the root is loaded, a
// folder inside it left to the walk, and a target outside it followed
// only when Options.FollowSymlinks is set.
func (w *walker) link(ctx context.Context, p string, depth int, load func(string), bad func(*LoadError)) error {
	report := func(err error) { bad(&LoadError{Path: w.display(p), Err: err}) }
	target, fi, inside, err := w.resolve(p)
	switch {
	case err != nil && path.Ext(p) != "" && formatOf(p) == "":
		// a broken link to an image or the like: not an article either way
	case errors.Is(err, fs.ErrNotExist):
		report(fmt.Errorf("%w: its target does not exist", ErrSymlink))
	case err != nil && (errors.Is(err, syscall.ELOOP) || strings.Contains(err.Error(), "too many links")):
		report(fmt.Errorf("%w: a loop of links", ErrSymlink))
	case err != nil:
		report(fmt.Errorf("%w: %v", ErrSymlink, unwrapPath(err)))
	case fi.IsDir() && inside:
		// the walk reaches the folder by its own path
	case fi.IsDir() && !w.opts.FollowSymlinks:
		report(fmt.Errorf("%w: it leads to the folder %s, outside the corpus root (follow_symlinks is off)", ErrSymlink, target))
	case fi.IsDir() && (w.visited[target] || depth >= maxLinkDepth):
		report(fmt.Errorf("%w: it leads back to the folder %s, already walked (a loop)", ErrSymlink, target))
	case fi.IsDir():
		w.visited[target] = true
		return w.walkDir(ctx, p, depth+1, load, bad)
	case formatOf(p) == "":
	case !fi.Mode().IsRegular():
		report(notRegular(fi.Mode().Type()))
	case !inside && !w.opts.FollowSymlinks:
		report(fmt.Errorf("%w: it leads to %s, outside the corpus root (follow_symlinks is off)", ErrSymlink, target))
	default:
		load(p)
	}
	return nil
}

// resolve follows the link p to its final target: its host path (a path
// in fsys for a plain fs.FS), what it is, and whether it lies under the
// root.
func (w *walker) resolve(p string) (target string, fi fs.FileInfo, inside bool, err error) {
	if w.host != "" {
		real, err := filepath.EvalSymlinks(filepath.Join(w.host, filepath.FromSlash(p)))
		if err != nil {
			return "", nil, false, err
		}
		real = realPath(real)
		fi, err := fs.Stat(w.fsys, p)
		if err != nil {
			return "", nil, false, err
		}
		rel, err := filepath.Rel(w.realRoot, real)
		inside := err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
		return real, fi, inside, nil
	}
	cur, end := p, false
	for range maxLinkDepth {
		t, err := fs.ReadLink(w.fsys, cur)
		if err != nil { // an fs.FS that cannot read links: take it for outside
			cur, end = "/"+p, true
			break
		}
		if path.IsAbs(t) {
			cur, end = t, true
			break
		}
		cur = path.Join(path.Dir(cur), t)
		if l, err := fs.Lstat(w.fsys, cur); err != nil || l.Mode()&fs.ModeSymlink == 0 {
			end = true
			break
		}
	}
	if !end { // never Stat a loop: not every fs.FS bounds one
		return "", nil, false, syscall.ELOOP
	}
	fi, err = fs.Stat(w.fsys, p)
	if err != nil {
		return "", nil, false, err
	}
	inside = !path.IsAbs(cur) && cur != ".." && !strings.HasPrefix(cur, "../") &&
		(w.root == "." || cur == w.root || strings.HasPrefix(cur, w.root+"/"))
	return cur, fi, inside, nil
}

// realPath returns p absolute with its links resolved, as far as it can:
// a relative root and an absolute link target must compare.
func realPath(p string) string {
	if abs, err := filepath.Abs(p); err == nil {
		p = abs
	}
	if real, err := filepath.EvalSymlinks(p); err == nil {
		return real
	}
	return p // the walk reports what cannot be read
}

// notRegular is the error of a file that is neither a regular file nor a
// folder: reading a named pipe would block the load for ever.
func notRegular(t fs.FileMode) error {
	kind := "a special file"
	switch {
	case t&fs.ModeNamedPipe != 0:
		kind = "a named pipe"
	case t&fs.ModeSocket != 0:
		kind = "a socket"
	case t&fs.ModeDevice != 0:
		kind = "a device"
	}
	return fmt.Errorf("%w: %s", ErrNotRegular, kind)
}
