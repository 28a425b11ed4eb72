//go:build linux

package bot

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
	"unsafe"
)

// threadCPU returns the CPU time the calling thread has used
// (CLOCK_THREAD_CPUTIME_ID), 0 if the system cannot tell.
func threadCPU() time.Duration {
	var ts syscall.Timespec
	const clockThreadCPUTimeID = 3
	if _, _, errno := syscall.Syscall(syscall.SYS_CLOCK_GETTIME, clockThreadCPUTimeID, uintptr(unsafe.Pointer(&ts)), 0); errno != 0 {
		return 0
	}
	return time.Duration(ts.Nano())
}

// BenchmarkCommandsCPU is BenchmarkCommands timed in the CPU time of the
// thread answering (locked to it) rather than wall time: each answer's
// p50 and p99 move far less with the load of other processes. Garbage
// collection the answer leaves to background workers is not counted;
// the assists it makes are.
func BenchmarkCommandsCPU(b *testing.B) {
	for _, n := range perfSizes() {
		pc := perfCorpusOf(b, n)
		bot := New(Options{CacheTTL: -1, Now: func() time.Time { return perfNow }})
		bot.SetIndex(pc.ix)
		queries := perfQueries(pc.ix, 200)
		names := make([]string, 0, len(queries))
		for k := range queries {
			names = append(names, k)
		}
		slices.Sort(names)
		for _, cmd := range names {
			qs := queries[cmd]
			b.Run(fmt.Sprintf("%d/%s", n, strings.ReplaceAll(cmd, " ", "_")), func(b *testing.B) {
				runtime.LockOSThread()
				defer runtime.UnlockOSThread()
				ctx := context.Background()
				var lat latencies
				i := 0
				for b.Loop() {
					m := Message{Platform: "console", Channel: "bench", User: "u", Text: qs[i%len(qs)]}
					c0 := threadCPU()
					if _, err := bot.Handle(ctx, m); err != nil {
						b.Fatal(err)
					}
					lat = append(lat, threadCPU()-c0)
					i++
				}
				lat.report(b)
			})
		}
	}
}
