//go:build unix

package corpus

import (
	"fmt"
	"io/fs"
	"syscall"
)

// readsHost says whether loadFS reads a host folder's files with
// readHostFile.
const readsHost = true

// readHostFile is readFile of the host file name, by system calls: one
// open (never blocking, so a named pipe swapped in since the walk is
// refused rather than waited on), one fstat for the type and size, the
// reads and a close, without an *os.File, which costs an fstatat, an
// fcntl and a poller registration more per file. The walk has already
// seen the file as a regular one; what it is when opened decides.
func readHostFile(name string, limit int64) ([]byte, *LoadError) {
	var fd int
	err := retryEINTR(func() (err error) {
		fd, err = syscall.Open(name, syscall.O_RDONLY|syscall.O_CLOEXEC|syscall.O_NONBLOCK|syscall.O_NOCTTY, 0)
		return err
	})
	if err != nil {
		return nil, &LoadError{Err: fmt.Errorf("read: %w", err)}
	}
	defer syscall.Close(fd) // read-only: a close error loses nothing
	size := int64(512)      // a guess, when fstat fails
	var st syscall.Stat_t
	if retryEINTR(func() error { return syscall.Fstat(fd, &st) }) == nil {
		if t := hostFileType(uint32(st.Mode)); t != 0 {
			return nil, &LoadError{Err: notRegular(t)}
		}
		if st.Size > limit {
			return nil, &LoadError{Err: tooLarge(st.Size, limit)}
		}
		size = st.Size
	}
	data := make([]byte, 0, min(size, limit)+1) // one byte more, to see the end of file in the same buffer
	for {
		room := data[len(data):min(cap(data), len(data)+int(limit+1-int64(len(data))))]
		var n int
		err := retryEINTR(func() (err error) {
			n, err = syscall.Read(fd, room)
			return err
		})
		if err != nil {
			return nil, &LoadError{Err: fmt.Errorf("read: %w", err)}
		}
		data = data[:len(data)+max(n, 0)]
		if n <= 0 || int64(len(data)) > limit {
			break
		}
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)] // grow
		}
	}
	if int64(len(data)) > limit { // it grew since the fstat
		return nil, &LoadError{Err: tooLarge(int64(len(data)), limit)}
	}
	return data, nil
}

// hostFileType returns the type bits of a file that is not a regular
// one, from its stat mode, as fs.FileMode has them; 0 for a regular
// file.
func hostFileType(mode uint32) fs.FileMode {
	switch mode & syscall.S_IFMT {
	case syscall.S_IFREG:
		return 0
	case syscall.S_IFDIR:
		return fs.ModeDir
	case syscall.S_IFIFO:
		return fs.ModeNamedPipe
	case syscall.S_IFSOCK:
		return fs.ModeSocket
	case syscall.S_IFCHR:
		return fs.ModeDevice | fs.ModeCharDevice
	case syscall.S_IFBLK:
		return fs.ModeDevice
	case syscall.S_IFLNK:
		return fs.ModeSymlink
	}
	return fs.ModeIrregular
}

// retryEINTR calls f until it fails with something else than EINTR.
func retryEINTR(f func() error) error {
	for {
		if err := f(); err != syscall.EINTR {
			return err
		}
	}
}
