package summarize

import (
	"runtime"
	"testing"
)

// BenchmarkAnalyzeMixHeap reports the heap an analysis keeps alive per
// byte of article text (heap/text): every article of the mix is analysed,
// the analyses are kept, and the live heap is measured after a collection
// before and after. The target for a whole corpus is 3x the text,
// so this figure has to stay well below that.
func BenchmarkAnalyzeMixHeap(b *testing.B) {
	arts, size := loadMix(b)
	b.SetBytes(size)
	var perText float64
	for b.Loop() {
		b.StopTimer()
		before := liveHeap()
		b.StartTimer()
		kept := make([]*Analysis, len(arts))
		for i, a := range arts {
			kept[i] = Analyze(a)
		}
		b.StopTimer()
		after := liveHeap()
		runtime.KeepAlive(kept)
		perText = float64(after-before) / float64(size)
		b.StartTimer()
	}
	b.ReportMetric(perText, "heap/text")
}

// liveHeap returns the bytes of live heap objects after two full
// collections: the second empties the sync.Pools of working arrays (see
// pools.go), which no analysis holds.
func liveHeap() uint64 {
	runtime.GC()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}
