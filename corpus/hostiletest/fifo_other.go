//go:build !unix

package hostiletest

// mkfifo makes no named pipe where the system has none.
func mkfifo(string) (bool, error) { return false, nil }
