package bot

import (
	"context"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/summarize"
)

// TestSetCorpusKeepsAnalysesOfUnchangedArticles sets a corpus, then one
// with an article changed, one added and one removed: only the changed
// and the added are analysed again.
func TestSetCorpusKeepsAnalysesOfUnchangedArticles(t *testing.T) {
	var (
		mu       sync.Mutex
		analysed []string
		done     atomic.Int32
	)
	b := New(Options{Progress: func(int, int) { done.Add(1) }})
	b.analyze = func(a corpus.Article) *summarize.Analysis { // called on several goroutines
		mu.Lock()
		analysed = append(analysed, a.ID)
		mu.Unlock()
		return summarize.Analyze(a)
	}
	arts := []corpus.Article{
		{ID: "a", Path: "a.md", Title: "Port strike", Body: "Dockers walked out on Monday."},
		{ID: "b", Path: "b.md", Title: "Rail strike", Body: "Drivers walked out on Tuesday."},
		{ID: "c", Path: "c.md", Title: "Bus strike", Body: "Conductors walked out on Wednesday."},
	}
	if err := b.SetCorpus(t.Context(), arts, nil); err != nil {
		t.Fatal(err)
	}
	analysed = nil
	next := []corpus.Article{arts[0], {ID: "b", Path: "b.md", Title: "Rail strike ends", Body: "Drivers went back on Friday."}, {ID: "d", Path: "d.md", Title: "Ferry strike", Body: "Crews walked out."}}
	if err := b.SetCorpus(t.Context(), next, nil); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(slices.Sorted(slices.Values(analysed)), ","); got != "b,d" {
		t.Errorf("analysed again %q, want b,d (a is unchanged, c is gone)", got)
	}
	if b.Articles() != 3 || done.Load() != 5 {
		t.Errorf("Articles() = %d, progress calls %d; want 3 and 5", b.Articles(), done.Load())
	}
}

// fakeLibrary is a Library whose Load counts its calls.
type fakeLibrary struct{ loads atomic.Int32 }

func (f *fakeLibrary) Load(context.Context) (corpus.Report, error) {
	f.loads.Add(1)
	return corpus.Report{Folder: corpus.FolderChange{Parsed: 1, Unchanged: 2}, FeedsPolled: 1, Failed: []error{errTest}}, nil
}

func (f *fakeLibrary) Sources() []corpus.SourceStatus {
	return []corpus.SourceStatus{{Kind: "feed", Location: "https://example.com/rss", Articles: 4, Err: "poll feed: HTTP 500", Checked: time.Date(2025, 8, 11, 9, 0, 0, 0, time.UTC)}}
}

type testError string

func (e testError) Error() string { return string(e) }

const errTest = testError("feed https://example.com/rss: HTTP 500")

func TestReloadIsForAdmins(t *testing.T) {
	b := New(Options{Admins: []string{"slack:UADMIN"}})
	if r, _ := b.Handle(t.Context(), Message{Platform: "console", Text: "reload"}); !strings.Contains(r[0].Text, "nothing to reload") {
		t.Errorf("reload without a live corpus = %+v", r)
	}
	lib := &fakeLibrary{}
	b.SetLibrary(lib)
	tests := []struct {
		m    Message
		want string
	}{
		{Message{Platform: "slack", Channel: "C1", User: "UOTHER", Text: "reload"}, "Only a briefbot admin"},
		{Message{Platform: "slack", Channel: "C1", User: "UADMIN", Text: "reload"}, "1 file read again, 2 unchanged, 0 removed; 1 feed polled, 0 changed."},
		{Message{Platform: "console", Channel: "console", User: "console", Text: "reload"}, "1 file read again"},
	}
	for _, tt := range tests {
		r, err := b.Handle(t.Context(), tt.m)
		if err != nil || len(r) != 1 || !strings.Contains(r[0].Text, tt.want) {
			t.Errorf("%s:%s reload = %+v, %v; want %q", tt.m.Platform, tt.m.User, r, err, tt.want)
		}
	}
	if n := lib.loads.Load(); n != 2 {
		t.Errorf("the library was loaded %d times, want 2 (the admins only)", n)
	}
	r, err := b.Handle(t.Context(), Message{Platform: "console", Text: "sources"})
	if err != nil || len(r[0].Sections) == 0 || r[0].Sections[0].Heading != "Loaded from" ||
		r[0].Sections[0].Items[0].Text != "feed https://example.com/rss — 4 articles, checked 2025-08-11 09:00:00 UTC — failed: poll feed: HTTP 500" {
		t.Errorf("sources = %+v, %v", r, err)
	}
}
