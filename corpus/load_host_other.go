//go:build !unix

package corpus

// readsHost says whether loadFS reads a host folder's files with
// readHostFile: not without Unix system calls, where they are read
// through the fs.FS.
const readsHost = false

func readHostFile(name string, limit int64) ([]byte, *LoadError) {
	panic("corpus: readHostFile without Unix system calls")
}
