package store

import (
	"runtime"
	"slices"
	"testing"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/summarize"
)

// BenchmarkWarmMemory reports the live heap (after GC) of the loaded
// corpus and its analyses, from the cache and from Analyze (at most
// 10,000 articles: Analyze is slow), per byte of article text:
// heap/text. "index-10k" is a bot on the first 10,000 articles: articles,
// cached analyses and the briefing index.
func BenchmarkWarmMemory(b *testing.B) {
	f := warmSetup(b)
	ctx := b.Context()
	measure := func(b *testing.B, build func() (text int64, keep any)) {
		for b.Loop() {
			runtime.GC()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			text, keep := build()
			runtime.GC()
			runtime.ReadMemStats(&after)
			runtime.KeepAlive(keep)
			heap := float64(after.HeapAlloc) - float64(before.HeapAlloc)
			b.ReportMetric(heap/float64(text), "heap/text")
			b.ReportMetric(heap/1e6, "heapMB")
			b.ReportMetric(float64(text)/1e6, "textMB")
		}
	}
	load := func(limit int) []corpus.Article {
		arts, _ := corpus.Load(ctx, f.dir)
		// A copy: a slice of arts would keep all of them alive.
		return slices.Clone(arts[:min(limit, len(arts))])
	}
	textOf := func(arts []corpus.Article) (n int64) {
		for _, a := range arts {
			n += int64(len(a.Title) + len(a.Body))
		}
		return n
	}
	b.Run("articles", func(b *testing.B) {
		measure(b, func() (int64, any) { arts := load(1 << 30); return textOf(arts), arts })
	})
	b.Run("cached", func(b *testing.B) {
		s, c := openCache(b, f)
		defer s.Close()
		measure(b, func() (int64, any) {
			arts := load(1 << 30)
			ans, _, err := getAll(ctx, c, arts)
			if err != nil {
				b.Fatal(err)
			}
			return textOf(arts), []any{arts, ans}
		})
	})
	b.Run("analysed-10k", func(b *testing.B) {
		measure(b, func() (int64, any) {
			arts := load(10_000)
			ans := make([]*summarize.Analysis, len(arts))
			parallel(len(arts), func(i int) { ans[i] = summarize.Analyze(arts[i]) })
			return textOf(arts), []any{arts, ans}
		})
	})
	b.Run("index-10k", func(b *testing.B) {
		s, c := openCache(b, f)
		defer s.Close()
		measure(b, func() (int64, any) {
			arts := load(10_000)
			bt := bot.New(bot.Options{Analyses: c})
			if err := bt.SetCorpus(ctx, arts, nil); err != nil {
				b.Fatal(err)
			}
			return textOf(arts), bt
		})
	})
}
