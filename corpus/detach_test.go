package corpus_test

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/corpus"
)

// TestTitlesDoNotKeepFiles keeps only the titles, outlets and URLs of
// articles parsed from large files, and checks that the files' text is
// freed: a field cut from the text would keep every byte of it alive.
func TestTitlesDoNotKeepFiles(t *testing.T) {
	const files, size = 40, 1 << 20 // 40 MB of text
	body := strings.Repeat("The council met again on Tuesday.\n", size/34)
	heap := func() uint64 {
		runtime.GC()
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	before := heap()
	kept := make([]string, 0, 3*files)
	for i := range files {
		src := fmt.Sprintf("---\ntitle: \"Council %d\"\nsource: Wire\nurl: https://example.com/%d\npublished: 2024-03-01\n---\n%s", i, i, body)
		arts, err := corpus.Parse(fmt.Sprintf("a%d.md", i), []byte(src))
		if err != nil || len(arts) != 1 {
			t.Fatalf("parse: %d articles, %v", len(arts), err)
		}
		kept = append(kept, arts[0].Title, arts[0].Source, arts[0].URL)
	}
	after := heap()
	runtime.KeepAlive(kept)
	if grown := int64(after) - int64(before); grown > files*size/4 {
		t.Errorf("keeping %d short fields keeps %d MB alive: the files' text is not freed", len(kept), grown>>20)
	}
}
