package corpus_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/briefbot/briefbot/corpus"
)

// feedServer serves an RSS feed with validators and the page its teaser
// item links to, and records the conditional headers of each feed request.
type feedServer struct {
	*httptest.Server
	mu       sync.Mutex
	version  int
	status   int // when not 0, the feed answers this
	requests []http.Header
	pages    int
}

const longPage = `<html><head><title>Port strike ends</title></head><body><article><h1>Port strike ends</h1>%s</article></body></html>`

func newFeedServer(t *testing.T) *feedServer {
	fs := &feedServer{version: 1}
	mux := http.NewServeMux()
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		fs.mu.Lock()
		defer fs.mu.Unlock()
		fs.requests = append(fs.requests, r.Header.Clone())
		if fs.status != 0 {
			w.Header().Set("Retry-After", "7200")
			w.WriteHeader(fs.status)
			return
		}
		etag := fmt.Sprintf(`"v%d"`, fs.version)
		modified := time.Date(2025, 8, fs.version, 9, 0, 0, 0, time.UTC).Format(http.TimeFormat)
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", modified)
		w.Header().Set("Content-Type", "application/rss+xml")
		items := `<item><guid>strike</guid><title>Port strike ends</title><link>` + fs.URL + `/news/strike?utm_source=rss</link>
<description>Dockers went back to work.</description><pubDate>Wed, 06 Aug 2025 09:00:00 GMT</pubDate></item>`
		if fs.version > 1 {
			items += `<item><guid>rail</guid><title>Rail talks</title><description>` + strings.Repeat("Drivers and managers met again on Thursday to talk about pay. ", 20) + `</description></item>`
		}
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour News</title>%s</channel></rss>`, items)
	})
	mux.HandleFunc("/news/strike", func(w http.ResponseWriter, r *http.Request) {
		fs.mu.Lock()
		fs.pages++
		fs.mu.Unlock()
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, longPage, strings.Repeat("<p>Dockers at the port went back to work on Friday after the union accepted a pay offer, officials said.</p>", 15))
	})
	fs.Server = httptest.NewServer(mux)
	t.Cleanup(fs.Close)
	return fs
}

func (fs *feedServer) set(f func(*feedServer)) {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	f(fs)
}

func (fs *feedServer) request(i int) http.Header {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	return fs.requests[i]
}

// TestFeedConditionalPolls polls a feed on 127.0.0.1: the first poll loads
// it (the teaser item completed from its page), the second sends the
// validators and gets a 304, a new version adds an item and keeps the old.
func TestFeedConditionalPolls(t *testing.T) {
	srv := newFeedServer(t)
	f := corpus.NewFeed(corpus.FeedOptions{URL: srv.URL + "/feed.xml", Interval: time.Minute})
	changed, err := f.Poll(t.Context())
	if err != nil || !changed {
		t.Fatalf("first Poll = %v, %v; want a change", changed, err)
	}
	arts := f.Articles()
	if len(arts) != 1 || arts[0].Source != "Harbour News" || arts[0].Path != srv.URL+"/feed.xml" || !strings.Contains(arts[0].Body, "accepted a pay offer") {
		t.Fatalf("Articles() = %+v; want the item with its page's text", arts)
	}
	if h := srv.request(0); h.Get("If-None-Match") != "" || h.Get("User-Agent") != corpus.UserAgent {
		t.Errorf("first request headers = %v", h)
	}
	changed, err = f.Poll(t.Context())
	if err != nil || changed {
		t.Fatalf("second Poll = %v, %v; want no change", changed, err)
	}
	h := srv.request(1)
	if h.Get("If-None-Match") != `"v1"` || h.Get("If-Modified-Since") != "Fri, 01 Aug 2025 09:00:00 GMT" {
		t.Errorf("second request: If-None-Match %q, If-Modified-Since %q", h.Get("If-None-Match"), h.Get("If-Modified-Since"))
	}
	srv.set(func(s *feedServer) { s.version = 2 })
	if changed, err := f.Poll(t.Context()); err != nil || !changed || len(f.Articles()) != 2 {
		t.Errorf("Poll after the feed changed = %v, %v, %d articles; want a change and 2", changed, err, len(f.Articles()))
	}
	if srv.pages != 1 {
		t.Errorf("the linked page was fetched %d times, want once", srv.pages)
	}
	if st := f.Status(); st.Err != nil || st.Articles != 2 || st.Polled.IsZero() {
		t.Errorf("Status() = %+v", st)
	}
}

func TestFeedBacksOffOnFailure(t *testing.T) {
	srv := newFeedServer(t)
	f := corpus.NewFeed(corpus.FeedOptions{URL: srv.URL + "/feed.xml", Interval: time.Minute})
	if _, err := f.Poll(t.Context()); err != nil {
		t.Fatal(err)
	}
	srv.set(func(s *feedServer) { s.status = http.StatusServiceUnavailable })
	waits := []time.Duration{}
	for range 3 {
		if _, err := f.Poll(t.Context()); err == nil || !strings.Contains(err.Error(), "HTTP 503") {
			t.Fatalf("Poll of a failing feed = %v, want HTTP 503", err)
		}
		waits = append(waits, f.Next())
	}
	if want := []time.Duration{2 * time.Hour, 2 * time.Hour, 2 * time.Hour}; fmt.Sprint(waits) != fmt.Sprint(want) {
		t.Errorf("Next after failures with Retry-After 7200 = %v, want %v", waits, want)
	}
	if len(f.Articles()) != 1 {
		t.Errorf("a failing feed lost its articles: %d", len(f.Articles()))
	}
	srv.set(func(s *feedServer) { s.status = 0 })
	if _, err := f.Poll(t.Context()); err != nil || f.Next() != time.Minute {
		t.Errorf("after a success: %v, Next %v; want the interval", err, f.Next())
	}
}

func TestFeedBackoffDoubles(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(500) }))
	defer srv.Close()
	f := corpus.NewFeed(corpus.FeedOptions{URL: srv.URL, Interval: time.Hour})
	var got []time.Duration
	for range 4 {
		f.Poll(t.Context()) //nolint:errcheck // the failure is the point
		got = append(got, f.Next())
	}
	want := []time.Duration{2 * time.Hour, 4 * time.Hour, corpus.MaxFeedBackoff, corpus.MaxFeedBackoff}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("Next after 1..4 failures = %v, want %v", got, want)
	}
}

// TestLibraryDedupesFeedAndFolder loads a folder holding a copy of a feed
// item (same canonical URL) and the feed: the corpus published holds both,
// and Dedupe keeps one.
func TestLibraryDedupesFeedAndFolder(t *testing.T) {
	srv := newFeedServer(t)
	dir := t.TempDir()
	write(t, dir+"/strike.md", "---\ntitle: Port strike ends\nsource: Harbour News\nurl: "+srv.URL+"/news/strike/\npublished: 2025-08-06\n---\nDockers went back to work on Friday.\n")
	var got []corpus.Article
	lib := corpus.NewLibrary(corpus.LibraryOptions{
		Folder: dir,
		Feeds:  []corpus.FeedOptions{{URL: srv.URL + "/feed.xml", Interval: time.Minute}},
		Publish: func(_ context.Context, arts []corpus.Article, _ []*corpus.LoadError) error {
			got = arts
			return nil
		},
	})
	r, err := lib.Load(t.Context())
	if err != nil || r.FeedsPolled != 1 || r.FeedsChanged != 1 || r.Folder.Parsed != 1 || !lib.Loaded() {
		t.Fatalf("Load = %+v, %v", r, err)
	}
	kept, dups := corpus.Dedupe(got)
	if len(got) != 2 || len(kept) != 1 || len(dups) != 1 || kept[0].Path != "strike.md" {
		t.Errorf("published %d, kept %+v, dropped %+v; want the dated folder copy", len(got), kept, dups)
	}
	src := lib.Sources()
	if len(src) != 2 || src[0].Kind != "folder" || src[1].Kind != "feed" || src[1].Articles != 1 || src[1].Err != "" {
		t.Errorf("Sources() = %+v", src)
	}
}

func TestCanonicalURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://www.Example.com/news/a/?utm_source=rss&id=2&fbclid=x#top", "example.com/news/a?id=2"},
		{"http://example.com:80/news/a", "example.com/news/a"},
		{"https://example.com:8443/a", "example.com:8443/a"},
		{"ftp://example.com/a", ""},
		{"strike.md", ""},
	}
	for _, tt := range tests {
		if got := corpus.CanonicalURL(tt.in); got != tt.want {
			t.Errorf("CanonicalURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestLibraryRunPollsFeedsOnTheirInterval runs a library whose feed
// changes on the server: Run's next poll publishes the new item.
func TestLibraryRunPollsFeedsOnTheirInterval(t *testing.T) {
	srv := newFeedServer(t)
	published := make(chan int, 10)
	lib := corpus.NewLibrary(corpus.LibraryOptions{
		Feeds: []corpus.FeedOptions{{URL: srv.URL + "/feed.xml", Interval: 20 * time.Millisecond}},
		Publish: func(_ context.Context, arts []corpus.Article, _ []*corpus.LoadError) error {
			published <- len(arts)
			return nil
		},
	})
	if _, err := lib.Load(t.Context()); err != nil || <-published != 1 {
		t.Fatalf("Load = %v", err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- lib.Run(ctx) }()
	srv.set(func(s *feedServer) { s.version = 2 })
	select {
	case n := <-published:
		if n != 2 {
			t.Errorf("published %d articles after the feed changed, want 2", n)
		}
	case <-time.After(20 * time.Second): // a hang guard
		t.Fatal("the changed feed was never published")
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Run = %v", err)
	}
}
