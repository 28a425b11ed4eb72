package corpus

import (
	"fmt"
	"html"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
)

// parseFeed builds one article per item of an RSS or Atom feed file named
// name.
//
// Per item: Title is the item title, URL its link, Published the day of its
// published date (else its updated date), Tags its categories, Source the
// feed's title, and Body the item's content (else its description) reduced
// from HTML to text paragraphs. The ID hashes name with the item's GUID,
// else its link, else its title, so it survives reordering of the feed.
//
// An item with no body text, no key, or the key of an earlier item is
// skipped, and so is every item after the first maxItems; the skipped items
// are listed (the first maxListed of them by number) in one *LoadError
// returned next to the items that loaded. A feed with no items at all wraps
// ErrEmpty.
func parseFeed(name, text string, maxItems int) ([]Article, *LoadError) {
	text, total := capFeed(text, maxItems)
	feed, err := gofeed.NewParser().ParseString(text)
	if err != nil {
		return nil, &LoadError{Err: fmt.Errorf("parse feed: %w", err)}
	}
	if len(feed.Items) == 0 {
		return nil, &LoadError{Err: fmt.Errorf("%w: feed has no items", ErrEmpty)}
	}
	total = max(total, len(feed.Items)) // the parser may know items the count missed
	var (
		arts    []Article
		skipped []string
		seen    = map[string]int{}
		items   = feed.Items[:min(len(feed.Items), maxItems)]
	)
	for i, it := range items {
		n := i + 1
		title := collapseSpace(it.Title)
		key := firstNonEmpty(strings.TrimSpace(it.GUID), strings.TrimSpace(it.Link), title)
		if key == "" {
			skipped = append(skipped, fmt.Sprintf("item %d has no guid, link or title", n))
			continue
		}
		if first, dup := seen[key]; dup {
			skipped = append(skipped, fmt.Sprintf("item %d repeats the id %q of item %d", n, key, first))
			continue
		}
		seen[key] = n
		lines := strings.Split(htmlText(firstNonEmpty(it.Content, it.Description)), "\n")
		title, _ = readHeader(lines, title, "", false)
		a := Article{
			ID:        articleID(name, key),
			Title:     title,
			Source:    collapseSpace(feed.Title),
			URL:       strings.TrimSpace(it.Link),
			Published: itemDate(it),
			Tags:      it.Categories,
			Body:      buildBody(lines, title),
			Format:    "feed",
		}
		if a.Body == "" {
			skipped = append(skipped, fmt.Sprintf("item %d (%s): %v", n, key, ErrEmpty))
			continue
		}
		arts = append(arts, a)
	}
	n := len(skipped)
	if len(skipped) > maxListed {
		skipped = append(skipped[:maxListed], fmt.Sprintf("%d more", len(skipped)-maxListed))
	}
	if over := total - len(items); over > 0 {
		n += over
		which := fmt.Sprintf("items %d to %d are", len(items)+1, total)
		if over == 1 {
			which = fmt.Sprintf("item %d is", total)
		}
		skipped = append(skipped, fmt.Sprintf("%s over the limit of %d items a feed", which, maxItems))
	}
	if n > 0 {
		return arts, &LoadError{Err: fmt.Errorf("skipped %d of %d feed items: %s",
			n, total, strings.Join(skipped, "; "))}
	}
	return arts, nil
}

// maxListed is how many skipped feed items a *LoadError names one by one,
// so that a hostile feed is still reported on one readable line.
const maxListed = 5

// itemDate returns the day an item was published, else updated, else zero.
// The day is read from the date as the feed wrote it when parseDate knows
// the form, since gofeed's parsed times may be converted to UTC, which can
// move an evening story to the next day.
func itemDate(it *gofeed.Item) time.Time {
	for _, d := range []struct {
		raw    string
		parsed *time.Time
	}{{it.Published, it.PublishedParsed}, {it.Updated, it.UpdatedParsed}} {
		if t, ok := parseDate(d.raw); ok {
			return t
		}
		if d.parsed != nil && !d.parsed.IsZero() {
			return midnightUTC(*d.parsed)
		}
	}
	return time.Time{}
}

// htmlText reduces an item's HTML content to text, one block element per
// paragraph. Content without a tag is plain text: only its entities are
// decoded, so its own line breaks survive.
func htmlText(s string) string {
	if !strings.Contains(s, "<") {
		return normaliseText(html.UnescapeString(s))
	}
	doc, err := parseHTMLDoc(s)
	if err != nil {
		return "" // the item is skipped as having no text
	}
	return blockText(doc)
}
