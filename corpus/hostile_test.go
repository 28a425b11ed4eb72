package corpus_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/corpus/hostiletest"
)

// hostileCorpus builds a corpus root holding the devset's files and,
// under hostile/, the hostile files; it returns the root and the hostile
// files' names.
func hostileCorpus(t testing.TB) (string, []string) {
	t.Helper()
	root := t.TempDir()
	entries, err := os.ReadDir(filepath.Join("testdata", "devset"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join("testdata", "devset", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(root, e.Name()), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	outside := t.TempDir()
	names, err := hostiletest.Write(filepath.Join(root, "hostile"), filepath.Join("testdata", "hostile"), outside)
	if err != nil {
		t.Fatalf("write hostile files: %v", err)
	}
	if real, err := filepath.EvalSymlinks(outside); err == nil {
		outsideDir = real // as a *LoadError names it
	}
	return root, names
}

// outsideDir is where hostileCorpus's link escape.md leads.
var outsideDir string

// TestHostileCorpus is issue 11's check: a folder mixing the devset with
// the hostile files loads every devset article, and reports each hostile
// file once, with the reason in testdata/hostile.golden.
func TestHostileCorpus(t *testing.T) {
	devset, errs := corpus.Load(t.Context(), filepath.Join("testdata", "devset"))
	if len(devset) == 0 || len(errs) > 0 {
		t.Fatalf("Load(devset) = %d articles, errors %q", len(devset), errStrings(errs))
	}
	root, names := hostileCorpus(t)
	if len(names) < 20 {
		t.Fatalf("hostiletest.Write made %d files, want at least 20: %q", len(names), names)
	}

	for _, load := range []struct {
		name string
		fn   func() ([]corpus.Article, []*corpus.LoadError)
	}{
		{"Load", func() ([]corpus.Article, []*corpus.LoadError) { return corpus.Load(t.Context(), root) }},
		{"Folder", func() ([]corpus.Article, []*corpus.LoadError) {
			f := corpus.NewFolder(root)
			if _, err := f.Load(t.Context()); err != nil {
				t.Fatal(err)
			}
			if _, err := f.Load(t.Context()); err != nil { // a reload reports nothing twice
				t.Fatal(err)
			}
			return f.Articles()
		}},
	} {
		t.Run(load.name, func(t *testing.T) {
			arts, errs := load.fn()
			byPath := map[string]corpus.Article{}
			feedItems := 0
			for _, a := range arts {
				if a.Path == "hostile/many-items.rss" {
					feedItems++
					continue
				}
				if _, dup := byPath[a.Path]; dup {
					t.Errorf("%s loaded twice", a.Path)
				}
				byPath[a.Path] = a
			}
			for _, want := range devset {
				if got, ok := byPath[want.Path]; !ok || !got.Equal(want) {
					t.Errorf("devset article %s: loaded %v, equal to its own load %v", want.Path, ok, got.Equal(want))
				}
				delete(byPath, want.Path)
			}
			for p := range byPath {
				t.Errorf("hostile file %s loaded an article", p)
			}
			if feedItems != corpus.MaxFeedItems {
				t.Errorf("many-items.rss loaded %d items, want the cap %d", feedItems, corpus.MaxFeedItems)
			}

			var lines []string
			reported := map[string]int{}
			for _, e := range errs {
				rel, err := filepath.Rel(root, e.Path)
				if err != nil {
					t.Fatal(err)
				}
				rel = filepath.ToSlash(rel)
				reported[strings.TrimPrefix(rel, "hostile/")]++
				e := *e
				e.Path = rel
				lines = append(lines, strings.ReplaceAll(e.Error(), outsideDir, "$OUTSIDE"))
			}
			for _, n := range names {
				if reported[n] != 1 {
					t.Errorf("%s reported %d times, want once", n, reported[n])
				}
			}
			if len(errs) != len(names) {
				t.Errorf("%d errors for %d hostile files", len(errs), len(names))
			}
			compareGolden(t, filepath.Join("testdata", "hostile.golden"), strings.Join(lines, "\n")+"\n")
		})
	}
}

// compareGolden compares got with the golden file, or rewrites it with
// -update.
func compareGolden(t *testing.T, golden, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := range max(len(gl), len(wl)) {
			g, w := at(gl, i), at(wl, i)
			if g != w {
				t.Errorf("line %d:\n got  %.300s\n want %.300s", i+1, g, w)
			}
		}
	}
}

func at(s []string, i int) string {
	if i < len(s) {
		return s[i]
	}
	return ""
}

// BenchmarkLoadHostile loads the devset mixed with the hostile files: the
// cost of refusing them (the 10 MiB file is refused before it is read).
func BenchmarkLoadHostile(b *testing.B) {
	root, names := hostileCorpus(b)
	b.ReportAllocs()
	for b.Loop() {
		_, errs := corpus.Load(b.Context(), root)
		if len(errs) != len(names) {
			b.Fatalf("%d errors for %d hostile files", len(errs), len(names))
		}
	}
	b.ReportMetric(float64(len(names)), "hostile-files")
}

// BenchmarkParseDegenerate parses text shaped to hit the loaders' worst
// cases: 1 MB of hard-wrapped lines making one paragraph (once quadratic:
// a minute for 320 KB), 1 MB of lines that all look like a header, and
// the largest page of links accepted (just under MaxHTMLElements).
func BenchmarkParseDegenerate(b *testing.B) {
	const size = 1 << 20
	for _, bb := range []struct {
		name, file, unit string
		n                int
	}{
		{"wrapped-lines", "a.txt", "a\n", size / 2},
		{"date-lines", "a.txt", "5 May 2019\n", size / 11},
		{"links", "a.html", "<a href=x>a</a> ", corpus.MaxHTMLElements - 10},
	} {
		data := []byte("T\n\n" + strings.Repeat(bb.unit, bb.n))
		b.Run(bb.name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := corpus.Parse(bb.file, data); err != nil && !errors.Is(err, corpus.ErrEmpty) {
					b.Fatal(err)
				}
			}
		})
	}
}
