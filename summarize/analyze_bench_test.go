package summarize

import (
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/internal/cputime"
)

// BenchmarkAnalyze measures the whole analysis of one real article (the
// seed: 5.5 KB of text, quotes, a deadline with a revision); MB/s is of
// article text.
func BenchmarkAnalyze(b *testing.B) {
	art := seedArticle(b)
	b.SetBytes(int64(len(art.Body)))
	cpu := cputime.Process()
	for b.Loop() {
		Analyze(art)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	reportCPU(b, int64(len(art.Body)), cputime.Process()-cpu)
}

// BenchmarkAnalyzeLarge measures a 256 KB synthetic article, to show the
// cost grows with the text and not faster.
func BenchmarkAnalyzeLarge(b *testing.B) {
	art := largeArticle()
	b.SetBytes(int64(len(art.Body)))
	cpu := cputime.Process()
	for b.Loop() {
		Analyze(art)
	}
	reportCPU(b, int64(len(art.Body)), cputime.Process()-cpu)
}

// largeArticle is the 256 KB synthetic article of the Large benchmarks.
func largeArticle() corpus.Article {
	return corpus.Article{ID: "big", Body: strings.TrimSpace(bigArticle(256 << 10)), Published: time.Date(2025, 8, 6, 0, 0, 0, 0, time.UTC)}
}
