package bot

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/internal/cputime"
)

// perfNow is the benchmarks' clock: the end of the generated corpora's
// four years, so deadlines are a mix of open and passed.
var perfNow = time.Date(2024, 12, 31, 12, 0, 0, 0, time.UTC)

// perfQueries returns up to n distinct messages per command, drawn from
// what the corpus holds: speakers' surnames, deadline setters, title words
// and story topics, so each query does the work a real one would.
func perfQueries(ix *Index, n int) map[string][]string {
	every := func(total int) int { return max(1, total/n) }
	q := map[string][]string{}
	add := func(cmd, text string) {
		if len(q[cmd]) < n && !slices.Contains(q[cmd], text) {
			q[cmd] = append(q[cmd], text)
		}
	}
	for s := 0; s < len(ix.speakers); s += every(len(ix.speakers)) {
		name := ix.speakers[s].name
		ws := strings.Fields(name)
		add("what did", "what did "+ws[len(ws)-1]+" say")
		add("what did about", "what did "+name+" say about the "+[]string{"strike", "budget", "trial", "storm"}[s%4])
	}
	for d := 0; d < len(ix.deadlines); d += every(len(ix.deadlines)) {
		if by := ix.deadlines[d].setBy; by != "" {
			add("deadline status NAME", "deadline status "+by)
		}
	}
	for a := 0; a < len(ix.arts); a += every(len(ix.arts)) {
		ws := strings.Fields(ix.arts[a].Title)
		w1, w2 := ws[a%len(ws)], ws[(a+2)%len(ws)]
		add("search", "search "+w1+" "+w2)
		add("timeline TOPIC", "timeline "+w1+" "+w2)
		add("summary TOPIC", "summary "+w1+" "+w2)
		add("who said what about", "who said what about "+w1)
		add("question", "what is happening with "+w1+" "+w2)
	}
	for _, cmd := range []string{"summary", "who said what", "deadline status", "timeline"} {
		add(cmd, cmd)
	}
	return q
}

// BenchmarkCommands answers many distinct queries per command on each
// corpus, through Bot.Handle with the answer cache off (the real work:
// parse, index lookups, the reply and its pages; no platform), and
// reports the p50 and p99 latency of one answer.
func BenchmarkCommands(b *testing.B) {
	start := time.Now()
	benchCommands(b, func() time.Duration { return time.Since(start) }, false)
}

// benchCommands runs BenchmarkCommands' queries, timing each answer by
// the difference of two readings of clock; with lockThread each command's
// answers run on one locked OS thread (for a per-thread CPU clock).
func benchCommands(b *testing.B, clock func() time.Duration, lockThread bool) {
	for _, n := range perfSizes() {
		pc := perfCorpusOf(b, n)
		bot := New(Options{CacheTTL: -1, Now: func() time.Time { return perfNow }})
		bot.SetIndex(pc.ix)
		queries := perfQueries(pc.ix, 200)
		names := make([]string, 0, len(queries))
		for k := range queries {
			names = append(names, k)
		}
		slices.Sort(names)
		for _, cmd := range names {
			qs := queries[cmd]
			b.Run(fmt.Sprintf("%d/%s", n, strings.ReplaceAll(cmd, " ", "_")), func(b *testing.B) {
				if lockThread {
					runtime.LockOSThread()
					defer runtime.UnlockOSThread()
				}
				ctx := context.Background()
				var lat latencies
				i := 0
				for b.Loop() {
					m := Message{Platform: "console", Channel: "bench", User: "u", Text: qs[i%len(qs)]}
					t0 := clock()
					if _, err := bot.Handle(ctx, m); err != nil {
						b.Fatal(err)
					}
					lat = append(lat, clock()-t0)
					i++
				}
				lat.report(b)
			})
		}
	}
}

// BenchmarkMore pages through the whole-corpus listings with `more`, the
// answer cache off: one op is one next page (a listing renders it when
// asked). When an answer's pages run out it is asked again, untimed.
func BenchmarkMore(b *testing.B) {
	for _, n := range perfSizes() {
		pc := perfCorpusOf(b, n)
		bot := New(Options{CacheTTL: -1, Now: func() time.Time { return perfNow }})
		bot.SetIndex(pc.ix)
		for _, cmd := range []string{"who said what", "deadline status", "timeline"} {
			b.Run(fmt.Sprintf("%d/%s", n, strings.ReplaceAll(cmd, " ", "_")), func(b *testing.B) {
				ctx := context.Background()
				ask := func(text string) Reply {
					rs, err := bot.Handle(ctx, Message{Platform: "console", Channel: "bench", User: "u", Text: text})
					if err != nil {
						b.Fatal(err)
					}
					return rs[0]
				}
				ask(cmd)
				var lat latencies
				for b.Loop() {
					t0 := time.Now()
					r := ask("more")
					lat = append(lat, time.Since(t0))
					if r.Title == "Nothing more" {
						b.StopTimer()
						ask(cmd)
						b.StartTimer()
					}
				}
				lat.report(b)
			})
		}
	}
}

// BenchmarkIndexBuild builds the whole index (NewIndex) from analysed
// articles: what a full rebuild costs.
func BenchmarkIndexBuild(b *testing.B) {
	for _, n := range perfSizes() {
		pc := perfCorpusOf(b, n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.SetBytes(pc.textBytes)
			cpu0 := cputime.Process()
			for b.Loop() {
				if _, err := NewIndex(pc.arts, pc.ans, nil); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
			b.ReportMetric(float64(cputime.Process()-cpu0)/float64(b.N), "cpu-ns/op")
		})
	}
}

// BenchmarkLiveAdd is the live reload path: a bot serving the corpus gets
// it again with one new article (Bot.SetCorpus: dedupe, reuse every other
// analysis, analyse the new one, index). One op is one new article made
// answerable.
func BenchmarkLiveAdd(b *testing.B) {
	for _, n := range perfSizes() {
		pc := perfCorpusOf(b, n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			bot := New(Options{CacheTTL: -1})
			bot.SetIndex(pc.ix)
			ctx := context.Background()
			arts := slices.Clip(pc.arts)
			k := 0
			cpu0 := cputime.Process()
			for b.Loop() {
				extra := pc.gen.Article(k % n)
				extra.ID, extra.Path = fmt.Sprintf("live-%06d", k), fmt.Sprintf("live/%06d.md", k)
				extra.Title = fmt.Sprintf("Live update %d: %s", k, extra.Title)
				extra.Body = "Breaking: " + extra.Body
				if err := bot.SetCorpus(ctx, append(arts, extra), nil); err != nil {
					b.Fatal(err)
				}
				k++
			}
			b.ReportMetric(float64(cputime.Process()-cpu0)/float64(b.N), "cpu-ns/op")
		})
	}
}

// BenchmarkDigest renders a digest of the 1,000 newest articles of each
// corpus (digestArticles and digestReply: grouping by story and merging
// each story's new articles).
func BenchmarkDigest(b *testing.B) {
	for _, n := range perfSizes() {
		pc := perfCorpusOf(b, n)
		ids := make([]string, 0, 1000)
		for _, a := range pc.ix.byDate[:min(1000, len(pc.ix.byDate))] {
			ids = append(ids, pc.ix.arts[a].ID)
		}
		view := digestView{title: "Digest", since: perfNow.Add(-24 * time.Hour), at: perfNow, loc: time.UTC}
		b.Run(fmt.Sprintf("%d/1000new", n), func(b *testing.B) {
			for b.Loop() {
				r := pc.ix.digestReply(view, pc.ix.digestArticles(ids, ""))
				if len(r.Sections) == 0 {
					b.Fatal("empty digest")
				}
			}
		})
	}
}

// BenchmarkMemory reports the heap each article costs, after GC: the
// index alone (B/article), and articles, analyses and index together
// (total-B/article), beside the article text (text-B/article).
func BenchmarkMemory(b *testing.B) {
	for _, n := range perfSizes() {
		pc := perfCorpusOf(b, n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				_ = pc.ix.Len()
			}
			b.ReportMetric(pc.indexHeap, "B/article")
			b.ReportMetric(pc.keptHeap, "kept-B/article")
			b.ReportMetric(pc.keptHeap*float64(n)/float64(pc.textBytes), "kept/text")
			b.ReportMetric(float64(pc.textBytes)/float64(n), "text-B/article")
		})
	}
}

// BenchmarkLoadFolder loads a generated corpus from disk (corpus.Load:
// read, parse front matter, dedupe is left to SetCorpus), 10,000 articles.
func BenchmarkLoadFolder(b *testing.B) {
	dir := b.TempDir()
	pc := perfCorpusOf(b, 10_000)
	written, err := pc.gen.Write(context.Background(), dir)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(written)
	for b.Loop() {
		arts, errs := corpus.Load(context.Background(), dir)
		if len(errs) > 0 || len(arts) != 10_000 {
			b.Fatalf("%d articles, %d errors", len(arts), len(errs))
		}
	}
}
