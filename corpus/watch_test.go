package corpus_test

import (
	"context"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/briefbot/briefbot/corpus"
)

// watch runs a Watcher on root and returns a channel that receives each
// time it reports a change.
func watch(t *testing.T, root string, debounce time.Duration) (<-chan struct{}, *atomic.Int32) {
	t.Helper()
	w, err := corpus.NewWatcher(root, debounce, nil)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	changed := make(chan struct{}, 100)
	var n atomic.Int32
	done := make(chan error, 1)
	go func() {
		done <- w.Run(ctx, func(context.Context) {
			n.Add(1)
			changed <- struct{}{}
		})
	}()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run = %v, want nil", err)
		}
	})
	return changed, &n
}

func waitChange(t *testing.T, changed <-chan struct{}, what string) {
	t.Helper()
	select {
	case <-changed:
	case <-time.After(10 * time.Second):
		t.Fatalf("no change reported after %s", what)
	}
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestWatcherSeesNewFilesInNewFolders(t *testing.T) {
	dir := t.TempDir()
	changed, _ := watch(t, dir, 20*time.Millisecond)
	sub := filepath.Join(dir, "2025", "08")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	waitChange(t, changed, "a new folder")
	write(t, filepath.Join(sub, "strike.md"), "Port strike\n\nDockers walked out.")
	waitChange(t, changed, "a file written in a new subfolder")
	if err := os.Remove(filepath.Join(sub, "strike.md")); err != nil {
		t.Fatal(err)
	}
	waitChange(t, changed, "a file removed")
}

func TestWatcherDebouncesAndIgnoresNoise(t *testing.T) {
	dir := t.TempDir()
	changed, n := watch(t, dir, 300*time.Millisecond)
	write(t, filepath.Join(dir, ".draft.md.swp"), "editor noise")
	write(t, filepath.Join(dir, "notes.json"), "not an article")
	for i := range 5 {
		write(t, filepath.Join(dir, "a"+string(rune('0'+i))+".md"), "Title\n\nBody.")
	}
	waitChange(t, changed, "five files")
	time.Sleep(600 * time.Millisecond) // real time: inotify cannot be faked
	if got := n.Load(); got != 1 {
		t.Errorf("%d changes reported for one burst of writes, want 1", got)
	}
}

func TestWatcherOnOneFile(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "feed.xml")
	write(t, file, "<rss></rss>")
	changed, n := watch(t, file, 20*time.Millisecond)
	write(t, filepath.Join(dir, "other.md"), "Other\n\nNot watched.")
	write(t, file, "<rss><channel></channel></rss>")
	waitChange(t, changed, "the watched file changed")
	if got := n.Load(); got != 1 {
		t.Errorf("%d changes, want 1 (the sibling file is not watched)", got)
	}
}

// TestWatcherFollowsLinkedFolders: with FollowSymlinks, a file written in
// a folder outside the root that a link leads to is a change.
func TestWatcherFollowsLinkedFolders(t *testing.T) {
	dir, outside := t.TempDir(), t.TempDir()
	if err := os.Symlink(outside, filepath.Join(dir, "wire")); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	w, err := corpus.NewWatcherWith(dir, 20*time.Millisecond, nil, corpus.Options{FollowSymlinks: true})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	changed := make(chan struct{}, 100)
	done := make(chan error, 1)
	go func() { done <- w.Run(ctx, func(context.Context) { changed <- struct{}{} }) }()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run = %v, want nil", err)
		}
	}()
	write(t, filepath.Join(outside, "linked.md"), "Linked\n\nA file in a linked folder.")
	waitChange(t, changed, "writing in a linked folder")
}
