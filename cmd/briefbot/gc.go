package main

import (
	"os"
	"runtime/debug"
	"sync"
)

// loadGCPercent is the garbage collector's target while the corpus is
// first loaded: the heap may grow to four times what is live. A start-up
// allocates gigabytes it keeps (articles, analyses, the index), and with
// the default 100 the collector marks the growing heap over and over: at
// 100,000 articles GOGC=300 took a warm restart from 5.1-5.7 s to 4.7-4.8 s
// for 0.9 GB more peak memory (docs/PERFORMANCE.md).
const loadGCPercent = 300

// loadingGC holds the collector at loadGCPercent until every caller has
// called the function it returns (commands run side by side in tests
// share the process's one setting), then restores what it was. The
// operator's GOGC, when set, is left alone, and GOMEMLIMIT bounds the
// heap whatever the percent.
func loadingGC() (done func()) {
	if _, set := os.LookupEnv("GOGC"); set {
		return func() {}
	}
	loadGC.Lock()
	if loadGC.holders == 0 {
		loadGC.prev = debug.SetGCPercent(loadGCPercent)
	}
	loadGC.holders++
	loadGC.Unlock()
	var once sync.Once
	return func() {
		once.Do(func() {
			loadGC.Lock()
			defer loadGC.Unlock()
			if loadGC.holders--; loadGC.holders == 0 {
				debug.SetGCPercent(loadGC.prev)
			}
		})
	}
}

// loadGC counts the loads under way and keeps the percent they replaced.
var loadGC struct {
	sync.Mutex
	holders int
	prev    int
}
