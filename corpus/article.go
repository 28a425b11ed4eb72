// Package corpus loads news articles from disk: Markdown and text with
// optional front matter, plain text, HTML pages and RSS/Atom feed files.
//
// It knows nothing about analysis or chat; it turns files into Articles and
// reports, per file, what could not be read.
package corpus

import (
	"fmt"
	"slices"
	"time"
)

// Article is one news article as loaded from the corpus.
//
// Body is the article text with paragraphs separated by a blank line
// ("\n\n"); it never repeats the title or a byline line. Published is the
// zero time when the article carries no date: nothing downstream may guess
// one from the clock.
type Article struct {
	// ID is stable across restarts and reloads: it is derived from where the
	// article came from (its path relative to the corpus root, plus the feed
	// item's GUID, else link, else title, for feed items), never from the
	// clock or the content: 12 hex characters of a SHA-256 (see id.go).
	ID        string
	Path      string // path as found under the loaded root ("a/b.md"); for feed items the feed file's path
	Title     string
	Source    string // outlet or desk ("Desk Report", "Reuters"); "" when unknown
	URL       string
	Published time.Time // UTC midnight of the publication day, or zero when unknown
	Tags      []string
	Body      string
	Format    string // "markdown", "text", "html" or "feed"
}

// HasDate reports whether the article's publication date is known.
func (a Article) HasDate() bool { return !a.Published.IsZero() }

// Equal reports whether a and b are the same article with the same text
// and metadata: what an analysis of one says of the other.
func (a Article) Equal(b Article) bool {
	return a.ID == b.ID && a.Title == b.Title && a.Body == b.Body && a.URL == b.URL && a.Source == b.Source &&
		a.Published.Equal(b.Published) && a.Path == b.Path && a.Format == b.Format && slices.Equal(a.Tags, b.Tags)
}

// LoadError reports one file (or feed item) that could not be loaded. Line is
// 1-based, or 0 when the problem is not tied to a line.
//
// Path names the file for the operator: the name given to Parse, the path in
// the fs.FS for LoadFS, or the host path for Load. It may therefore differ
// from the Article.Path the file would have had. Err wraps one of the
// package's Err* sentinels when the cause is one of theirs.
type LoadError struct {
	Path string
	Line int
	Err  error
}

// Error formats the error as "path:line: reason", or "path: reason" when
// Line is 0, like a compiler message.
func (e *LoadError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.Path, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Path, e.Err)
}

// Unwrap returns the reason, for errors.Is and errors.As.
func (e *LoadError) Unwrap() error { return e.Err }
