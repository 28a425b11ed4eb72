package bot

import (
	"testing"

	"github.com/briefbot/briefbot/internal/cputime"
)

// BenchmarkTokens times the tokenizer on the benchmark corpus's
// sentences: scanning words alone, and scanning with each word's memo
// lookup (what every index build does per word).
func BenchmarkTokens(b *testing.B) {
	pc := perfCorpusOf(b, perfSizes()[0])
	var texts []string
	for _, an := range pc.ans[:min(len(pc.ans), 2000)] {
		for _, s := range an.Sentences {
			texts = append(texts, s.Text)
		}
	}
	b.Run("scan", func(b *testing.B) {
		n := 0
		cpu0 := cputime.Process()
		for b.Loop() {
			var sc wordScanner
			var buf [64]byte
			for _, t := range texts {
				sc.reset(t)
				for _, ok := sc.next(buf[:0]); ok; _, ok = sc.next(buf[:0]) {
					n++
				}
			}
		}
		b.ReportMetric(float64(cputime.Process()-cpu0)/float64(b.N), "cpu-ns/op")
		b.ReportMetric(float64(n)/float64(b.N), "words/op")
	})
	b.Run("lookup", func(b *testing.B) {
		cpu0 := cputime.Process()
		for b.Loop() {
			var sc wordScanner
			var buf [64]byte
			for _, t := range texts {
				sc.reset(t)
				for w, ok := sc.next(buf[:0]); ok; w, ok = sc.next(w) {
					_ = lookupWord(w)
				}
			}
		}
		b.ReportMetric(float64(cputime.Process()-cpu0)/float64(b.N), "cpu-ns/op")
	})
}
