package summarize

import (
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
)

// contentWords returns the stemmed, lowercased words of s without stop
// words: the runs of letters and digits of s, lowercased, of two bytes or
// more, each stemmed with the Snowball (Porter2) English stemmer.
func contentWords(s string) []string { return appendContentWords(nil, s) }

// appendContentWords appends the content words of s (see contentWords) to
// dst and returns it. Each word is lowercased into a buffer and looked up
// in the stem cache, so a word seen before costs no allocation.
func appendContentWords(dst []string, s string) []string {
	var arr [64]byte
	buf := arr[:0] // the current word, lowercased
	inWord := false
	flush := func() {
		if len(buf) >= 2 {
			if st, stop := stemOf(buf); !stop {
				dst = append(dst, st)
			}
		}
		buf, inWord = buf[:0], false
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
				buf, inWord = append(buf, c), true
			case 'A' <= c && c <= 'Z':
				buf, inWord = append(buf, c+'a'-'A'), true
			case inWord:
				flush()
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			// As strings.ToLower does it: rune by rune.
			buf, inWord = utf8.AppendRune(buf, unicode.ToLower(r)), true
		case inWord:
			flush()
		}
	}
	if inWord {
		flush()
	}
	return dst
}

// stemCacheSize bounds the stem cache: a news corpus's working vocabulary
// fits, and a stream of junk tokens cannot grow it past about 4 MB (about
// 130 bytes an entry for a 12-letter word and its stem, measured). Words
// met once the cache is full are stemmed every time.
const stemCacheSize = 1 << 15

// stemEntry is what the cache knows of a lowercase word: whether it is a
// stop word, else its stem.
type stemEntry struct {
	stem string
	stop bool
}

// stems caches english.IsStopWord and english.Stem (pure functions) by
// lowercase word; the Snowball steps cost about a microsecond a word and
// news repeats its words. Safe for concurrent use.
var (
	stemMu sync.RWMutex
	stems  = map[string]stemEntry{}
)

// stemOf returns the stem of the lowercase word w, or stop true for a stop
// word. The lookup by string(w) does not copy w.
func stemOf(w []byte) (stem string, stop bool) {
	stemMu.RLock()
	e, ok := stems[string(w)]
	stemMu.RUnlock()
	if ok {
		return e.stem, e.stop
	}
	word := string(w)
	e = stemEntry{stop: english.IsStopWord(word)}
	if !e.stop {
		e.stem = english.Stem(word, false)
	}
	stemMu.Lock()
	if len(stems) < stemCacheSize {
		stems[word] = e
	}
	stemMu.Unlock()
	return e.stem, e.stop
}
