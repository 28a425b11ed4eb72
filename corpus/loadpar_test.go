package corpus_test

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"reflect"
	"sort"
	"sync/atomic"
	"testing"
	"testing/fstest"

	"github.com/briefbot/briefbot/corpus"
)

// manyFiles returns a folder of n files in nested folders, every fifth
// one bad (binary, empty or with broken front matter), and its paths in
// walk order.
func manyFiles(n int) (fstest.MapFS, []string) {
	fsys := fstest.MapFS{}
	var paths []string
	for i := range n {
		p := fmt.Sprintf("d%d/s%d/f%03d.md", i%3, i%4, i)
		data := fmt.Sprintf("---\ntitle: \"Article %d\"\nsource: Wire\npublished: 2024-03-%02d\n---\nBody of article %d.\n", i, i%28+1, i)
		switch i % 15 {
		case 5:
			data = "binary\x00"
		case 10:
			data = "---\ntitle: T\n"
		}
		if i%15 == 14 {
			data = "   \n"
		}
		fsys[p] = &fstest.MapFile{Data: []byte(data)}
		paths = append(paths, p)
	}
	sort.Slice(paths, func(a, b int) bool { // fs.WalkDir order: by folder, then name
		return path.Dir(paths[a]) < path.Dir(paths[b]) || path.Dir(paths[a]) == path.Dir(paths[b]) && paths[a] < paths[b]
	})
	return fsys, paths
}

// TestLoadParallelOrder checks that the parallel load gives the articles
// and errors in walk order, exactly as parsing file after file does.
func TestLoadParallelOrder(t *testing.T) {
	fsys, paths := manyFiles(300)
	var (
		wantArts []corpus.Article
		wantErrs []string
	)
	for _, p := range paths {
		arts, err := corpus.Parse(p, fsys[p].Data)
		wantArts = append(wantArts, arts...)
		if err != nil {
			wantErrs = append(wantErrs, err.Error())
		}
	}
	if len(wantErrs) == 0 || len(wantArts) == 0 {
		t.Fatalf("the fixture holds %d articles and %d errors; want some of each", len(wantArts), len(wantErrs))
	}
	for range 5 { // the workers race differently each time
		arts, errs := corpus.LoadFS(t.Context(), fsys, ".")
		if !reflect.DeepEqual(arts, wantArts) {
			t.Fatalf("LoadFS: %d articles not in walk order (want %d)", len(arts), len(wantArts))
		}
		if got := errStrings(errs); !reflect.DeepEqual(got, wantErrs) {
			t.Fatalf("LoadFS errors = %q, want %q", got, wantErrs)
		}
	}
}

// cancelFS cancels a context when the file numbered at is opened.
type cancelFS struct {
	fstest.MapFS
	opened atomic.Int64
	at     int64
	cancel context.CancelFunc
}

func (c *cancelFS) Open(name string) (fs.File, error) {
	if path.Ext(name) == ".md" && c.opened.Add(1) == c.at {
		c.cancel()
	}
	return c.MapFS.Open(name)
}

// TestLoadParallelCancelled checks that a load cancelled half way returns
// a prefix of the full load, in order, and one error for the root that
// wraps context.Canceled.
func TestLoadParallelCancelled(t *testing.T) {
	fsys, _ := manyFiles(300)
	all, allErrs := corpus.LoadFS(t.Context(), fsys, ".")
	for _, at := range []int64{1, 50, 150} {
		ctx, cancel := context.WithCancel(t.Context())
		arts, errs := corpus.LoadFS(ctx, &cancelFS{MapFS: fsys, at: at, cancel: cancel}, ".")
		cancel()
		if len(errs) == 0 || !errors.Is(errs[len(errs)-1], context.Canceled) || errs[len(errs)-1].Path != "." {
			t.Fatalf("cancelled at file %d: errors %q, want the last one for . wrapping context.Canceled", at, errStrings(errs))
		}
		// A load cancelled before its first article returns none (nil),
		// which is the empty prefix.
		if len(arts) >= len(all) || len(arts) > 0 && !reflect.DeepEqual(arts, all[:len(arts)]) {
			t.Errorf("cancelled at file %d: %d articles, want a strict prefix of the %d of a full load", at, len(arts), len(all))
		}
		errs = errs[:len(errs)-1]
		if !reflect.DeepEqual(errStrings(errs), errStrings(allErrs[:len(errs)])) {
			t.Errorf("cancelled at file %d: errors %q are not a prefix of a full load's", at, errStrings(errs))
		}
	}
}
