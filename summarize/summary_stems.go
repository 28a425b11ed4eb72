package summarize

import (
	"sync"
	"sync/atomic"
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

// The stem cache holds english.IsStopWord and english.Stem (pure
// functions) by lowercase word; the Snowball steps cost about a
// microsecond a word and news repeats its words. It is read on every word
// of every candidate sentence, from every core at once, so a read takes no
// lock and writes nothing shared: stemSnap is an immutable map, replaced
// (copied with the words learnt since, stemNew) once stemNew has grown to a
// quarter of it, so the copying costs a constant per word learnt. Safe for
// concurrent use.
var (
	stemSnap atomic.Pointer[map[string]stemEntry]
	stemMu   sync.Mutex               // guards stemNew and the replacing of stemSnap
	stemNew  = map[string]stemEntry{} // words learnt since stemSnap was made
)

// stemOf returns the stem of the lowercase word w, or stop true for a stop
// word. The lookups by string(w) do not copy w.
func stemOf(w []byte) (stem string, stop bool) {
	if snap := stemSnap.Load(); snap != nil {
		if e, ok := (*snap)[string(w)]; ok {
			return e.stem, e.stop
		}
	}
	stemMu.Lock()
	e, ok := stemNew[string(w)]
	stemMu.Unlock()
	if ok {
		return e.stem, e.stop
	}
	word := string(w)
	e = stemEntry{stop: english.IsStopWord(word)}
	if !e.stop {
		e.stem = english.Stem(word, false)
	}
	stemMu.Lock()
	learnStem(word, e)
	stemMu.Unlock()
	return e.stem, e.stop
}

// learnStem adds word to the cache while it holds fewer than stemCacheSize
// words, and publishes a new snapshot when stemNew is big enough or the
// cache is full. The caller holds stemMu.
func learnStem(word string, e stemEntry) {
	var old map[string]stemEntry
	if snap := stemSnap.Load(); snap != nil {
		old = *snap
	}
	if _, ok := old[word]; ok {
		return // learnt by another goroutine and published meanwhile
	}
	full := len(old)+len(stemNew) >= stemCacheSize
	if !full {
		stemNew[word] = e
	}
	// A full cache publishes what it learnt last, so that no word is left
	// behind the lock for good.
	if len(stemNew) == 0 || !full && len(stemNew) < max(64, len(old)/4) {
		return
	}
	m := make(map[string]stemEntry, len(old)+len(stemNew))
	for k, v := range old {
		m[k] = v
	}
	for k, v := range stemNew {
		m[k] = v
	}
	stemSnap.Store(&m)
	stemNew = map[string]stemEntry{}
}
