package summarize

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/internal/cputime"
)

// storyCorpus makes n dated articles about n/10 topics, each topic with
// its own words and actor, spread over a year, so clustering has real
// work: similar articles to link and many others to keep apart.
func storyCorpus(n int) ([]corpus.Article, []*Analysis) {
	rng := rand.New(rand.NewPCG(7, 11))
	word := func() string {
		syl := []string{"ka", "lo", "mer", "tin", "sa", "vor", "del", "ru", "pen", "zo", "mi", "tar", "bel", "quo"}
		w := ""
		for range 3 {
			w += syl[rng.IntN(len(syl))]
		}
		return w
	}
	topics := max(n/10, 1)
	vocab := make([][]string, topics)
	for t := range vocab {
		for range 8 {
			vocab[t] = append(vocab[t], word())
		}
	}
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	arts := make([]corpus.Article, n)
	ans := make([]*Analysis, n)
	for i := range n {
		t := rng.IntN(topics)
		v := vocab[t]
		var b strings.Builder
		for s := range 8 {
			fmt.Fprintf(&b, "The %s of %s met %s officials on %s and %s talks. ", v[s%8], v[(s+3)%8], word(), word(), v[(s+5)%8])
			if s%3 == 2 {
				b.WriteString("\n\n")
			}
		}
		arts[i] = corpus.Article{
			ID: fmt.Sprintf("a%06d", i), Title: strings.Title(v[0] + " " + v[1] + " " + word()),
			Body: b.String(), Published: start.AddDate(0, 0, t%365+rng.IntN(3)),
		}
		ans[i] = Analyze(arts[i])
		ans[i].People = append(ans[i].People, Person{Name: "Minister " + strings.Title(v[2]), Sentences: []int{0}})
	}
	return arts, ans
}

// BenchmarkStories measures clustering alone (the analyses are made
// beforehand) on 2,000 and 10,000 articles; articles/s is the figure to
// watch as the corpus grows, cpu-ns/op the one to trust on a shared
// machine (all threads, the garbage collector's included), and
// retained-B what the stories and the cache keep alive once built.
func BenchmarkStories(b *testing.B) {
	for _, n := range []int{2000, 10000} {
		arts, ans := storyCorpus(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			cpu := cputime.Process()
			for b.Loop() {
				Stories(arts, ans)
			}
			reportStoryCPU(b, n, cputime.Process()-cpu)
			b.ReportMetric(float64(retained(func() any { out, c := StoriesCached(arts, ans, nil); return []any{out, c} })), "retained-B")
		})
	}
}

// BenchmarkStoriesGenerated measures clustering the 2,000 generated
// articles of TestStoriesGolden (internal/corpusgen: bodies of 300 to
// 1,500 words, wire copies, quotes, deadlines and events, as the bot's
// benchmarks have them), from scratch and again after one more article
// arrived.
func BenchmarkStoriesGenerated(b *testing.B) {
	arts, ans := goldenCorpus()
	n := len(arts)
	b.Run("scratch", func(b *testing.B) {
		cpu := cputime.Process()
		for b.Loop() {
			Stories(arts, ans)
		}
		reportStoryCPU(b, n, cputime.Process()-cpu)
		b.ReportMetric(float64(retained(func() any { out, c := StoriesCached(arts, ans, nil); return []any{out, c} })), "retained-B")
	})
	b.Run("add", func(b *testing.B) {
		_, prev := StoriesCached(arts[:n-1], ans[:n-1], nil)
		cpu := cputime.Process()
		for b.Loop() {
			StoriesCached(arts, ans, prev)
		}
		reportStoryCPU(b, n, cputime.Process()-cpu)
		reportCachedSignatures(b, prev)
	})
	// What a re-cluster would pay on top of "add" if the cache kept no
	// signatures: hashing every body again.
	b.Run("hash-all", func(b *testing.B) {
		var sh shingler
		sig := make(signature, minHashes)
		cpu := cputime.Process()
		for b.Loop() {
			for _, a := range arts {
				sh.minHash(a.Body, sig)
			}
		}
		reportStoryCPU(b, n, cputime.Process()-cpu)
	})
}

// reportCachedSignatures reports what c keeps of the signatures, in bytes
// per article: band digests with their pointers, and the near-duplicate
// pairs.
func reportCachedSignatures(b *testing.B, c *StoryCache) {
	digests := 0
	for _, e := range c.arts {
		if e.bands != nil {
			digests++
		}
	}
	n := float64(len(c.arts))
	b.ReportMetric(float64(digests*minHashBands*4+len(c.arts)*8+len(c.dups)*8)/n, "sig-B/article")
}

// BenchmarkStoriesCachedAdd measures re-clustering 10,000 articles after
// one more arrived, with the cache of the 9,999 before it: what the bot
// pays per live addition.
func BenchmarkStoriesCachedAdd(b *testing.B) {
	const n = 10000
	arts, ans := storyCorpus(n)
	_, prev := StoriesCached(arts[:n-1], ans[:n-1], nil)
	cpu := cputime.Process()
	for b.Loop() {
		StoriesCached(arts, ans, prev)
	}
	reportStoryCPU(b, n, cputime.Process()-cpu)
}

// reportStoryCPU reports articles/s and the CPU time per clustering of n
// articles.
func reportStoryCPU(b *testing.B, n int, cpu time.Duration) {
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "articles/s")
	if cpu > 0 {
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
}

// retained returns how many heap bytes what build returns keeps alive.
func retained(build func() any) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	v := build()
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(v)
	if after.HeapAlloc < before.HeapAlloc {
		return 0
	}
	return after.HeapAlloc - before.HeapAlloc
}
