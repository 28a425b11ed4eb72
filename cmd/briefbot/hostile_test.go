package main

import (
	"encoding/json"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/config"
	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/corpus/hostiletest"
	"github.com/briefbot/briefbot/metrics"
)

// TestAnalyzeHostileCorpus is issue 11's done-when check: a corpus folder
// mixing the devset with the hostile files of corpus/hostiletest makes
// `briefbot analyze --json` exit 1 with one stderr line per hostile file,
// naming it, and valid JSON holding every devset article.
func TestAnalyzeHostileCorpus(t *testing.T) {
	devsetDir := filepath.Join("..", "..", "corpus", "testdata", "devset")
	devset, errs := corpus.Load(t.Context(), devsetDir)
	if len(devset) == 0 || len(errs) > 0 {
		t.Fatalf("Load(devset) = %d articles, errors %v", len(devset), errs)
	}
	root := t.TempDir()
	for _, a := range devset {
		data, err := os.ReadFile(filepath.Join(devsetDir, a.Path))
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(root, a.Path), string(data))
	}
	names, err := hostiletest.Write(filepath.Join(root, "hostile"), filepath.Join("..", "..", "corpus", "testdata", "hostile"), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if len(names) < 20 {
		t.Fatalf("%d hostile files, want at least 20", len(names))
	}

	code, out, errOut := runCmd(t, "", nil, "analyze", "--json", root)
	if code != exitFailure {
		t.Errorf("exit = %d, want %d", code, exitFailure)
	}
	lines := strings.Split(strings.TrimRight(errOut, "\n"), "\n")
	if len(lines) != len(names) {
		t.Errorf("%d stderr lines for %d hostile files:\n%s", len(lines), len(names), errOut)
	}
	for _, n := range names {
		prefix := "briefbot: " + filepath.Join(root, "hostile", n) + ":"
		if got := slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(l, prefix) }); got < 0 {
			t.Errorf("no stderr line for %s", n)
		}
	}

	var doc struct {
		Articles []struct {
			File    string `json:"file"`
			Title   string `json:"title"`
			Summary []any  `json:"summary"`
		} `json:"articles"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("stdout is not JSON: %v\n%.500s", err, out)
	}
	files := map[string]int{}
	for _, a := range doc.Articles {
		files[a.File]++
	}
	for _, a := range devset {
		if files[a.Path] != 1 {
			t.Errorf("devset article %s appears %d times in the JSON", a.Path, files[a.Path])
		}
	}
	if got := files["hostile/many-items.rss"]; got != corpus.MaxFeedItems {
		t.Errorf("the feed of %d items gave %d articles, want the cap %d", hostiletest.FeedItems, got, corpus.MaxFeedItems)
	}
	if want := len(devset) + corpus.MaxFeedItems; len(doc.Articles) != want {
		t.Errorf("%d articles in the JSON, want %d", len(doc.Articles), want)
	}
}

// TestLiveReloadReportsOnce checks that the running bot reports a bad
// corpus file once: on stderr at start, and never again at a reload that
// finds it still bad; a new bad file is logged once.
func TestLiveReloadReportsOnce(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "good.md"), "Good\n\nA good article about the harbour bridge.")
	writeFile(t, filepath.Join(dir, "bad.md"), "---\ntitle: [unclosed\n---\nBody.")
	var stderr, logs strings.Builder
	e := env{stderr: &stderr, now: fixedNow, lookup: func(string) (string, bool) { return "", false }}
	log := slog.New(slog.NewTextHandler(&logs, nil))
	b := bot.New(bot.Options{Now: fixedNow, Logger: log})
	cfg := config.Default()
	cfg.Corpus = dir
	lib := newLibrary(e, cfg, b, metrics.New(fixedNow), log)

	if _, err := lib.Load(t.Context()); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "more.md"), "More\n\nAnother good article, about the tunnel.")
	if _, err := lib.Load(t.Context()); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "worse.md"), "---\ntitle: never closed\n")
	if _, err := lib.Load(t.Context()); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(stderr.String(), "bad.md"); n != 1 || strings.Count(logs.String(), "bad.md") != 0 {
		t.Errorf("bad.md reported %d times on stderr (want 1), logs:\n%s", n, logs.String())
	}
	if n := strings.Count(logs.String(), "worse.md"); n != 1 || strings.Contains(stderr.String(), "worse.md") {
		t.Errorf("worse.md logged %d times (want 1); stderr:\n%s", n, stderr.String())
	}
}
