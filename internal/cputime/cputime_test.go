package cputime_test

import (
	"runtime"
	"testing"

	"github.com/briefbot/briefbot/internal/cputime"
)

// TestProcessMovesWithWork checks that burning CPU advances the reading;
// it makes no claim about how far, so it holds on any machine.
func TestProcessMovesWithWork(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" {
		t.Skip("no getrusage")
	}
	start := cputime.Process()
	x := 0
	for i := 0; cputime.Process() == start && i < 1e10; i++ {
		x += i % 7
	}
	if got := cputime.Process(); got <= start {
		t.Fatalf("Process() = %v after work, want more than %v (x=%d)", got, start, x)
	}
}
