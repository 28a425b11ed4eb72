//go:build unix

package corpus

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestReadHostFile reads files of every kind both ways: readHostFile
// gives what readFile through os.DirFS gives, data and error alike.
func TestReadHostFile(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("empty.md", nil)
	write("small.md", []byte("# Title\n\nBody.\n"))
	write("limit.md", bytes.Repeat([]byte("x"), 100))
	write("over.md", bytes.Repeat([]byte("x"), 101))
	write("big.md", bytes.Repeat([]byte("word "), 20000))
	if err := os.Mkdir(filepath.Join(dir, "folder.md"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.md"), 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	fsys := os.DirFS(dir)
	for _, c := range []struct {
		name  string
		limit int64
	}{
		{"empty.md", 100}, {"small.md", 100}, {"limit.md", 100}, {"over.md", 100},
		{"big.md", 1 << 20}, {"big.md", 1000}, {"folder.md", 100}, {"missing.md", 100},
	} {
		want, wantErr := readFile(fsys, c.name, c.limit)
		got, gotErr := readHostFile(dir+"/"+c.name, c.limit)
		if !bytes.Equal(got, want) || errText(gotErr) != errText(wantErr) {
			t.Errorf("%s (limit %d): readHostFile = %d bytes, %v; readFile = %d bytes, %v", c.name, c.limit, len(got), gotErr, len(want), wantErr)
		}
	}
	// A named pipe is refused, not waited on (readFile refuses it before
	// opening it; readHostFile once open, without blocking).
	done := make(chan *LoadError)
	go func() {
		_, lerr := readHostFile(dir+"/pipe.md", 100)
		done <- lerr
	}()
	select {
	case lerr := <-done:
		if lerr == nil || !errors.Is(lerr.Err, ErrNotRegular) || !strings.Contains(lerr.Err.Error(), "named pipe") {
			t.Errorf("readHostFile(pipe) = %v, want a named pipe refused", lerr)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("readHostFile blocked on a named pipe")
	}
}

func TestReadHostFileUnreadable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads everything")
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "secret.md")
	if err := os.WriteFile(p, []byte("x"), 0o000); err != nil {
		t.Fatal(err)
	}
	_, want := readFile(os.DirFS(dir), "secret.md", 100)
	_, got := readHostFile(p, 100)
	if errText(got) != errText(want) || !errors.Is(got.Err, os.ErrPermission) {
		t.Errorf("readHostFile = %v, want %v", got, want)
	}
}

func errText(lerr *LoadError) string {
	if lerr == nil {
		return ""
	}
	return lerr.Err.Error()
}
