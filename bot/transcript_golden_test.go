package bot

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// transcriptArticles is the size of the generated corpus the transcript
// runs on: large enough for recurring stories, shared surnames, deadline
// revisions and paged listings, small enough to analyse in a second.
const transcriptArticles = 400

// TestGeneratedTranscript asks a generated corpus every kind of question
// the benchmarks ask (perfQueries, several queries per command, each
// listing paged with `more`) and renders a digest of its 60 newest
// articles, and compares every reply, whole, with
// testdata/generated-transcript.golden (go test ./bot -update rewrites it).
// It guards the index's internals: a change to how the index is built or
// stored must not change one answer.
func TestGeneratedTranscript(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses a generated corpus")
	}
	got := transcriptOf(t, generatedIndex(t, transcriptArticles))
	path := filepath.Join("testdata", "generated-transcript.golden")
	// The -update flag is declared by the external tests (fixture_test.go),
	// which share this test binary.
	if f := flag.Lookup("update"); f != nil && f.Value.String() == "true" {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./bot -run TestGeneratedTranscript -update)", err)
	}
	if msg := transcriptDiff(got, string(want)); msg != "" {
		t.Fatalf("the transcript differs from %s: %s", path, msg)
	}
}

// transcriptDiff returns "" when got equals want, else where they first
// differ.
func transcriptDiff(got, want string) string {
	if got == want {
		return ""
	}
	gl, wl := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range min(len(gl), len(wl)) {
		if gl[i] != wl[i] {
			return fmt.Sprintf("line %d:\n got: %s\nwant: %s", i+1, gl[i], wl[i])
		}
	}
	return fmt.Sprintf("%d lines, want %d", len(gl), len(wl))
}
