package summarize

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/briefbot/briefbot/corpus"
)

// devsetArticles loads the devset copy in corpus/testdata, failing the
// test when it cannot.
func devsetArticles(t *testing.T) []corpus.Article {
	t.Helper()
	arts, errs := corpus.Load(context.Background(), filepath.Join("..", "corpus", "testdata", "devset"))
	if len(errs) != 0 || len(arts) == 0 {
		t.Fatalf("load devset: %d articles, errors %v", len(arts), errs)
	}
	return arts
}

// analyzeAll analyses each article alone, in order.
func analyzeAll(arts []corpus.Article) []*Analysis {
	out := make([]*Analysis, len(arts))
	for i, a := range arts {
		out[i] = Analyze(a)
	}
	return out
}

// seedArticle parses testdata/sentences-seed.md, the article the project
// started from, failing the test or benchmark when it cannot.
func seedArticle(tb testing.TB) corpus.Article {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "sentences-seed.md"))
	if err != nil {
		tb.Fatal(err)
	}
	arts, err := corpus.Parse("seed.md", data)
	if err != nil || len(arts) != 1 {
		tb.Fatalf("parse seed: %d articles, %v", len(arts), err)
	}
	return arts[0]
}
