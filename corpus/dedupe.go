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
// saved as Markdown with front matter and as raw text). Of a group, the one
// with the most metadata is kept: a publication date first, then a source,
// then a URL; on a tie, the first.
func Dedupe(arts []Article) ([]Article, []Duplicate) {
	type group struct{ keep int }
	groups := map[[32]byte]*group{}
	keys := make([][32]byte, len(arts))
	for i, a := range arts {
		keys[i] = bodyKey(a.Body)
		g, ok := groups[keys[i]]
		if !ok {
			groups[keys[i]] = &group{keep: i}
			continue
		}
		if richness(a) > richness(arts[g.keep]) {
			g.keep = i
		}
	}
	if len(groups) == len(arts) {
		return arts, nil
	}
	kept := make([]Article, 0, len(groups))
	var dups []Duplicate
	for i, a := range arts {
		if k := groups[keys[i]].keep; k != i {
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
