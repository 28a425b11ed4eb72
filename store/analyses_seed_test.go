package store

import (
	"os"
	"slices"
	"testing"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/example"
)

// devsetDir holds the hand-annotated development set (outside the repo).
const devsetDir = "/work/shared/eval/devset"

// seedArticles returns the example corpus and, when present, the devset,
// each text once.
func seedArticles(t testing.TB) []corpus.Article {
	t.Helper()
	arts, errs := corpus.LoadFS(t.Context(), example.Corpus(), ".")
	if len(errs) > 0 || len(arts) == 0 {
		t.Fatalf("example corpus: %d articles, errors %v", len(arts), errs)
	}
	if _, err := os.Stat(devsetDir); err == nil {
		dev, errs := corpus.Load(t.Context(), devsetDir)
		if len(errs) > 0 {
			t.Fatalf("devset: %v", errs)
		}
		arts = append(arts, dev...)
	}
	// The example corpus holds some devset articles: keep one of each.
	seen := map[bot.AnalysisKey]bool{}
	return slices.DeleteFunc(arts, func(a corpus.Article) bool {
		k := bot.KeyOf(a)
		dup := seen[k]
		seen[k] = true
		return dup
	})
}
