package corpusgen

import "testing"

// BenchmarkArticle measures generating one article in memory (MB/s of
// article text), what the bot benchmarks pay per article before analysis.
func BenchmarkArticle(b *testing.B) {
	g := New(Config{N: 10_000, Seed: 1})
	i := 0
	var bytes int64
	for b.Loop() {
		a := g.Article(i % g.Len())
		bytes += int64(len(a.Title) + len(a.Body))
		i++
	}
	b.SetBytes(bytes / int64(max(i, 1)))
}
