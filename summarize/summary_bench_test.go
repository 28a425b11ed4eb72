package summarize

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/briefbot/briefbot/corpus"
)

// BenchmarkRank measures the summary ranking alone (candidates and their
// traits, TF-IDF, the similarity graph, biased LexRank, MMR) on the seed
// article: 57 sentences. MB/s is of article text.
func BenchmarkRank(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "sentences-seed.md"))
	if err != nil {
		b.Fatal(err)
	}
	arts, err := corpus.Parse("seed.md", data)
	if err != nil || len(arts) != 1 {
		b.Fatalf("parse seed: %d articles, %v", len(arts), err)
	}
	an := Analyze(arts[0])
	timely := an.timely()
	b.SetBytes(int64(len(arts[0].Body)))
	for b.Loop() {
		rank(arts[0].Title, an.Sentences, timely, 3)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}
