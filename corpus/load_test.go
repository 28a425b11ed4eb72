package corpus_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/briefbot/briefbot/corpus"
)

func paths(arts []corpus.Article) []string {
	var p []string
	for _, a := range arts {
		p = append(p, a.Path)
	}
	return p
}

func errStrings(errs []*corpus.LoadError) []string {
	var s []string
	for _, e := range errs {
		s = append(s, e.Error())
	}
	return s
}

func file(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }

func TestLoadFS(t *testing.T) {
	fsys := fstest.MapFS{
		"news/b.md":                  file("---\ntitle: B\n---\nBody b."),
		"news/a.txt":                 file("A\n\nBody a."),
		"news/sub/c.markdown":        file("# C\n\nBody c."),
		"news/README.md":             file("# About\n\nNot an article."),
		"news/readme.txt":            file("About\n\nNot an article."),
		"news/LICENSE.txt":           file("License\n\nNot an article."),
		"news/.DS_Store":             file("junk"),
		"news/.git/notes.md":         file("Git\n\nNot an article."),
		"news/gold.json":             file(`{"gold": true}`),
		"news/photo.jpg":             file("\x00\x01"),
		"news/sub/.hidden/secret.md": file("Secret\n\nNot an article."),
		"other/x.md":                 file("X\n\nOutside root."),
	}
	tests := []struct {
		root      string
		wantPaths []string
		wantErrs  []string
	}{
		{"news", []string{"a.txt", "b.md", "sub/c.markdown"}, nil},
		{"news/sub", []string{"c.markdown"}, nil},
		{".", []string{"news/a.txt", "news/b.md", "news/sub/c.markdown", "other/x.md"}, nil},
		{"news/sub/c.markdown", []string{"c.markdown"}, nil},
		{"news/README.md", []string{"README.md"}, nil}, // named explicitly: loaded
		{"news/gold.json", nil, []string{`news/gold.json: unsupported file type ".json"`}},
		{"missing", nil, []string{"missing: file does not exist"}},
	}
	for _, tt := range tests {
		t.Run(tt.root, func(t *testing.T) {
			arts, errs := corpus.LoadFS(t.Context(), fsys, tt.root)
			if got := paths(arts); !slices.Equal(got, tt.wantPaths) {
				t.Errorf("LoadFS(%q) paths = %q, want %q", tt.root, got, tt.wantPaths)
			}
			if got := errStrings(errs); !slices.Equal(got, tt.wantErrs) {
				t.Errorf("LoadFS(%q) errors = %q, want %q", tt.root, got, tt.wantErrs)
			}
		})
	}
}

func TestLoadSingleFile(t *testing.T) {
	name := filepath.Join("testdata", "seed", "raw", "desk-report.txt")
	arts, errs := corpus.Load(t.Context(), name)
	if len(errs) != 0 || len(arts) != 1 {
		t.Fatalf("Load(%q) = %d articles, errors %q; want 1, none", name, len(arts), errStrings(errs))
	}
	if arts[0].Path != "desk-report.txt" {
		t.Errorf("Load(%q) Path = %q, want %q", name, arts[0].Path, "desk-report.txt")
	}

	_, errs = corpus.Load(t.Context(), "testdata/no-such-file.md")
	if got, want := errStrings(errs), []string{"testdata/no-such-file.md: no such file or directory"}; !slices.Equal(got, want) {
		t.Errorf("Load(missing) errors = %q, want %q", got, want)
	}
}

func TestLoadSeed(t *testing.T) {
	arts, errs := corpus.Load(t.Context(), filepath.Join("testdata", "seed"))
	if len(errs) != 0 {
		t.Errorf("Load(seed) errors = %q, want none", errStrings(errs))
	}
	want := []string{"putin-trump-deadline.md", "raw/desk-report.txt"} // gold.json skipped
	if got := paths(arts); !slices.Equal(got, want) {
		t.Fatalf("Load(seed) paths = %q, want %q", got, want)
	}
	// The raw desk copy and the edited Markdown carry the same story.
	if arts[0].Title != arts[1].Title || arts[0].Source != arts[1].Source || arts[0].Body != arts[1].Body {
		t.Errorf("seed .md and raw .txt differ:\n%+v\n%+v", arts[0], arts[1])
	}
	if want := time.Date(2025, 8, 6, 0, 0, 0, 0, time.UTC); !arts[0].Published.Equal(want) {
		t.Errorf("seed .md Published = %v, want %v", arts[0].Published, want)
	}
	if arts[1].HasDate() {
		t.Errorf("raw .txt Published = %v, want none", arts[1].Published)
	}
}

// TestLoadDevset loads a copy of the evaluation devset (../shared/eval/devset).
func TestLoadDevset(t *testing.T) {
	want := map[string]string{ // from the devset README
		"101-ford-cutting-30000-jobs.md":                        "2006-01-23",
		"102-apple-corps-sues-apple-computer.md":                "2006-03-28",
		"103-apple-corps-loses-court-case.md":                   "2006-05-08",
		"104-singapore-airlines-compensated-for-a380-delays.md": "2006-10-05",
		"105-apple-trademark-dispute-resolved.md":               "2007-02-06",
		"106-a380-maiden-flight-to-us.md":                       "2007-03-19",
		"107-indonesia-minister-urges-no-european-aircraft.md":  "2007-12-20",
		"108-sensitive-canadian-document-found.md":              "2008-08-15",
		"109-apple-free-iphone4-cases.md":                       "2010-07-17",
		"110-apple-executive-leaves-after-antenna-issues.md":    "2010-08-09",
		"111-steve-jobs-medical-leave.md":                       "2011-01-17",
		"112-steve-jobs-resigns.md":                             "2011-08-25",
		"113-steve-jobs-dies.md":                                "2011-10-06",
		"114-new-zealand-flag-process.md":                       "2015-05-07",
		"115-afghan-girls-robotics-team.md":                     "2017-07-21",
	}
	arts, errs := corpus.Load(t.Context(), filepath.Join("testdata", "devset"))
	if len(errs) != 0 {
		t.Errorf("Load(devset) errors = %q, want none", errStrings(errs))
	}
	if len(arts) != len(want) {
		t.Errorf("Load(devset) = %d articles, want %d: %q", len(arts), len(want), paths(arts))
	}
	for _, a := range arts {
		if got := a.Published.Format(time.DateOnly); got != want[a.Path] {
			t.Errorf("%s: Published = %s, want %s", a.Path, got, want[a.Path])
		}
		if a.Title == "" || !strings.HasPrefix(a.Source, "Wikinews") || a.Body == "" {
			t.Errorf("%s: Title %q, Source %.20q, %d body bytes; want all set", a.Path, a.Title, a.Source, len(a.Body))
		}
	}
}

func TestLoadBadFiles(t *testing.T) {
	dir := filepath.Join("testdata", "bad")
	arts, errs := corpus.Load(t.Context(), dir)
	wantPaths := []string{"good.md", "partial-feed.rss", "stray-bytes.txt"}
	if got := paths(arts); !slices.Equal(got, wantPaths) {
		t.Errorf("Load(bad) paths = %q, want %q", got, wantPaths)
	}
	tests := []struct {
		file, msg string
		line      int
		is        error
	}{
		{"bad-date.md", `bad published date "2024-13-45": want YYYY-MM-DD, RFC 3339, "2006-01-02 15:04" or "January 2, 2006"`, 4, corpus.ErrFrontMatter},
		{"bad-yaml.md", "bad front matter: did not find expected ',' or ']'", 3, corpus.ErrFrontMatter},
		{"empty-feed.rss", "no article text: feed has no items", 0, corpus.ErrEmpty},
		{"empty.md", "no article text", 0, corpus.ErrEmpty},
		{"invalid-utf8.txt", "binary file: 128 of 146 bytes are not valid UTF-8", 0, corpus.ErrBinary},
		{"not-a-feed.xml", "parse feed: failed to detect feed type", 0, nil},
		{"nul.txt", "binary file: contains NUL bytes", 0, corpus.ErrBinary},
		{"partial-feed.rss", `skipped 2 of 3 feed items: item 2 (p-2): no article text; item 3 repeats the id "p-1" of item 1`, 0, nil},
		{"title-only.txt", "no article text", 0, corpus.ErrEmpty},
		{"unclosed.md", "front matter opened on line 1 is never closed", 1, corpus.ErrFrontMatter},
	}
	if len(errs) != len(tests) {
		t.Errorf("Load(bad) errors = %q, want %d", errStrings(errs), len(tests))
	}
	for i, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			if i >= len(errs) {
				t.Fatal("no error")
			}
			e := errs[i]
			if want := filepath.Join(dir, tt.file); e.Path != want || e.Line != tt.line || e.Err.Error() != tt.msg {
				t.Errorf("error = {%q, %d, %q}, want {%q, %d, %q}", e.Path, e.Line, e.Err, want, tt.line, tt.msg)
			}
			if tt.is != nil && !errors.Is(e, tt.is) {
				t.Errorf("errors.Is(%v, %v) = false, want true", e, tt.is)
			}
		})
	}
	if len(errs) > 0 {
		if got, want := errs[len(errs)-1].Error(), "testdata/bad/unclosed.md:1: front matter opened on line 1 is never closed"; got != filepath.FromSlash(want) {
			t.Errorf("Error() = %q, want %q", got, want)
		}
	}
}

func TestLoadTooLarge(t *testing.T) {
	big := make([]byte, corpus.MaxFileSize+1)
	for i := range big {
		big[i] = 'a'
	}
	fsys := fstest.MapFS{"big.txt": {Data: big}, "ok.txt": file("OK\n\nFine.")}
	arts, errs := corpus.LoadFS(t.Context(), fsys, ".")
	if got := paths(arts); !slices.Equal(got, []string{"ok.txt"}) {
		t.Errorf("paths = %q, want [ok.txt]", got)
	}
	if len(errs) != 1 || errs[0].Path != "big.txt" || !errors.Is(errs[0], corpus.ErrTooLarge) {
		t.Errorf("errors = %q, want one ErrTooLarge for big.txt", errStrings(errs))
	}
	if _, err := corpus.Parse("big.txt", big); !errors.Is(err, corpus.ErrTooLarge) {
		t.Errorf("Parse(big) error = %v, want ErrTooLarge", err)
	}
}

// failFS fails to open the file named bad.
type failFS struct {
	fstest.MapFS
	bad string
}

func (f failFS) Open(name string) (fs.File, error) {
	if name == f.bad {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return f.MapFS.Open(name)
}

func TestLoadUnreadable(t *testing.T) {
	fsys := failFS{fstest.MapFS{"a.md": file("A\n\nFine."), "b.md": file("B\n\nLocked.")}, "b.md"}
	arts, errs := corpus.LoadFS(t.Context(), fsys, ".")
	if got := paths(arts); !slices.Equal(got, []string{"a.md"}) {
		t.Errorf("paths = %q, want [a.md]", got)
	}
	if got, want := errStrings(errs), []string{"b.md: read: permission denied"}; !slices.Equal(got, want) {
		t.Errorf("errors = %q, want %q", got, want)
	}
}

func TestLoadCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	arts, errs := corpus.Load(ctx, filepath.Join("testdata", "seed"))
	if len(arts) != 0 || len(errs) != 1 || !errors.Is(errs[0], context.Canceled) {
		t.Errorf("Load(cancelled) = %d articles, errors %q; want none and one context.Canceled", len(arts), errStrings(errs))
	}
}

func TestIDStable(t *testing.T) {
	dir := filepath.Join("testdata", "formats")
	first, _ := corpus.Load(t.Context(), dir)
	second, _ := corpus.Load(t.Context(), dir)
	if len(first) == 0 || len(first) != len(second) {
		t.Fatalf("loads returned %d and %d articles", len(first), len(second))
	}
	seen := map[string]string{}
	for i, a := range first {
		if a.ID != second[i].ID {
			t.Errorf("%s: ID %q then %q, want equal", a.Path, a.ID, second[i].ID)
		}
		if prev, dup := seen[a.ID]; dup {
			t.Errorf("%s (%s) and %s share ID %q", a.Path, a.Title, prev, a.ID)
		}
		seen[a.ID] = a.Path + " " + a.Title
	}
	// The documented derivation, for a file and for a feed item.
	for _, tt := range []struct{ path, title, key string }{
		{"front-matter.md", "Council approves the harbour bridge", "front-matter.md"},
		{"news.rss", "Central bank holds rates", "news.rss#wire-1001"},
		{"news.rss", "Storm closes airport", "news.rss#https://wire.example/storm"},
		{"news.rss", "Plain text item", "news.rss#Plain text item"},
	} {
		sum := sha256.Sum256([]byte(tt.key))
		want := hex.EncodeToString(sum[:])[:12]
		i := slices.IndexFunc(first, func(a corpus.Article) bool { return a.Path == tt.path && a.Title == tt.title })
		if i < 0 {
			t.Errorf("no article %s %q", tt.path, tt.title)
		} else if first[i].ID != want {
			t.Errorf("%s %q: ID = %q, want sha256(%q)[:12] = %q", tt.path, tt.title, first[i].ID, tt.key, want)
		}
	}
}
