package summarize

import (
	"reflect"
	"sync"
	"testing"
)

// TestAnalyzeReusesArraysSafely analyses the devset on several goroutines
// at once, each reusing the pooled token arrays of the others, and checks
// every analysis against one made alone: a pooled array still in use, or
// an analysis pointing into one, would show as a difference (or a race
// under -race).
func TestAnalyzeReusesArraysSafely(t *testing.T) {
	arts := devsetArticles(t)
	want := analyzeAll(arts)
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
