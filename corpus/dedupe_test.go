package corpus

import (
	"reflect"
	"testing"
	"time"
)

func TestDedupe(t *testing.T) {
	dated := time.Date(2025, 8, 6, 0, 0, 0, 0, time.UTC)
	arts := []Article{
		{Path: "raw/a.txt", Body: "Same   text.\n\nSecond paragraph.", Source: "Desk"},
		{Path: "b.md", Body: "Other text."},
		{Path: "a.md", Body: "same text.\nSecond  paragraph.", Source: "Desk", Published: dated},
		{Path: "c.md", Body: "Other text."},
	}
	kept, dups := Dedupe(arts)
	var paths []string
	for _, a := range kept {
		paths = append(paths, a.Path)
	}
	if want := []string{"b.md", "a.md"}; !reflect.DeepEqual(paths, want) {
		t.Errorf("Dedupe kept %q, want %q (the dated copy, in input order)", paths, want)
	}
	want := []Duplicate{{Path: "raw/a.txt", SameAs: "a.md"}, {Path: "c.md", SameAs: "b.md"}}
	if !reflect.DeepEqual(dups, want) {
		t.Errorf("Dedupe duplicates = %+v, want %+v", dups, want)
	}
	if kept, dups := Dedupe(arts[:2]); len(kept) != 2 || dups != nil {
		t.Errorf("Dedupe of distinct articles = %d kept, %v dropped", len(kept), dups)
	}
}

func TestDedupeSeedVersions(t *testing.T) {
	arts, errs := Load(t.Context(), "testdata/seed")
	if len(errs) != 0 || len(arts) != 2 {
		t.Fatalf("Load(testdata/seed) = %d articles, %v", len(arts), errs)
	}
	kept, dups := Dedupe(arts)
	if len(kept) != 1 || !kept[0].HasDate() || len(dups) != 1 || dups[0].Path != "raw/desk-report.txt" {
		t.Errorf("Dedupe(seed) kept %+v, dropped %+v; want the dated front-matter version only", kept, dups)
	}
}
