package bot

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"reflect"
	"runtime"
	"sync"

	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/internal/snapshot"
	"github.com/briefbot/briefbot/summarize"
)

// analysisKeys returns KeyOf of each of arts, computed on GOMAXPROCS
// goroutines, all joined before it returns.
func analysisKeys(arts []corpus.Article) []AnalysisKey {
	keys := make([]AnalysisKey, len(arts))
	parallelArts(len(arts), func(i int) { keys[i] = KeyOf(arts[i]) })
	return keys
}

// parallelArts runs f(0..n-1) on GOMAXPROCS goroutines (one for fewer
// than 64), all joined before it returns.
func parallelArts(n int, f func(i int)) {
	w := max(1, min(runtime.GOMAXPROCS(0), n/64))
	var wg sync.WaitGroup
	for k := range w {
		wg.Go(func() {
			for i := k; i < n; i += w {
				f(i)
			}
		})
	}
	wg.Wait()
}

// indexKeyOfKeys returns the key of the index of arts (deduplicated, in
// corpus order) whose KeyOf are keys: a SHA-256 of the snapshot format,
// the machine's architecture (a snapshot copies memory), the shape of
// Index, the analyzer's version, and every field of every article
// (through its KeyOf for the title, date and body). The analyses are a
// function of the articles under one analyzer version, and the load and
// analysis errors are checked after decoding (restoreIndex), so they need
// no part in it. It hashes the articles on GOMAXPROCS goroutines.
func indexKeyOfKeys(arts []corpus.Article, keys []AnalysisKey) IndexKey {
	sums := make([][sha256.Size]byte, len(arts))
	parallelArts(len(arts), func(i int) {
		var room [512]byte // on the stack: most articles' fields fit
		a := &arts[i]
		buf := append(room[:0], keys[i][:]...)
		for _, s := range [...]string{a.ID, a.Path, a.Source, a.URL, a.Format} {
			buf = binary.AppendUvarint(buf, uint64(len(s)))
			buf = append(buf, s...)
		}
		buf = binary.AppendUvarint(buf, uint64(len(a.Tags)))
		for _, s := range a.Tags {
			buf = binary.AppendUvarint(buf, uint64(len(s)))
			buf = append(buf, s...)
		}
		sums[i] = sha256.Sum256(buf)
	})
	h := sha256.New()
	sig := snapshot.TypeSig(reflect.TypeFor[Index]())
	fmt.Fprintf(h, "briefbot index snapshot %d\x00%s\x00%s\x00%d\x00", indexSnapshotVersion, runtime.GOARCH, summarize.AnalyzerVersion, len(arts))
	h.Write(sig[:])
	for i := range sums {
		h.Write(sums[i][:])
	}
	var k IndexKey
	h.Sum(k[:0])
	return k
}
