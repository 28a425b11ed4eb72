package bot

import (
	"reflect"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/briefbot/briefbot/internal/corpusgen"
	"github.com/briefbot/briefbot/summarize"
)

// TestIndexKeepsNoAnalysis checks the point of encodedAnalyses: once
// built, an index holds no pointer into the analyses it was given (nor
// does its story cache), so they are collected and the index keeps only
// their encodings; and what it decodes is what it was given.
func TestIndexKeepsNoAnalysis(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses a generated corpus")
	}
	arts := corpusgen.New(corpusgen.Config{N: 150, Seed: 3}).Articles()
	want := make([]*summarize.Analysis, len(arts))
	for i, a := range arts {
		want[i] = summarize.Analyze(a)
	}
	var freed atomic.Int64
	ans := make([]*summarize.Analysis, len(arts))
	for i, a := range arts {
		ans[i] = summarize.Analyze(a)
		runtime.AddCleanup(ans[i], func(int) { freed.Add(1) }, i)
	}
	ix, err := NewIndex(arts, ans, nil)
	if err != nil {
		t.Fatal(err)
	}
	ans = nil
	for range 20 {
		runtime.GC()
		if freed.Load() == int64(len(arts)) {
			break
		}
		runtime.Gosched()
	}
	if got := freed.Load(); got != int64(len(arts)) {
		t.Fatalf("%d of %d analyses collected: the index still points into the others", got, len(arts))
	}
	for i := range arts {
		if got := ix.an(i); !reflect.DeepEqual(got, want[i]) {
			t.Fatalf("article %s: decoded analysis differs from the one indexed", arts[i].ID)
		}
	}
	runtime.KeepAlive(ix)
}

// TestEncodedAnalysesConcurrent reads the analyses, sentences, quotes and
// events of an index from several goroutines at once, through more articles than the
// memo holds, so slots are replaced while read (the race detector
// watches); every read gives the analysis indexed.
func TestEncodedAnalysesConcurrent(t *testing.T) {
	arts := cacheArticles(3*memoSlots + 7)
	ans := make([]*summarize.Analysis, len(arts))
	for i, a := range arts {
		ans[i] = summarize.Analyze(a)
	}
	e := newEncodedAnalyses(arts, encodeAll(arts, ans), summarize.Analyze)
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for k := range len(arts) {
				i := (k*7 + w*13) % len(arts)
				if got := e.get(i); !reflect.DeepEqual(got, ans[i]) {
					t.Errorf("article %d: decoded analysis differs", i)
					return
				}
				for s := range len(ans[i].Sentences) + 1 {
					if got, want := e.sentence(i, s), sentenceText(ans[i], s); got != want {
						t.Errorf("article %d sentence %d: %q, want %q", i, s, got, want)
						return
					}
				}
				for k := range ans[i].Quotes {
					if got := e.quote(i, k); !reflect.DeepEqual(*got, ans[i].Quotes[k]) {
						t.Errorf("article %d quote %d: %+v, want %+v", i, k, *got, ans[i].Quotes[k])
						return
					}
				}
				for k := range ans[i].Events {
					if got := e.event(i, k); !reflect.DeepEqual(*got, ans[i].Events[k]) {
						t.Errorf("article %d event %d: %+v, want %+v", i, k, *got, ans[i].Events[k])
						return
					}
				}
			}
		})
	}
	wg.Wait()
}

// TestEncodedAnalysesUndecodable checks that an encoding that does not
// decode is answered with the article analysed again.
func TestEncodedAnalysesUndecodable(t *testing.T) {
	arts := cacheArticles(3)
	ans := make([]*summarize.Analysis, len(arts))
	for i, a := range arts {
		ans[i] = summarize.Analyze(a)
	}
	enc := encodeAll(arts, ans)
	enc[1] = enc[1][:len(enc[1])/2]
	e := newEncodedAnalyses(arts, enc, summarize.Analyze)
	if got := e.get(1); !reflect.DeepEqual(got, ans[1]) {
		t.Fatal("a truncated encoding did not give the article's analysis")
	}
	if got, want := e.sentence(1, 0), ans[1].Sentences[0].Text; got != want {
		t.Fatalf("sentence of a truncated encoding: %q, want %q", got, want)
	}

	got := make([]*summarize.Analysis, len(arts))
	decodeMissing(arts, enc, got, summarize.Analyze)
	if !reflect.DeepEqual(got, ans) {
		t.Fatal("decodeMissing: analyses differ")
	}
	if !reflect.DeepEqual(enc[1], encode(ans[1], arts[1].Body)) {
		t.Fatal("decodeMissing kept an encoding that does not decode")
	}
}

// analysesOf returns every analysis of ix, decoded, in article order.
func analysesOf(ix *Index) []*summarize.Analysis {
	ans := make([]*summarize.Analysis, ix.Len())
	for i := range ans {
		ans[i] = ix.an(i)
	}
	return ans
}
