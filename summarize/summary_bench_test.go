package summarize

import (
	"testing"
)

// BenchmarkRank measures the summary ranking alone (candidates and their
// traits, TF-IDF, the similarity graph, biased LexRank, MMR) on the seed
// article: 57 sentences. MB/s is of article text.
func BenchmarkRank(b *testing.B) {
	art := seedArticle(b)
	an := Analyze(art)
	timely := an.timely()
	b.SetBytes(int64(len(art.Body)))
	for b.Loop() {
		rank(art.Title, an.Sentences, timely, 3)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}
