package corpus

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// Defaults of FeedOptions.
const (
	DefaultFeedInterval = 15 * time.Minute
	DefaultFeedTimeout  = 30 * time.Second
	// MaxFeedBackoff caps the wait after failures, unless the interval is
	// longer.
	MaxFeedBackoff = 6 * time.Hour
	// MaxFeedItems is how many items a feed keeps: items that drop off the
	// feed stay in the corpus, the oldest first seen going first past it.
	MaxFeedItems = 1000
	// UserAgent is what briefbot calls itself to the servers it polls.
	UserAgent = "briefbot (+https://github.com/briefbot/briefbot)"
)

// FeedOptions configure a Feed.
type FeedOptions struct {
	URL      string
	Interval time.Duration // between polls: DefaultFeedInterval when 0
	Timeout  time.Duration // of one request (the feed, or a linked page): DefaultFeedTimeout when 0
	Client   *http.Client  // http.DefaultClient's transport when nil; its Timeout is replaced by Timeout
}

// Feed is one feed URL, polled with conditional GETs (ETag and
// Last-Modified): a 304 costs nothing. Each item is an article, its ID
// stable across polls (the feed URL and the item's GUID, else link, else
// title). An item that carries only a teaser is completed from the page it
// links to. Items that drop off the feed are kept (up to MaxFeedItems).
// A Feed is safe for concurrent use; Poll calls are serialised.
type Feed struct {
	opts   FeedOptions
	client *http.Client

	poll          sync.Mutex // serialises Poll
	mu            sync.Mutex // guards what follows
	etag, lastMod string
	items         map[string]*feedItem // by article ID
	order         []string             // article IDs, first seen first
	pages         *pageCache
	status        FeedStatus
	failures      int
	retryAfter    time.Duration
}

// feedItem is one item as kept.
type feedItem struct {
	art       Article
	firstSeen time.Time
}

// FeedStatus is what a Feed last did.
type FeedStatus struct {
	URL      string
	Articles int
	Polled   time.Time // the last poll's end; zero before the first
	Changed  time.Time // the last poll that changed the articles
	Err      error     // the last poll's failure, nil after a success
	Skipped  *LoadError
}

// NewFeed returns a feed; nothing is fetched before Poll.
func NewFeed(opts FeedOptions) *Feed {
	opts.Interval = cmp.Or(opts.Interval, DefaultFeedInterval)
	opts.Timeout = cmp.Or(opts.Timeout, DefaultFeedTimeout)
	c := &http.Client{Timeout: opts.Timeout}
	if opts.Client != nil {
		cc := *opts.Client
		cc.Timeout = opts.Timeout
		c = &cc
	}
	return &Feed{opts: opts, client: c, items: map[string]*feedItem{}, pages: newPageCache(), status: FeedStatus{URL: opts.URL}}
}

// URL returns the feed's URL.
func (f *Feed) URL() string { return f.opts.URL }

// Poll fetches the feed once, sending the validators of the last answer
// (If-None-Match, If-Modified-Since), and reports whether its articles
// changed. A failure (network, timeout, an HTTP status other than 200 and
// 304, a body that is no feed) is returned wrapped and the articles are
// kept; Next then backs off.
func (f *Feed) Poll(ctx context.Context) (changed bool, err error) {
	f.poll.Lock()
	defer f.poll.Unlock()
	changed, err = f.fetch(ctx)
	f.mu.Lock()
	defer f.mu.Unlock()
	f.status.Polled, f.status.Err = time.Now(), err
	if err != nil {
		f.failures++
		return false, err
	}
	f.failures, f.retryAfter = 0, 0
	if changed {
		f.status.Changed = f.status.Polled
	}
	return changed, nil
}

// fetch makes the request and takes in its items.
func (f *Feed) fetch(ctx context.Context) (bool, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, f.opts.URL, nil)
	if err != nil {
		return false, fmt.Errorf("poll feed %s: %w", f.opts.URL, err)
	}
	req.Header.Set("User-Agent", UserAgent)
	req.Header.Set("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1")
	f.mu.Lock()
	if f.etag != "" {
		req.Header.Set("If-None-Match", f.etag)
	}
	if f.lastMod != "" {
		req.Header.Set("If-Modified-Since", f.lastMod)
	}
	f.mu.Unlock()
	resp, err := f.client.Do(req)
	if err != nil {
		return false, fmt.Errorf("poll feed %s: %w", f.opts.URL, err)
	}
	defer resp.Body.Close() // read to the end or abandoned: nothing to report
	switch resp.StatusCode {
	case http.StatusNotModified:
		return false, nil
	case http.StatusOK:
	default:
		f.mu.Lock()
		f.retryAfter = retryAfter(resp.Header.Get("Retry-After"))
		f.mu.Unlock()
		return false, fmt.Errorf("poll feed %s: HTTP %s", f.opts.URL, resp.Status)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, MaxFileSize+1))
	if err != nil {
		return false, fmt.Errorf("poll feed %s: read: %w", f.opts.URL, err)
	}
	if len(data) > MaxFileSize {
		return false, fmt.Errorf("poll feed %s: %w", f.opts.URL, tooLarge(int64(len(data)), MaxFileSize))
	}
	arts, lerr := parseFeedData(f.opts.URL, data)
	if len(arts) == 0 && lerr != nil {
		return false, fmt.Errorf("poll feed %s: %w", f.opts.URL, lerr.Err)
	}
	f.completeTeasers(ctx, arts)
	f.mu.Lock()
	defer f.mu.Unlock()
	f.etag, f.lastMod = resp.Header.Get("ETag"), resp.Header.Get("Last-Modified")
	f.status.Skipped = lerr
	return f.merge(arts, time.Now()), nil
}

// merge takes in the items of one poll and reports whether any is new or
// changed. f.mu is held.
func (f *Feed) merge(arts []Article, now time.Time) bool {
	changed := false
	for _, a := range arts {
		old, ok := f.items[a.ID]
		switch {
		case !ok:
			f.items[a.ID] = &feedItem{art: a, firstSeen: now}
			f.order = append(f.order, a.ID)
			changed = true
		case !old.art.Equal(a):
			old.art = a
			changed = true
		}
	}
	for len(f.order) > MaxFeedItems {
		delete(f.items, f.order[0])
		f.order = f.order[1:]
	}
	f.status.Articles = len(f.order)
	return changed
}

// Articles returns the feed's articles, first seen first.
func (f *Feed) Articles() []Article {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := make([]Article, 0, len(f.order))
	for _, id := range f.order {
		out = append(out, f.items[id].art)
	}
	return out
}

// Status returns what the feed last did.
func (f *Feed) Status() FeedStatus {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.status
}

// Next returns how long to wait before the next poll: the interval after a
// success; after n failures in a row the interval doubled n times, capped
// at MaxFeedBackoff (or the interval, when longer), and never shorter than
// a Retry-After the server sent.
func (f *Feed) Next() time.Duration {
	f.mu.Lock()
	defer f.mu.Unlock()
	d := f.opts.Interval
	limit := max(MaxFeedBackoff, d)
	for range f.failures {
		if d >= limit/2 {
			d = limit
			break
		}
		d *= 2
	}
	return max(d, f.retryAfter)
}

// retryAfter reads a Retry-After header given in seconds; 0 otherwise.
func retryAfter(v string) time.Duration {
	n, err := strconv.Atoi(v)
	if err != nil || n <= 0 {
		return 0
	}
	return min(time.Duration(n)*time.Second, 24*time.Hour)
}

// parseFeedData parses a fetched feed named by its URL, as Parse parses a
// feed file.
func parseFeedData(url string, data []byte) ([]Article, *LoadError) {
	text, err := validText(data)
	if err != nil {
		return nil, &LoadError{Path: url, Err: err}
	}
	arts, lerr := parseFeed(url, text, MaxFeedItems)
	if lerr != nil {
		lerr.Path = url
	}
	for i := range arts {
		arts[i].Path = url
	}
	return arts, lerr
}

// errNotHTML is a linked page that is not HTML.
var errNotHTML = errors.New("not an HTML page")
