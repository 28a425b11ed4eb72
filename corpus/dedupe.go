package corpus

import (
	"crypto/sha256"
	"strings"
	"unicode"
)

// Duplicate records an article left out because another one carries the
// same text.
type Duplicate struct {
	Path   string // the article left out
	SameAs string // the path of the article kept
}

// Dedupe returns the articles with each text kept once, in their original
// order, and the ones it left out. Two articles are the same when their
// bodies are equal after case and whitespace are folded (the same story
// saved as Markdown with front matter and as raw text), or when their URLs
// are the same once canonical (see CanonicalURL: the same story from a
// feed and from the folder). Of a group, the one with the most metadata is
// kept: a publication date first, then a source, then a URL; on a tie, the
// first.
func Dedupe(arts []Article) ([]Article, []Duplicate) {
	// Union-find over the articles: a body or a URL joins its group.
	parent := make([]int, len(arts))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	union := func(a, b int) {
		if ra, rb := find(a), find(b); ra != rb {
			parent[max(ra, rb)] = min(ra, rb) // the earliest article roots its group
		}
	}
	bodies := map[[32]byte]int{}
	urls := map[string]int{}
	for i, a := range arts {
		if j, ok := bodies[bodyKey(a.Body)]; ok {
			union(i, j)
		} else {
			bodies[bodyKey(a.Body)] = i
		}
		if u := CanonicalURL(a.URL); u != "" {
			if j, ok := urls[u]; ok {
				union(i, j)
			} else {
				urls[u] = i
			}
		}
	}
	keep := map[int]int{} // group root → the article kept
	for i, a := range arts {
		r := find(i)
		if k, ok := keep[r]; !ok || richness(a) > richness(arts[k]) {
			keep[r] = i
		}
	}
	if len(keep) == len(arts) {
		return arts, nil
	}
	kept := make([]Article, 0, len(keep))
	var dups []Duplicate
	for i, a := range arts {
		if k := keep[find(i)]; k != i {
			dups = append(dups, Duplicate{Path: a.Path, SameAs: arts[k].Path})
			continue
		}
		kept = append(kept, a)
	}
	return kept, dups
}

func richness(a Article) int {
	r := 0
	if a.HasDate() {
		r += 4
	}
	if a.Source != "" {
		r += 2
	}
	if a.URL != "" {
		r++
	}
	return r
}

// bodyKey hashes a body with case and runs of white space folded.
func bodyKey(body string) [32]byte {
	var b strings.Builder
	b.Grow(len(body))
	space := false
	for _, r := range strings.TrimSpace(body) {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return sha256.Sum256([]byte(b.String()))
}
