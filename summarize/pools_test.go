package summarize

import (
	"context"
	"path/filepath"
	"reflect"
	"sync"
	"testing"

	"github.com/briefbot/briefbot/corpus"
)

// TestAnalyzeReusesArraysSafely analyses the devset on several goroutines
// at once, each reusing the pooled token arrays of the others, and checks
// every analysis against one made alone: a pooled array still in use, or
// an analysis pointing into one, would show as a difference (or a race
// under -race).
func TestAnalyzeReusesArraysSafely(t *testing.T) {
	arts, errs := corpus.Load(context.Background(), filepath.Join("..", "corpus", "testdata", "devset"))
	if len(errs) != 0 || len(arts) == 0 {
		t.Fatalf("load devset: %d articles, errors %v", len(arts), errs)
	}
	want := make([]*Analysis, len(arts))
	for i, a := range arts {
		want[i] = Analyze(a)
	}
	const workers = 4
	got := make([][]*Analysis, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			got[w] = make([]*Analysis, len(arts))
			for k := range arts {
				i := (k + w) % len(arts)
				got[w][i] = Analyze(arts[i])
			}
		})
	}
	wg.Wait()
	for w := range got {
		for i := range arts {
			if !reflect.DeepEqual(got[w][i], want[i]) {
				t.Errorf("worker %d, article %s: analysis differs from one made alone", w, arts[i].ID)
			}
		}
	}
}
