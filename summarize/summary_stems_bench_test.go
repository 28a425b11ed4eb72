package summarize

import (
	"testing"

	"github.com/briefbot/briefbot/internal/cputime"
)

// BenchmarkContentWordsParallel stems the sentences of the mix on every
// core at once with a warm stem cache: the cost of the cache's reads when
// all cores share it. MB/s is of sentence text.
func BenchmarkContentWordsParallel(b *testing.B) {
	arts, _ := loadMix(b)
	var texts []string
	var size int64
	for _, a := range arts {
		for _, s := range Sentences(a.Body) {
			texts = append(texts, s.Text)
			size += int64(len(s.Text))
		}
	}
	var buf []string
	for _, s := range texts { // warm the cache
		buf = appendContentWords(buf[:0], s)
	}
	b.SetBytes(size)
	b.ResetTimer()
	cpu := cputime.Process()
	b.RunParallel(func(pb *testing.PB) {
		var words []string
		for pb.Next() {
			for _, s := range texts {
				words = appendContentWords(words[:0], s)
			}
		}
	})
	reportCPU(b, size, cputime.Process()-cpu)
}
