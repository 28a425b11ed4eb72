package bot

import (
	"bufio"
	"crypto/sha256"
	"encoding/gob"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/internal/corpusgen"
	"github.com/briefbot/briefbot/summarize"
)

// The benchmarks' corpora come from internal/corpusgen, seed 1. The 10,000
// article corpus always runs; the 100,000 one only when BRIEFBOT_BENCH_100K
// is set (scripts/bench.sh sets it), since analysing it takes minutes.
const perfSeed = 1

// perfSizes returns the corpus sizes to benchmark: BRIEFBOT_BENCH_SIZES
// ("1500,10000") when set, else 10,000, and 100,000 with
// BRIEFBOT_BENCH_100K.
func perfSizes() []int {
	if list := os.Getenv("BRIEFBOT_BENCH_SIZES"); list != "" {
		var out []int
		for _, f := range strings.Split(list, ",") {
			if n, err := strconv.Atoi(strings.TrimSpace(f)); err == nil && n > 0 {
				out = append(out, n)
			}
		}
		return out
	}
	if on, _ := strconv.ParseBool(os.Getenv("BRIEFBOT_BENCH_100K")); on {
		return []int{10_000, 100_000}
	}
	return []int{10_000}
}

// perfCorpus is a generated corpus, analysed and indexed once per test
// process.
type perfCorpus struct {
	gen       *corpusgen.Generator
	arts      []corpus.Article
	ans       []*summarize.Analysis
	ix        *Index
	textBytes int64   // bytes of title and body text
	indexHeap float64 // heap bytes the index adds, after GC, its encoded analyses included
	keptHeap  float64 // heap bytes of what a bot keeps: the articles and the index with its memo of decoded analyses full, after GC
}

var (
	perfMu      sync.Mutex
	perfCorpora = map[int]*perfCorpus{}
)

// perfCorpusOf returns the corpus of n articles, generating, analysing and
// indexing it the first time it is asked for.
func perfCorpusOf(b *testing.B, n int) *perfCorpus {
	b.Helper()
	perfMu.Lock()
	defer perfMu.Unlock()
	if pc := perfCorpora[n]; pc != nil {
		return pc
	}
	b.StopTimer()
	defer b.StartTimer()
	base := heapAfterGC()
	pc := &perfCorpus{gen: corpusgen.New(corpusgen.Config{N: n, Seed: perfSeed})}
	pc.arts = pc.gen.Articles()
	for _, a := range pc.arts {
		pc.textBytes += int64(len(a.Title) + len(a.Body))
	}
	artsHeap := heapAfterGC() - base
	pc.ans = cachedAnalyses(b, pc) // held by the benchmarks, not by the index (TestIndexKeepsNoAnalysis)
	before := heapAfterGC()
	ix, err := NewIndex(pc.arts, pc.ans, nil)
	if err != nil {
		b.Fatal(err)
	}
	pc.ix = ix
	after := heapAfterGC()
	pc.indexHeap = float64(after-before) / float64(n)
	for i := range min(n, memoSlots) { // the memo of decoded analyses, full
		ix.an(i)
	}
	full := heapAfterGC()
	pc.keptHeap = float64(artsHeap+full-before) / float64(n)
	perfCorpora[n] = pc
	return pc
}

// cachedAnalyses returns the analyses of pc's articles: from the file
// BRIEFBOT_BENCH_CACHE names a folder for, when an earlier run of the same
// corpus and AnalyzerVersion left one, else analysed now (and saved there).
// It is for benchmarking the index and commands again without analysing
// 100,000 articles each time; the analysis itself is benchmarked in
// summarize. Without the variable it always analyses.
func cachedAnalyses(b *testing.B, pc *perfCorpus) []*summarize.Analysis {
	dir := os.Getenv("BRIEFBOT_BENCH_CACHE")
	if dir == "" {
		return analyseParallel(pc.arts)
	}
	_, first := pc.gen.Markdown(0)
	_, last := pc.gen.Markdown(pc.gen.Len() - 1)
	sum := sha256.Sum256(append(first, last...))
	name := filepath.Join(dir, fmt.Sprintf("analyses-%d-%d-%s-%x.gob", len(pc.arts), perfSeed, summarize.AnalyzerVersion, sum[:6]))
	if f, err := os.Open(name); err == nil {
		defer f.Close()
		var ans []*summarize.Analysis
		if err := gob.NewDecoder(bufio.NewReader(f)).Decode(&ans); err == nil && len(ans) == len(pc.arts) {
			shareSentences(pc.arts, ans)
			return ans
		}
		b.Logf("analysis cache %s unreadable; analysing again", name)
	}
	ans := analyseParallel(pc.arts)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.Logf("analysis cache: %v", err)
		return ans
	}
	tmp, err := os.CreateTemp(dir, "analyses-*.tmp")
	if err != nil {
		b.Logf("analysis cache: %v", err)
		return ans
	}
	w := bufio.NewWriter(tmp)
	if err := gob.NewEncoder(w).Encode(ans); err == nil && w.Flush() == nil && tmp.Close() == nil {
		if err := os.Rename(tmp.Name(), name); err != nil {
			b.Logf("analysis cache: %v", err)
		}
	} else {
		tmp.Close()
		os.Remove(tmp.Name())
	}
	return ans
}

// shareSentences points each decoded sentence's text back into its
// article's body, as the state database's codec and Analyze itself leave
// it: gob decodes every string as a copy, which would count the text of
// every sentence twice in BenchmarkMemory's total-B/article. (Other
// strings, quotes and names, stay copies: a little overcounted.)
func shareSentences(arts []corpus.Article, ans []*summarize.Analysis) {
	for i, an := range ans {
		body := arts[i].Body
		for k := range an.Sentences {
			s := &an.Sentences[k]
			if s.Start >= 0 && s.Start <= s.End && s.End <= len(body) && body[s.Start:s.End] == s.Text {
				s.Text = body[s.Start:s.End]
			}
		}
	}
}

// heapAfterGC returns the live heap after a full collection.
func heapAfterGC() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// analyseParallel analyses arts on every core, in article order.
func analyseParallel(arts []corpus.Article) []*summarize.Analysis {
	ans := make([]*summarize.Analysis, len(arts))
	var wg sync.WaitGroup
	workers := runtime.GOMAXPROCS(0)
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(arts); i += workers {
				ans[i] = summarize.Analyze(arts[i])
			}
		})
	}
	wg.Wait()
	return ans
}

// latencies records one duration per operation and reports their p50 and
// p99 (ns) as benchmark metrics.
type latencies []time.Duration

func (l latencies) report(b *testing.B) {
	if len(l) == 0 {
		return
	}
	s := slices.Clone(l)
	slices.Sort(s)
	at := func(p float64) float64 { return float64(s[min(len(s)-1, int(p*float64(len(s))))].Nanoseconds()) }
	b.ReportMetric(at(0.50), "p50-ns")
	b.ReportMetric(at(0.99), "p99-ns")
}
