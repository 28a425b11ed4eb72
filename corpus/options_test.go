package corpus_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/briefbot/briefbot/corpus"
)

// linkTree makes a corpus root and a folder outside it, linked in every
// way a corpus may be: it returns the root.
func linkTree(t *testing.T) string {
	t.Helper()
	root, outside := t.TempDir(), t.TempDir()
	for p, text := range map[string]string{
		filepath.Join(root, "a.md"):             "A\n\nBody a.",
		filepath.Join(root, "sub", "c.md"):      "C\n\nBody c.",
		filepath.Join(outside, "x.md"):          "X\n\nBody x, outside.",
		filepath.Join(outside, "dir", "y.md"):   "Y\n\nBody y, outside.",
		filepath.Join(outside, "dir", "z.jpeg"): "not an article",
	} {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for link, target := range map[string]string{
		filepath.Join(root, "in-link.md"):         "a.md",                         // inside: loads
		filepath.Join(root, "sub-link"):           "sub",                          // a folder inside: walked by its own path
		filepath.Join(root, "out-link.md"):        filepath.Join(outside, "x.md"), // leaves the root
		filepath.Join(root, "out-dir"):            filepath.Join(outside, "dir"),  // a folder outside
		filepath.Join(root, "self.md"):            "self.md",                      // a loop
		filepath.Join(outside, "dir", "again"):    filepath.Join(root, "out-dir"), // back into the followed folder
		filepath.Join(outside, "dir", "root-dir"): root,                           // back to the root: inside
	} {
		if err := os.Symlink(target, link); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
	}
	return root
}

func TestSymlinks(t *testing.T) {
	tests := []struct {
		follow    bool
		wantPaths []string
		wantErrs  []string // file: reason prefix
	}{
		{false, []string{"a.md", "in-link.md", "sub/c.md"}, []string{
			"out-dir: symbolic link not followed: it leads to the folder ",
			"out-link.md: symbolic link not followed: it leads to ",
			"self.md: symbolic link not followed: a loop of links",
		}},
		{true, []string{"a.md", "in-link.md", "out-dir/y.md", "out-link.md", "sub/c.md"}, []string{
			"out-dir/again: symbolic link not followed: it leads back to the folder ",
			"self.md: symbolic link not followed: a loop of links",
		}},
	}
	for _, tt := range tests {
		root := linkTree(t)
		opts := corpus.Options{FollowSymlinks: tt.follow}
		folder := corpus.NewFolderWith(root, opts)
		if _, err := folder.Load(t.Context()); err != nil {
			t.Fatal(err)
		}
		fa, fe := folder.Articles()
		la, le := corpus.LoadWith(t.Context(), root, opts)
		for name, got := range map[string]struct {
			arts []corpus.Article
			errs []*corpus.LoadError
		}{"LoadWith": {la, le}, "Folder": {fa, fe}} {
			if p := paths(got.arts); !slices.Equal(p, tt.wantPaths) {
				t.Errorf("%s follow=%v: paths %q, want %q", name, tt.follow, p, tt.wantPaths)
			}
			if len(got.errs) != len(tt.wantErrs) {
				t.Errorf("%s follow=%v: errors %q, want %d", name, tt.follow, errStrings(got.errs), len(tt.wantErrs))
				continue
			}
			for i, e := range got.errs {
				rel, _ := filepath.Rel(root, e.Path)
				if line := filepath.ToSlash(rel) + ": " + e.Err.Error(); !strings.HasPrefix(line, tt.wantErrs[i]) || !errors.Is(e, corpus.ErrSymlink) {
					t.Errorf("%s follow=%v: error %q, want %q… wrapping ErrSymlink", name, tt.follow, line, tt.wantErrs[i])
				}
			}
		}
	}
}

// TestLoadFSSymlinks judges the links of an fs.FS by their targets within
// it.
func TestLoadFSSymlinks(t *testing.T) {
	fsys := fstest.MapFS{
		"news/a.md":      file("A\n\nBody a."),
		"news/in.md":     {Data: []byte("a.md"), Mode: fs.ModeSymlink},
		"news/out.md":    {Data: []byte("../other/x.md"), Mode: fs.ModeSymlink},
		"other/x.md":     file("X\n\nBody x."),
		"news/loop.md":   {Data: []byte("loop.md"), Mode: fs.ModeSymlink},
		"news/broken.md": {Data: []byte("gone.md"), Mode: fs.ModeSymlink},
	}
	tests := []struct {
		follow    bool
		wantPaths []string
		wantErrs  int
	}{
		{false, []string{"a.md", "in.md"}, 3},
		{true, []string{"a.md", "in.md", "out.md"}, 2},
	}
	for _, tt := range tests {
		arts, errs := corpus.LoadFSWith(t.Context(), fsys, "news", corpus.Options{FollowSymlinks: tt.follow})
		if p := paths(arts); !slices.Equal(p, tt.wantPaths) || len(errs) != tt.wantErrs {
			t.Errorf("follow=%v: paths %q, errors %q; want %q and %d errors", tt.follow, p, errStrings(errs), tt.wantPaths, tt.wantErrs)
		}
		for _, e := range errs {
			if !errors.Is(e, corpus.ErrSymlink) {
				t.Errorf("follow=%v: %v does not wrap ErrSymlink", tt.follow, e)
			}
		}
	}
}

func TestOptionLimits(t *testing.T) {
	feed := `<rss version="2.0"><channel><title>F</title>` +
		`<item><title>T</title><guid>g</guid><description>Body.</description></item>` +
		`<item><title>T2</title><guid>g2</guid><description>Body two.</description></item>` +
		`<item><title>T3</title><guid>g3</guid><description>Body three.</description></item></channel></rss>`
	fsys := fstest.MapFS{
		"small.md": file("Small\n\nFits."),
		"big.md":   file("Big\n\n" + strings.Repeat("x", 400)),
		"f.rss":    file(feed),
	}
	arts, errs := corpus.LoadFSWith(t.Context(), fsys, ".", corpus.Options{MaxFileBytes: 300, MaxFeedItems: 2})
	if got, want := paths(arts), []string{"f.rss", "f.rss", "small.md"}; !slices.Equal(got, want) {
		t.Errorf("paths %q, want %q", got, want)
	}
	want := []string{
		"big.md: file too large: 405 bytes, limit is 300",
		"f.rss: skipped 1 of 3 feed items: item 3 is over the limit of 2 items a feed",
	}
	if got := errStrings(errs); !slices.Equal(got, want) {
		t.Errorf("errors %q, want %q", got, want)
	}
}

// TestSymlinkAbsoluteInsideRelativeRoot: a link written with an absolute
// path into the corpus is inside it, though the corpus is named by a
// relative path.
func TestSymlinkAbsoluteInsideRelativeRoot(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.md"), "A\n\nBody a.")
	if err := os.Symlink(filepath.Join(dir, "a.md"), filepath.Join(dir, "abs.md")); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	t.Chdir(filepath.Dir(dir))
	arts, errs := corpus.Load(t.Context(), filepath.Base(dir))
	if got := paths(arts); !slices.Equal(got, []string{"a.md", "abs.md"}) || len(errs) > 0 {
		t.Errorf("paths %q, errors %q; want a.md and abs.md, no error", got, errStrings(errs))
	}
}

// TestBrokenLinkToNonArticle: a broken link named like a file the loader
// skips anyway (an image) is skipped silently, as that file would be.
func TestBrokenLinkToNonArticle(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.md"), "A\n\nBody a.")
	for link, target := range map[string]string{"photo.jpg": "gone.jpg", "gone.md": "nowhere.md"} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
	}
	arts, errs := corpus.Load(t.Context(), dir)
	if got := paths(arts); !slices.Equal(got, []string{"a.md"}) || len(errs) != 1 || filepath.Base(errs[0].Path) != "gone.md" {
		t.Errorf("paths %q, errors %q; want a.md and one error for gone.md", got, errStrings(errs))
	}
}
