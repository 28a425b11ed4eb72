package bot

import (
	"testing"
	"time"

	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/summarize"
)

func testBot(t *testing.T, ttl time.Duration) *Bot {
	t.Helper()
	b := New(Options{Now: func() time.Time { return time.Date(2025, 8, 11, 0, 0, 0, 0, time.UTC) }, CacheTTL: ttl})
	arts := []corpus.Article{{ID: "a", Title: "A", Body: "Tariffs rise."}}
	if err := b.SetCorpus(t.Context(), arts, nil); err != nil {
		t.Fatal(err)
	}
	return b
}

// TestCacheKey checks that one answer is cached per normalised command,
// whoever asks and however it is spelt, and none when caching is off.
func TestCacheKey(t *testing.T) {
	b := testBot(t, 0)
	for _, m := range []Message{
		{User: "u1", Text: "deadline status Trump"},
		{User: "u2", Text: "!Deadline  Status, TRUMP?"},
		{User: "u3", Text: "/brief deadline status for trump"},
	} {
		if _, err := b.Handle(t.Context(), m); err != nil {
			t.Fatal(err)
		}
	}
	if n := b.cache.ItemCount(); n != 1 {
		t.Errorf("cache holds %d answers, want 1", n)
	}
	b.SetIndex(b.state.Load().ix)
	if n := b.cache.ItemCount(); n != 0 {
		t.Errorf("after SetIndex the cache holds %d answers, want 0", n)
	}
	off := testBot(t, -1)
	if _, err := off.Handle(t.Context(), Message{Text: "help"}); err != nil {
		t.Fatal(err)
	}
	if n := off.cache.ItemCount(); n != 0 {
		t.Errorf("with CacheTTL < 0 the cache holds %d answers", n)
	}
}

// TestAnalysisPanic checks that an article whose analysis panics is kept,
// reported under sources, and does not stop the others.
func TestAnalysisPanic(t *testing.T) {
	b := New(Options{})
	b.analyze = func(a corpus.Article) *summarize.Analysis {
		if a.ID == "bad" {
			panic("boom")
		}
		return summarize.Analyze(a)
	}
	arts := []corpus.Article{{ID: "good", Title: "Good", Body: "Fine."}, {ID: "bad", Path: "bad.md", Title: "Bad"}}
	if err := b.SetCorpus(t.Context(), arts, nil); err != nil {
		t.Fatal(err)
	}
	rs, err := b.Handle(t.Context(), Message{Text: "sources"})
	if err != nil {
		t.Fatal(err)
	}
	r := rs[0]
	if len(r.Sections) != 2 || len(r.Sections[0].Items) != 2 || r.Sections[1].Items[0].Text != "bad.md: analysis failed: boom" {
		t.Errorf("sources = %+v", r)
	}
}

// TestParseLine checks that each command's Line parses back to it.
func TestParseLine(t *testing.T) {
	cmds := registry()
	for _, c := range cmds {
		for _, arg := range []string{"", "Nina Khrushcheva"} {
			if c.ArgRequired && arg == "" {
				continue
			}
			req := parse(c.Line(arg), cmds)
			if req.cmd == nil || req.cmd.Name != c.Name || req.arg != arg && c.Arg != "" {
				t.Errorf("parse(%q) = %q %q, want %q %q", c.Line(arg), req.name(), req.arg, c.Name, arg)
			}
		}
	}
}

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"help", "help", 0}, {"hlep", "help", 1}, {"sumary", "summary", 1},
		{"deadlin status", "deadline status", 1}, {"khruschev", "khrushcheva", 2}, {"kitten", "sitting", 3},
		{"ünï", "uni", 2},
	}
	for _, tt := range tests {
		if got := editDistance(tt.a, tt.b); got != tt.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestTerms(t *testing.T) {
	got := terms("The Tariffs were rising, Russia's tariff rises!")
	want := []string{"tariff", "rise", "russia", "tariff", "rise"}
	if len(got) != len(want) {
		t.Fatalf("terms = %q, want %q", got, want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("terms = %q, want %q", got, want)
		}
	}
}
