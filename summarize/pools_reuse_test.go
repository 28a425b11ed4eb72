package summarize

import (
	"fmt"
	"reflect"
	"testing"
)

// TestAnalysisOutlivesPooledMemory keeps every analysis of the devset
// while later analyses reuse the pooled arrays (tokens, name runs,
// taggers, joined and lowered text, counts, weights, similarities), then
// compares each with a fresh analysis: an analysis pointing into pooled
// memory would have changed under it.
func TestAnalysisOutlivesPooledMemory(t *testing.T) {
	arts := devsetArticles(t)
	kept := analyzeAll(arts)
	for range 3 { // reuse every pooled array several times over
		for i := len(arts) - 1; i >= 0; i-- {
			Analyze(arts[i])
		}
	}
	for i, a := range arts {
		if want := Analyze(a); !reflect.DeepEqual(kept[i], want) {
			t.Errorf("article %s: analysis changed after later analyses", a.ID)
		}
	}
}

// TestStemCachePublishesFoundWords looks new words up until the finds
// behind the stem cache's lock add up: they must then be published, so
// that a vocabulary that stopped growing is read without the lock.
func TestStemCachePublishesFoundWords(t *testing.T) {
	words := make([]string, 20)
	for i := range words {
		words[i] = fmt.Sprintf("zq%dholding", i)
	}
	for _, w := range words {
		stemOf([]byte(w)) // learnt: in stemNew, unless published or the cache is full
	}
	for range stemCacheSize/4 + 64 {
		for _, w := range words {
			stemOfString(w)
		}
	}
	stemMu.Lock()
	defer stemMu.Unlock()
	for _, w := range words {
		if _, ok := stemNew[w]; ok {
			t.Errorf("%q is still behind the stem cache's lock", w)
		}
	}
}
