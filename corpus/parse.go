package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"path"
	"strings"
	"unicode/utf8"
)

// Errors a *LoadError may wrap; test with errors.Is.
var (
	ErrUnsupported = errors.New("unsupported file type")
	ErrTooLarge    = errors.New("file too large")
	ErrBinary      = errors.New("binary file")
	ErrEmpty       = errors.New("no article text")
	ErrFrontMatter = errors.New("bad front matter") // matched by every front-matter problem
)

// MaxFileSize is the default largest file the loaders accept (see
// Options.MaxFileBytes): 10 MiB, and the cap of a fetched feed or page. No
// article comes near it; the cap keeps one stray dump or disk image from
// being read into memory. Larger files are reported as ErrTooLarge.
const MaxFileSize = 10 << 20

// maxInvalidUTF8 is the share of bytes (1 in 100) that may be invalid UTF-8,
// or control characters other than white space, before a file is taken for
// binary rather than text with a few bad bytes.
const maxInvalidUTF8 = 100

// formats maps a lowercase file extension to the Article.Format it loads as.
var formats = map[string]string{
	".md":       "markdown",
	".markdown": "markdown",
	".txt":      "text",
	".html":     "html",
	".htm":      "html",
	".xml":      "feed",
	".rss":      "feed",
	".atom":     "feed",
}

// formatOf returns the format of the file name, or "" when unsupported.
func formatOf(name string) string {
	return formats[strings.ToLower(path.Ext(name))]
}

// Parse parses one file's contents, chosen by the extension of name:
// .md/.markdown and .txt (optional YAML front matter), .html/.htm, and
// .xml/.rss/.atom feeds. name becomes Article.Path and feeds Article.ID, so
// pass the path relative to the corpus root, with "/" separators.
//
// A file yields one Article, a feed one per item. On failure Parse returns a
// *LoadError naming name, with Line set when the problem is tied to a line;
// it wraps ErrUnsupported, ErrTooLarge (over MaxFileSize), ErrBinary (NUL
// bytes, or more than 1% of bytes invalid UTF-8 or control characters),
// ErrEmpty (no body text), ErrFrontMatter or ErrHTMLLimit (a page nested
// deeper than MaxHTMLDepth, with more than MaxHTMLElements tags, or an
// attribute over MaxHTMLAttr bytes). Fewer invalid bytes are replaced by
// U+FFFD. A feed whose items partly fail, or that has more than
// MaxFeedItems items, returns the items that loaded together with one
// *LoadError listing the skipped ones.
func Parse(name string, data []byte) ([]Article, error) {
	return ParseWith(name, data, Options{})
}

// ParseWith is Parse under the limits of opts.
func ParseWith(name string, data []byte, opts Options) ([]Article, error) {
	arts, err := parse(name, bytes.Clone(data), opts.withDefaults()) // parse keeps data
	if err != nil {
		return arts, err
	}
	return arts, nil
}

// parse is ParseWith with a concrete error type, so loaders never hold a
// typed nil in an error interface; opts has its defaults applied. It takes
// data over: the articles may share its memory, so no one may write or
// reuse it afterwards.
func parse(name string, data []byte, opts Options) ([]Article, *LoadError) {
	arts, err := parseFormat(name, data, opts)
	if err != nil {
		err.Path = name
	}
	for i := range arts {
		arts[i].Path = name
		detach(&arts[i])
	}
	return arts, err
}

// detach gives an article's short fields their own memory. They are cut
// from the file's text, and a piece of a string keeps the whole string
// alive: a title would keep the file's every byte in memory after its body
// was rebuilt from its lines, doubling what a loaded corpus costs.
func detach(a *Article) {
	a.Title, a.Source, a.URL = strings.Clone(a.Title), strings.Clone(a.Source), strings.Clone(a.URL)
	for i, t := range a.Tags {
		a.Tags[i] = strings.Clone(t)
	}
}

func parseFormat(name string, data []byte, opts Options) ([]Article, *LoadError) {
	format := formatOf(name)
	switch {
	case format == "":
		return nil, &LoadError{Err: fmt.Errorf("%w %q", ErrUnsupported, path.Ext(name))}
	case int64(len(data)) > opts.MaxFileBytes:
		return nil, &LoadError{Err: tooLarge(int64(len(data)), opts.MaxFileBytes)}
	case bytes.IndexByte(data, 0) >= 0:
		return nil, &LoadError{Err: fmt.Errorf("%w: contains NUL bytes", ErrBinary)}
	}
	if format == "html" {
		data = decodeHTML(data)
	}
	text, err := ownedText(data)
	if err != nil {
		return nil, &LoadError{Err: err}
	}
	if format == "feed" {
		return parseFeed(name, text, opts.MaxFeedItems)
	}
	var a Article
	var lerr *LoadError
	if format == "html" {
		a, lerr = parseHTML(text)
	} else {
		a, lerr = parseText(normaliseText(text), format)
	}
	if lerr != nil {
		return nil, lerr
	}
	if a.Body == "" {
		return nil, &LoadError{Err: ErrEmpty}
	}
	a.ID = articleID(name, "")
	return []Article{a}, nil
}

// validText returns data as a string, with each run of invalid UTF-8
// replaced by U+FFFD, or ErrBinary when over 1% of the bytes are invalid
// or over 1% are control characters other than white space (a text file
// never holds them; an executable or an image does).
func validText(data []byte) (string, error) {
	if n := controlBytes(data); n*maxInvalidUTF8 > len(data) {
		return "", fmt.Errorf("%w: %d of %d bytes are control characters", ErrBinary, n, len(data))
	}
	if utf8.Valid(data) {
		return string(data), nil
	}
	invalid := 0
	for b := data; len(b) > 0; {
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size == 1 {
			invalid++
		}
		b = b[size:]
	}
	if invalid*maxInvalidUTF8 > len(data) {
		return "", fmt.Errorf("%w: %d of %d bytes are not valid UTF-8", ErrBinary, invalid, len(data))
	}
	return strings.ToValidUTF8(string(data), "\uFFFD"), nil
}
