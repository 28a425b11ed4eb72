package corpus

import (
	"crypto/sha256"
	"hash/maphash"
	"unicode"
	"unicode/utf8"
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
	bodies := sameBodies{arts: arts, keys: foldHashes(arts, maphash.MakeSeed()), first: make(map[uint64]int, len(arts))}
	urls := map[string]int{}
	for i, a := range arts {
		if j, ok := bodies.add(i); ok {
			union(i, j)
		}
		if u := CanonicalURL(a.URL); u != "" {
			if j, ok := urls[u]; ok {
				union(i, j)
			} else {
				urls[u] = i
			}
		}
	}
	// keep[r] is the article kept of the group rooted at r; a root comes
	// first in its group, so it is set before the others are weighed.
	keep := make([]int, len(arts))
	groups := 0
	for i, a := range arts {
		r := find(i)
		if r == i {
			keep[r] = i
			groups++
		} else if richness(a) > richness(arts[keep[r]]) {
			keep[r] = i
		}
	}
	if groups == len(arts) {
		return arts, nil
	}
	kept := make([]Article, 0, groups)
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

// bodyKey is a SHA-256 of a body with case and runs of white space
// folded (see folder): the key Dedupe used before foldHashes, which
// space_test.go still checks the fold by.
func bodyKey(body string) [32]byte {
	h := sha256.New()
	new(folder).fold(body, h)
	var sum [32]byte
	h.Sum(sum[:0])
	return sum
}

// foldSpace marks white space in asciiFold.
const foldSpace = 0xff

// asciiFold maps an ASCII byte to its lowercase, and white space (as
// unicode.IsSpace has it) to foldSpace.
var asciiFold = func() (t [utf8.RuneSelf]byte) {
	for c := range t {
		t[c] = byte(unicode.ToLower(rune(c)))
		if unicode.IsSpace(rune(c)) {
			t[c] = foldSpace
		}
	}
	return t
}()

// sameBodies finds, for each article in turn, the first one before it
// whose body folds to the same text (see folder): by the folded bodies'
// hashes, the texts compared when the hashes agree, so a collision of
// hashes never joins two different texts.
type sameBodies struct {
	arts  []Article
	keys  []uint64         // the folded bodies' hashes (foldHashes)
	first map[uint64]int   // hash → the first article of that hash
	more  map[uint64][]int // hash → the first articles of other texts of that hash (almost never any)
	f     *folder
}

// add returns the first article before i whose body folds as arts[i]'s,
// and false when there is none: i is then the first of its text.
func (s *sameBodies) add(i int) (int, bool) {
	k := s.keys[i]
	j, ok := s.first[k]
	if !ok {
		s.first[k] = i
		return 0, false
	}
	if s.f == nil {
		s.f = new(folder)
	}
	folded := s.f.folded(s.arts[i].Body)
	for _, c := range append([]int{j}, s.more[k]...) {
		if string(s.f.folded(s.arts[c].Body)) == string(folded) {
			return c, true
		}
	}
	if s.more == nil {
		s.more = map[uint64][]int{}
	}
	s.more[k] = append(s.more[k], i)
	return 0, false
}
