package corpus

import (
	"context"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
	"sync"
)

// TeaserWords is the length under which a feed item's text is taken for a
// teaser, and the page it links to is fetched for the whole article.
const TeaserWords = 120

// maxPagesPerPoll bounds the pages one poll fetches, so a new feed of
// teasers is completed over a few polls rather than in one burst.
const maxPagesPerPoll = 10

// maxPageTries is how often a page that failed is tried before it is left
// a teaser.
const maxPageTries = 3

// pageCache remembers the linked pages fetched, by URL: their text, or
// how often they failed.
type pageCache struct {
	mu    sync.Mutex
	pages map[string]page
}

type page struct {
	body  string
	tries int
}

func newPageCache() *pageCache { return &pageCache{pages: map[string]page{}} }

func (c *pageCache) get(url string) page {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.pages[url]
}

func (c *pageCache) put(url string, p page) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.pages) >= 2*MaxFeedItems {
		clear(c.pages) // rare: refetching beats growing without bound
	}
	c.pages[url] = p
}

// completeTeasers replaces the body of each item that is only a teaser by
// the main text of the page it links to (readability extraction, as for an
// HTML file of the corpus) when that is longer. A page is fetched once; a
// failing one is tried again on later polls, up to maxPageTries times.
func (f *Feed) completeTeasers(ctx context.Context, arts []Article) {
	fetched := 0
	for i := range arts {
		a := &arts[i]
		if len(strings.Fields(a.Body)) >= TeaserWords || CanonicalURL(a.URL) == "" {
			continue
		}
		p := f.pages.get(a.URL)
		if p.body == "" && p.tries < maxPageTries && fetched < maxPagesPerPoll && ctx.Err() == nil {
			fetched++
			body, err := f.fetchPage(ctx, a.URL)
			p = page{body: body, tries: p.tries + 1}
			if err != nil {
				p.body = ""
			}
			f.pages.put(a.URL, p)
		}
		if len(strings.Fields(p.body)) > len(strings.Fields(a.Body)) {
			a.Body = p.body
		}
	}
}

// fetchPage returns the main text of the HTML page at url.
func (f *Feed) fetchPage(ctx context.Context, url string) (string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return "", fmt.Errorf("fetch page %s: %w", url, err)
	}
	req.Header.Set("User-Agent", UserAgent)
	req.Header.Set("Accept", "text/html, application/xhtml+xml;q=0.9")
	resp, err := f.client.Do(req)
	if err != nil {
		return "", fmt.Errorf("fetch page %s: %w", url, err)
	}
	defer resp.Body.Close() // read-only
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("fetch page %s: HTTP %s", url, resp.Status)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "" {
		if mt, _, err := mime.ParseMediaType(ct); err != nil || !strings.Contains(mt, "html") {
			return "", fmt.Errorf("fetch page %s: %w (%s)", url, errNotHTML, ct)
		}
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, MaxFileSize+1))
	if err != nil {
		return "", fmt.Errorf("fetch page %s: read: %w", url, err)
	}
	if len(data) > MaxFileSize {
		return "", fmt.Errorf("fetch page %s: %w", url, tooLarge(int64(len(data)), MaxFileSize))
	}
	text, err := validText(decodeHTML(data))
	if err != nil {
		return "", fmt.Errorf("fetch page %s: %w", url, err)
	}
	a, lerr := parseHTML(text)
	if lerr != nil {
		return "", fmt.Errorf("fetch page %s: %w", url, lerr.Err)
	}
	return a.Body, nil
}
