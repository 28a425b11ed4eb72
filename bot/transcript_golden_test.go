package bot

import (
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
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
	ix := generatedIndex(t, transcriptArticles)
	b := New(Options{CacheTTL: -1, Now: func() time.Time { return perfNow }})
	b.SetIndex(ix)
	queries := perfQueries(ix, 6)
	cmds := make([]string, 0, len(queries))
	for c := range queries {
		cmds = append(cmds, c)
	}
	slices.Sort(cmds)
	var out strings.Builder
	write := func(label string, v any) {
		j, err := json.MarshalIndent(v, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		out.WriteString("### " + label + "\n")
		out.Write(j)
		out.WriteString("\n")
	}
	ctx := context.Background()
	ask := func(text string) []Reply {
		rs, err := b.Handle(ctx, Message{Platform: "console", Channel: "c", User: "u", Text: text})
		if err != nil {
			t.Fatalf("%q: %v", text, err)
		}
		write(text, rs)
		return rs
	}
	for _, c := range cmds {
		for _, q := range queries[c] {
			ask(q)
			for range 2 {
				if rs := ask("more"); len(rs) == 0 || rs[0].Title == "Nothing more" {
					break
				}
			}
		}
	}
	ids := make([]string, 0, 60)
	for _, a := range ix.byDate[:min(60, len(ix.byDate))] {
		ids = append(ids, ix.arts[a].ID)
	}
	view := digestView{title: "Digest", since: perfNow.Add(-24 * time.Hour), at: perfNow, loc: time.UTC}
	write("digest of the 60 newest", ix.digestReply(view, ix.digestArticles(ids, "")))

	path := filepath.Join("testdata", "generated-transcript.golden")
	// The -update flag is declared by the external tests (fixture_test.go),
	// which share this test binary.
	if f := flag.Lookup("update"); f != nil && f.Value.String() == "true" {
		if err := os.WriteFile(path, []byte(out.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./bot -run TestGeneratedTranscript -update)", err)
	}
	if got := out.String(); got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := range min(len(gl), len(wl)) {
			if gl[i] != wl[i] {
				t.Fatalf("the transcript differs from %s at line %d:\n got: %s\nwant: %s", path, i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("the transcript has %d lines, %s has %d", len(gl), path, len(wl))
	}
}
