package corpus

import (
	"errors"
	"fmt"
)

// Options bound what the loaders accept from disk. The zero value of a
// field means its default, so Options{} is the default policy; Load, LoadFS,
// Parse and NewFolder use it.
type Options struct {
	// MaxFileBytes is the largest file read: larger ones are skipped with
	// ErrTooLarge before they are read. Default MaxFileSize (10 MiB).
	MaxFileBytes int64
	// MaxFeedItems is how many items of one feed file are loaded, in feed
	// order; the rest are skipped and named in the feed's one *LoadError.
	// Default MaxFeedItems (1,000).
	MaxFeedItems int
	// FollowSymlinks lets a symbolic link whose target lies outside the
	// corpus root be followed: a file is loaded, a folder walked (each real
	// folder at most once, so a link loop ends). By default such a link is
	// skipped with ErrSymlink. Links inside the root are always followed to
	// a file; a link to a folder inside the root is left alone, since the
	// walk reaches that folder by its own path.
	FollowSymlinks bool
}

// More errors a *LoadError may wrap; test with errors.Is.
var (
	ErrHTMLLimit  = errors.New("HTML over the parser's limits")
	ErrSymlink    = errors.New("symbolic link not followed")
	ErrNotRegular = errors.New("not a regular file")
)

// withDefaults returns o with every zero field set to its default.
func (o Options) withDefaults() Options {
	if o.MaxFileBytes <= 0 {
		o.MaxFileBytes = MaxFileSize
	}
	if o.MaxFeedItems <= 0 {
		o.MaxFeedItems = MaxFeedItems
	}
	return o
}

// tooLarge is the ErrTooLarge of a file of size bytes over limit.
func tooLarge(size, limit int64) error {
	return fmt.Errorf("%w: %d bytes, limit is %d", ErrTooLarge, size, limit)
}
