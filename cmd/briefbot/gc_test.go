package main

import (
	"os"
	"runtime/debug"
	"testing"
)

// gcPercent returns the collector's current percent.
func gcPercent() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

// TestLoadingGC checks that loads raise the collector's percent while any
// is under way, restore it after the last, and leave an operator's GOGC
// alone. It is not parallel: the percent is the process's.
func TestLoadingGC(t *testing.T) {
	if v, ok := os.LookupEnv("GOGC"); ok {
		os.Unsetenv("GOGC")
		t.Cleanup(func() { os.Setenv("GOGC", v) })
	}
	prev := debug.SetGCPercent(150)
	t.Cleanup(func() { debug.SetGCPercent(prev) })

	first, second := loadingGC(), loadingGC()
	if got := gcPercent(); got != loadGCPercent {
		t.Fatalf("during two loads: GOGC %d, want %d", got, loadGCPercent)
	}
	first()
	first() // a second call does nothing
	if got := gcPercent(); got != loadGCPercent {
		t.Fatalf("one load still under way: GOGC %d, want %d", got, loadGCPercent)
	}
	second()
	if got := gcPercent(); got != 150 {
		t.Fatalf("after the loads: GOGC %d, want the 150 it was", got)
	}

	t.Setenv("GOGC", "150")
	done := loadingGC()
	if got := gcPercent(); got != 150 {
		t.Errorf("with GOGC set: %d during a load, want the operator's 150", got)
	}
	done()
}
