//go:build linux

package bot

import (
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
func BenchmarkCommandsCPU(b *testing.B) { benchCommands(b, threadCPU, true) }
