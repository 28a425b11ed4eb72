package store

import (
	"bytes"
	"log/slog"
	"strconv"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/summarize"
)

// openV1 opens a store in a new folder and its analysis cache of version
// "v1".
func openV1(t *testing.T) (*Store, *AnalysisCache) {
	t.Helper()
	s := open(t, t.TempDir())
	c, err := s.Analyses(t.Context(), "v1")
	if err != nil {
		t.Fatal(err)
	}
	return s, c
}

func countRows(t *testing.T, s *Store, where string, args ...any) int {
	t.Helper()
	var n int
	if err := s.db.QueryRowContext(t.Context(), `SELECT count(*) FROM analyses WHERE `+where, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestAnalysisCacheVersions checks that another analyzer version reads
// none of the old analyses, and that opening it deletes them.
func TestAnalysisCacheVersions(t *testing.T) {
	s, v1 := openV1(t)
	arts := seedArticles(t)[:3]
	keys, rows := encodedOf(arts)
	if err := v1.PutEncoded(t.Context(), keys, rows); err != nil {
		t.Fatal(err)
	}
	v2, err := s.Analyses(t.Context(), "v2")
	if err != nil {
		t.Fatal(err)
	}
	if n := countRows(t, s, `version = ?`, "v1"); n != 0 {
		t.Errorf("%d rows of the old version left", n)
	}
	got, err := v2.GetEncoded(t.Context(), keys)
	if err != nil {
		t.Fatal(err)
	}
	for i, row := range got {
		if row != nil {
			t.Errorf("version v2 read %s's analysis of v1", arts[i].ID)
		}
	}
	if _, err := s.Analyses(t.Context(), ""); err == nil {
		t.Error("a cache without a version opened")
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
