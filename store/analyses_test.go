package store

import (
	"bytes"
	"errors"
	"log/slog"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/internal/ancodec"
	"github.com/briefbot/briefbot/summarize"
)

func analysesOf(arts []corpus.Article) ([]bot.AnalysisKey, []*summarize.Analysis) {
	keys := make([]bot.AnalysisKey, len(arts))
	ans := make([]*summarize.Analysis, len(arts))
	for i, a := range arts {
		keys[i], ans[i] = bot.KeyOf(a), summarize.Analyze(a)
	}
	return keys, ans
}

func countRows(t *testing.T, s *Store, where string, args ...any) int {
	t.Helper()
	var n int
	if err := s.db.QueryRowContext(t.Context(), `SELECT count(*) FROM analyses WHERE `+where, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestAnalysisCachePutGet writes the seed analyses, reads them back with
// a missing key and a copy of an article under another ID among them, and
// reopens the store.
func TestAnalysisCachePutGet(t *testing.T) {
	dir := t.TempDir()
	s := open(t, dir)
	c, err := s.Analyses(t.Context(), "v1")
	if err != nil {
		t.Fatal(err)
	}
	arts := seedArticles(t)
	keys, ans := analysesOf(arts)
	if err := c.PutAnalyses(t.Context(), keys, arts, ans); err != nil {
		t.Fatal(err)
	}
	renamed := arts[0]
	renamed.ID, renamed.Path = "renamed", "renamed.md"
	missing := corpus.Article{ID: "missing", Title: "Not cached", Body: "Nobody analysed this."}
	ask := append([]corpus.Article{renamed, missing}, arts...)
	askKeys := append([]bot.AnalysisKey{bot.KeyOf(renamed), bot.KeyOf(missing)}, keys...)

	got, err := c.GetAnalyses(t.Context(), askKeys, ask)
	if err != nil {
		t.Fatal(err)
	}
	if got[1] != nil {
		t.Errorf("an article never cached got %+v", got[1])
	}
	want := summarize.Analyze(renamed)
	if !reflect.DeepEqual(got[0], want) {
		t.Errorf("renamed copy: got %+v, want its own ID with the original's analysis", got[0])
	}
	if !reflect.DeepEqual(got[2:], ans) {
		t.Error("cached analyses differ from Analyze's")
	}
	if err := c.PutAnalyses(t.Context(), keys[:1], arts[:1], ans[:1]); err != nil {
		t.Errorf("writing an analysis again: %v", err)
	}
	if n := countRows(t, s, `version = ?`, "v1"); n != len(arts) {
		t.Errorf("%d rows for %d articles", n, len(arts))
	}
}

// TestAnalysisCacheVersions checks that another analyzer version reads
// none of the old analyses, and that opening it deletes them.
func TestAnalysisCacheVersions(t *testing.T) {
	s := open(t, t.TempDir())
	arts := seedArticles(t)[:3]
	keys, ans := analysesOf(arts)
	v1, err := s.Analyses(t.Context(), "v1")
	if err != nil {
		t.Fatal(err)
	}
	if err := v1.PutAnalyses(t.Context(), keys, arts, ans); err != nil {
		t.Fatal(err)
	}
	v2, err := s.Analyses(t.Context(), "v2")
	if err != nil {
		t.Fatal(err)
	}
	if n := countRows(t, s, `version = ?`, "v1"); n != 0 {
		t.Errorf("%d rows of the old version left", n)
	}
	got, err := v2.GetAnalyses(t.Context(), keys, arts)
	if err != nil {
		t.Fatal(err)
	}
	for i, an := range got {
		if an != nil {
			t.Errorf("version v2 read %s's analysis of v1", arts[i].ID)
		}
	}
	if _, err := s.Analyses(t.Context(), ""); err == nil {
		t.Error("a cache without a version opened")
	}
}

// TestAnalysisCacheCorruptRow damages one row: it reads as a miss with an
// error wrapping ancodec.ErrCorrupt, and the others still read.
func TestAnalysisCacheCorruptRow(t *testing.T) {
	s := open(t, t.TempDir())
	c, err := s.Analyses(t.Context(), "v1")
	if err != nil {
		t.Fatal(err)
	}
	arts := seedArticles(t)[:3]
	keys, ans := analysesOf(arts)
	if err := c.PutAnalyses(t.Context(), keys, arts, ans); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.ExecContext(t.Context(), `UPDATE analyses SET data = substr(data, 1, length(data) - 9) || x'000000000000000000' WHERE hash = ?`, keys[1][:]); err != nil {
		t.Fatal(err)
	}
	got, err := c.GetAnalyses(t.Context(), keys, arts)
	if !errors.Is(err, ancodec.ErrCorrupt) || !strings.Contains(err.Error(), arts[1].ID) {
		t.Errorf("err = %v, want ancodec.ErrCorrupt naming %s", err, arts[1].ID)
	}
	if got[1] != nil || !reflect.DeepEqual(got[0], ans[0]) || !reflect.DeepEqual(got[2], ans[2]) {
		t.Errorf("got %v, want the corrupt row missing and the others read", got)
	}
}

// TestBotRestartsFromCache runs the bot on the real cache: the second
// bot, as after a restart, analyses nothing and answers the same.
func TestBotRestartsFromCache(t *testing.T) {
	s := open(t, t.TempDir())
	arts := seedArticles(t)
	answers := make([]string, 2)
	for run := range 2 {
		c, err := s.Analyses(t.Context(), summarize.AnalyzerVersion)
		if err != nil {
			t.Fatal(err)
		}
		var log bytes.Buffer
		b := bot.New(bot.Options{Analyses: c, Logger: slog.New(slog.NewTextHandler(&log, nil))})
		if err := b.SetCorpus(t.Context(), arts, nil); err != nil {
			t.Fatal(err)
		}
		hits := len(arts) * run
		if want := "msg=\"analysis cache\" hits=" + strconv.Itoa(hits); !strings.Contains(log.String(), want) {
			t.Errorf("run %d: log lacks %q:\n%s", run, want, log.String())
		}
		for _, q := range []string{"who said what", "deadline status", "timeline", "summary"} {
			rs, err := b.Handle(t.Context(), bot.Message{Platform: "console", Text: q})
			if err != nil {
				t.Fatal(err)
			}
			answers[run] += q + ": " + rs[0].Text + "\n"
			for _, sec := range rs[0].Sections {
				for _, it := range sec.Items {
					answers[run] += it.Text + "\n"
				}
			}
		}
	}
	if answers[0] != answers[1] {
		t.Errorf("answers after the restart differ:\n%s\n---\n%s", answers[0], answers[1])
	}
}
