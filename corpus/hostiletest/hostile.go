// Package hostiletest builds, for tests, a folder of hostile corpus files:
// binary files, broken front matter, HTML and XML bombs, a feed of
// thousands of items, a file over the size cap, links that leave the
// corpus or loop, a named pipe. The small files are committed under
// corpus/testdata/hostile; the big ones, the links and the pipe are
// generated here, deterministically, so no megabytes sit in git.
package hostiletest

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// FeedItems is the number of items of the generated many-items.rss: more
// than a feed file may load (corpus.MaxFeedItems).
const FeedItems = 3000

// generated are the files Write makes itself, by name, with what each
// holds; links and the pipe are made by their own code.
var generated = map[string]func() string{
	// Over the 10 MiB size cap by one byte.
	"huge.txt": func() string {
		const size = 10<<20 + 1
		s := "Huge\n\n" + strings.Repeat("All work and no play. ", size/22+1)
		return s[:size]
	},
	// 50,000 nested <div>: far past the parser's 512.
	"deep.html": func() string {
		return "<html><body>" + strings.Repeat("<div>", 50_000) + "Deep text.</body></html>"
	},
	// One 2 MiB attribute.
	"huge-attr.html": func() string {
		return `<html><head><title>Huge attribute</title></head><body><p class="` +
			strings.Repeat("x", 2<<20) + `">A paragraph with a very large class attribute.</p></body></html>`
	},
	// 150,000 small elements, flat.
	"many-elements.html": func() string {
		return "<html><head><title>Many elements</title></head><body><p>" +
			strings.Repeat("<span>w</span>", 150_000) + "</p></body></html>"
	},
	// FeedItems items, each a small article of its own.
	"many-items.rss": func() string {
		var b strings.Builder
		b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Flood Wire</title>`)
		for i := 1; i <= FeedItems; i++ {
			fmt.Fprintf(&b, "<item><title>Flood item %d</title><guid>flood-%d</guid>"+
				"<description>Item %d of the flood reports that the council met on day %d and voted %d to %d.</description></item>\n",
				i, i, i, i, i%9, 9-i%9)
		}
		b.WriteString("</channel></rss>\n")
		return b.String()
	},
}

// Write fills dir (created if need be) with the hostile files: those of
// committed (corpus/testdata/hostile) copied, the big ones generated, and
// links and a named pipe made. escape.md links to a good article written
// in outside, a folder that must lie outside the corpus root. It returns
// the names of the files in dir, sorted: each must be reported once.
func Write(dir, committed, outside string) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	entries, err := os.ReadDir(committed)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(committed, e.Name()))
		if err != nil {
			return nil, err
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), data, 0o644); err != nil {
			return nil, err
		}
		names = append(names, e.Name())
	}
	for name, gen := range generated {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(gen()), 0o644); err != nil {
			return nil, err
		}
		names = append(names, name)
	}
	secret := filepath.Join(outside, "secret.md")
	if err := os.WriteFile(secret, []byte("---\ntitle: Outside the corpus\n---\nThis article lives outside the corpus root and must not load.\n"), 0o644); err != nil {
		return nil, err
	}
	links := [][2]string{
		{"escape.md", secret},              // leaves the root
		{"loop.md", "loop.md"},             // a loop
		{"dangling.md", "no-such-file.md"}, // leads nowhere
	}
	for _, l := range links {
		if err := os.Symlink(l[1], filepath.Join(dir, l[0])); err != nil {
			return nil, err
		}
		names = append(names, l[0])
	}
	if ok, err := mkfifo(filepath.Join(dir, "pipe.md")); err != nil {
		return nil, err
	} else if ok {
		names = append(names, "pipe.md")
	}
	slices.Sort(names)
	return names, nil
}
