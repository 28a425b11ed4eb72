package bot

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"
)

// BenchmarkTopicsPerQuery times each query perfQueries gives for the
// commands named in BRIEFBOT_TOPICS_CMDS (comma-separated, as in
// perfQueries; default the slow topic commands), the answer cache off, and
// prints the slowest of them with their best-of-five latency: where a
// command's p99 comes from.
func BenchmarkTopicsPerQuery(b *testing.B) {
	cmds := []string{"who said what about", "search", "question", "summary TOPIC", "timeline TOPIC"}
	if list := os.Getenv("BRIEFBOT_TOPICS_CMDS"); list != "" {
		cmds = strings.Split(list, ",")
	}
	for _, n := range perfSizes() {
		pc := perfCorpusOf(b, n)
		bot := New(Options{CacheTTL: -1, Now: func() time.Time { return perfNow }})
		bot.SetIndex(pc.ix)
		queries := perfQueries(pc.ix, 200)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
			}
			ctx := context.Background()
			for _, cmd := range cmds {
				type timed struct {
					text string
					d    time.Duration
				}
				var ts []timed
				for _, text := range queries[cmd] {
					best := time.Duration(1 << 62)
					for range 5 {
						t0 := time.Now()
						if _, err := bot.Handle(ctx, Message{Platform: "console", Channel: "bench", User: "u", Text: text}); err != nil {
							b.Fatal(err)
						}
						best = min(best, time.Since(t0))
					}
					ts = append(ts, timed{text, best})
				}
				slices.SortFunc(ts, func(a, b timed) int { return int(b.d - a.d) })
				for _, t := range ts[:min(len(ts), 8)] {
					fmt.Fprintf(os.Stderr, "%d %-20s %8.3f ms  %q\n", n, cmd, float64(t.d.Microseconds())/1000, t.text)
				}
			}
		})
	}
}

// BenchmarkTopicsQuery answers the messages in BRIEFBOT_TOPICS_Q
// ("|"-separated) in turn, the answer cache off: one query to profile.
func BenchmarkTopicsQuery(b *testing.B) {
	qs := strings.Split(os.Getenv("BRIEFBOT_TOPICS_Q"), "|")
	for _, n := range perfSizes() {
		pc := perfCorpusOf(b, n)
		bot := New(Options{CacheTTL: -1, Now: func() time.Time { return perfNow }})
		bot.SetIndex(pc.ix)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			ctx := context.Background()
			i := 0
			for b.Loop() {
				if _, err := bot.Handle(ctx, Message{Platform: "console", Channel: "bench", User: "u", Text: qs[i%len(qs)]}); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}
