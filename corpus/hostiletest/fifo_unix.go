//go:build unix

package hostiletest

import "syscall"

// mkfifo makes a named pipe at path and reports that it did.
func mkfifo(path string) (bool, error) {
	return true, syscall.Mkfifo(path, 0o644)
}
