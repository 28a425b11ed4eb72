package summarize

import (
	"context"
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
