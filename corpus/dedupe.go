package corpus

import (
	"crypto/sha256"
	"runtime"
	"strings"
	"sync"
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
	bodies := map[[32]byte]int{}
	urls := map[string]int{}
	keys := bodyKeys(arts)
	for i, a := range arts {
		if j, ok := bodies[keys[i]]; ok {
			union(i, j)
		} else {
			bodies[keys[i]] = i
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

// bodyKey hashes a body with case and runs of white space folded. The
// folded text streams through a small buffer into the hash.
func bodyKey(body string) [32]byte {
	var (
		buf   [4096]byte
		n     int
		space bool
	)
	h := sha256.New()
	body = strings.TrimSpace(body)
	for i := 0; i < len(body); {
		if n > len(buf)-1-utf8.UTFMax { // room for a space and a rune
			h.Write(buf[:n])
			n = 0
		}
		c := body[i]
		if c < utf8.RuneSelf { // ASCII: unicode.IsSpace and ToLower by table
			i++
			if c = asciiFold[c]; c == foldSpace {
				space = true
				continue
			}
			if space {
				buf[n] = ' '
				n++
				space = false
			}
			buf[n] = c
			n++
			continue
		}
		r, size := utf8.DecodeRuneInString(body[i:])
		i += size
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			buf[n] = ' '
			n++
			space = false
		}
		n += utf8.EncodeRune(buf[n:], unicode.ToLower(r))
	}
	h.Write(buf[:n])
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

// bodyKeys returns bodyKey of each article's body, computed on
// runtime.GOMAXPROCS goroutines, all joined before it returns.
func bodyKeys(arts []Article) [][32]byte {
	keys := make([][32]byte, len(arts))
	workers := min(runtime.GOMAXPROCS(0), len(arts)/64+1)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(arts); i += workers {
				keys[i] = bodyKey(arts[i].Body)
			}
		})
	}
	wg.Wait()
	return keys
}
