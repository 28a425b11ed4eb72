package corpus_test

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/briefbot/briefbot/corpus"
)

// TestFolderReloadsOnlyWhatChanged loads a folder, then changes, adds and
// removes files: each Load parses only those, and the articles match a
// full Load of the same folder.
func TestFolderReloadsOnlyWhatChanged(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.md"), "Port strike\n\nDockers walked out on Monday.")
	write(t, filepath.Join(dir, "b.md"), "Rail strike\n\nDrivers walked out on Tuesday.")
	if err := os.MkdirAll(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, "sub", "c.txt"), "Bus strike\n\nConductors walked out on Wednesday.")
	write(t, filepath.Join(dir, "bad.md"), "---\ntitle: [unclosed\n---\nBody.")
	f := corpus.NewFolder(dir)
	old := time.Now().Add(-time.Hour) // out of the racy window: stat alone decides
	setTimes := func() {
		for _, p := range []string{"a.md", "b.md", "sub/c.txt", "bad.md"} {
			if err := os.Chtimes(filepath.Join(dir, p), old, old); err != nil && !os.IsNotExist(err) {
				t.Fatal(err)
			}
		}
	}
	setTimes()
	steps := []struct {
		name   string
		change func()
		want   corpus.FolderChange
	}{
		{"first load", func() {}, corpus.FolderChange{Parsed: 4}},
		{"nothing changed", func() {}, corpus.FolderChange{Unchanged: 4}},
		{"one file edited", func() {
			write(t, filepath.Join(dir, "a.md"), "Port strike ends\n\nDockers went back on Friday.")
		}, corpus.FolderChange{Parsed: 1, Unchanged: 3}},
		{"touched, same content", func() {
			now := time.Now().Add(-30 * time.Minute)
			if err := os.Chtimes(filepath.Join(dir, "b.md"), now, now); err != nil {
				t.Fatal(err)
			}
		}, corpus.FolderChange{Unchanged: 4}},
		{"added and removed", func() {
			write(t, filepath.Join(dir, "sub", "d.md"), "Ferry strike\n\nCrews walked out.")
			if err := os.Remove(filepath.Join(dir, "b.md")); err != nil {
				t.Fatal(err)
			}
		}, corpus.FolderChange{Parsed: 1, Unchanged: 3, Removed: 1}},
	}
	for _, st := range steps {
		st.change()
		got, err := f.Load(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		if got != st.want {
			t.Errorf("%s: Load = %+v, want %+v", st.name, got, st.want)
		}
		arts, errs := f.Articles()
		full, fullErrs := corpus.Load(t.Context(), dir)
		if !reflect.DeepEqual(arts, full) || len(errs) != len(fullErrs) || len(errs) != 1 || errs[0].Error() != fullErrs[0].Error() {
			t.Errorf("%s: Articles() = %d articles %v, a full Load %d articles %v", st.name, len(arts), errs, len(full), fullErrs)
		}
		setTimes()
	}
}

func TestFolderOfOneFile(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "one.md")
	write(t, file, "Port strike\n\nDockers walked out.")
	f := corpus.NewFolder(file)
	if ch, err := f.Load(t.Context()); err != nil || ch.Parsed != 1 {
		t.Fatalf("Load = %+v, %v", ch, err)
	}
	arts, errs := f.Articles()
	if len(arts) != 1 || arts[0].Path != "one.md" || len(errs) != 0 {
		t.Errorf("Articles() = %+v, %v", arts, errs)
	}
	if _, err := corpus.NewFolder(filepath.Join(dir, "gone")).Load(t.Context()); err == nil {
		t.Error("Load of a missing root succeeded")
	}
}
