package store

import (
	"runtime"
	"slices"
	"testing"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/internal/ancodec"
	"github.com/briefbot/briefbot/summarize"
)

// BenchmarkWarmMemory reports the live heap (after GC) of the loaded
// corpus and its analyses, per byte of article text: heap/text.
// "articles" is the corpus alone; "cached" with its analyses as the
// cache holds them, encoded (what the bot keeps); "decoded" with them
// decoded (what keeping them decoded would take); "analysed-10k" the
// first 10,000 articles with their analyses from Analyze (it is slow).
// "index-10k" is a bot on the first 10,000 articles built from the cache;
// "bot" a bot restarted on the whole corpus from the cache and the index
// snapshot (run WarmRestart/snapwrite first): everything a running bot
// keeps, but for the up to 1,024 analyses its index keeps decoded while
// commands read them (bot's BenchmarkMemory counts those).
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
	cached := func(b *testing.B, c *AnalysisCache) ([]corpus.Article, [][]byte) {
		arts := load(1 << 30)
		rows, _, err := getAll(ctx, c, arts)
		if err != nil {
			b.Fatal(err)
		}
		return arts, rows
	}
	b.Run("cached", func(b *testing.B) {
		s, c := openCache(b, f)
		defer s.Close()
		measure(b, func() (int64, any) {
			arts, rows := cached(b, c)
			return textOf(arts), []any{arts, rows}
		})
	})
	b.Run("decoded", func(b *testing.B) {
		s, c := openCache(b, f)
		defer s.Close()
		measure(b, func() (int64, any) {
			arts, rows := cached(b, c)
			var err error
			ans := make([]*summarize.Analysis, len(arts))
			var dec ancodec.Decoder
			for i, row := range rows {
				if ans[i], err = dec.Decode(row, arts[i]); err != nil {
					b.Fatal(err)
				}
			}
			return textOf(arts), []any{arts, ans}
		})
	})
	b.Run("bot", func(b *testing.B) {
		s, c := openCache(b, f)
		defer s.Close()
		measure(b, func() (int64, any) {
			arts := load(1 << 30)
			snaps := &hitSnapshots{IndexSnapshots: s.IndexSnapshots()}
			bt := bot.New(bot.Options{Analyses: c, Snapshots: snaps, SnapshotsReadOnly: true})
			if err := bt.SetCorpus(ctx, arts, nil); err != nil {
				b.Fatal(err)
			}
			bt.CloseSnapshots()
			if !snaps.hit {
				b.Fatal("no index snapshot of this corpus: run WarmRestart/snapwrite first")
			}
			return textOf(arts), bt
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
