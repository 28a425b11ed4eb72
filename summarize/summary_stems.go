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
// dst and returns it. A word in lower-case ASCII, the commonest kind, is
// looked up in the stem cache as it stands in s; any other is lowercased
// into a buffer first. Either way a word seen before costs no allocation.
func appendContentWords(dst []string, s string) []string {
	cs := contentScanner{s: s}
	for {
		e, ok := cs.next()
		if !ok {
			return dst
		}
		if !e.stop {
			dst = append(dst, e.stem)
		}
	}
}

// contentScanner walks the content words of a text (contentWords) one
// at a time, with what the stem cache knows of each.
type contentScanner struct {
	s   string
	i   int
	arr [64]byte // the lowered word, when it is not lower-case ASCII as written
}

// next returns the stem cache's entry for the next word of the text, and
// false at its end.
func (cs *contentScanner) next() (stemEntry, bool) {
	for {
		start, end, plain, ok := cs.word()
		if !ok {
			return stemEntry{}, false
		}
		if e, ok := cs.entry(start, end, plain); ok {
			return e, true
		}
	}
}

// word returns the next run of letters and digits of the text, s[start:
// end], and whether it is plain: lower-case ASCII letters and digits
// only. ok is false at the end of the text.
func (cs *contentScanner) word() (start, end int, plain, ok bool) {
	s, i := cs.s, cs.i
	for i < len(s) {
		// Find the next word: a run of letters and digits.
		if c := s[i]; c < utf8.RuneSelf {
			if asciiClass[c]&cAlnum == 0 {
				i++
				continue
			}
		} else if r, size := utf8.DecodeRuneInString(s[i:]); !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			i += size
			continue
		}
		start, plain = i, true
		var classes uint8 // the classes of the word's ASCII bytes, or-ed: plain unless cUpper is among them
		for i < len(s) {
			if c := s[i]; c < utf8.RuneSelf {
				cl := asciiClass[c]
				if cl&cAlnum == 0 {
					break
				}
				classes |= cl
				i++
				continue
			}
			r, size := utf8.DecodeRuneInString(s[i:])
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				break
			}
			plain = false
			i += size
		}
		cs.i = i
		return start, i, plain && classes&cUpper == 0, true
	}
	cs.i = i
	return 0, 0, false, false
}

// entry returns the stem cache's entry for the word s[start:end] that
// word returned, lowercased, or false when the lowered word is shorter
// than two bytes: no content word.
func (cs *contentScanner) entry(start, end int, plain bool) (stemEntry, bool) {
	if plain {
		if end-start < 2 {
			return stemEntry{}, false
		}
		return stemEntryOfString(cs.s[start:end]), true
	}
	buf := cs.arr[:0]
	for _, r := range cs.s[start:end] { // valid runes only: letters and digits
		if r < utf8.RuneSelf {
			buf = append(buf, byte(r)+asciiUpperOffset(byte(r)))
			continue
		}
		// As strings.ToLower does it: rune by rune.
		buf = utf8.AppendRune(buf, unicode.ToLower(r))
	}
	if len(buf) < 2 {
		return stemEntry{}, false
	}
	return stemEntryOf(buf), true
}

// asciiUpperOffset returns what adding to the ASCII byte c lowers it:
// 'a'-'A' for an upper-case letter, else 0.
func asciiUpperOffset(c byte) byte {
	if asciiClass[c]&cUpper != 0 {
		return 'a' - 'A'
	}
	return 0
}

// stemCacheSize bounds the stem cache: a news corpus's working vocabulary
// fits, and a stream of junk tokens cannot grow it past about 4 MB (about
// 130 bytes an entry for a 12-letter word and its stem, measured). Words
// met once the cache is full are stemmed every time.
const stemCacheSize = 1 << 15

// stemEntry is what the cache knows of a lowercase word: whether it is a
// stop word, else its stem and the stem's number (see stemIDs).
type stemEntry struct {
	stem string
	id   int32 // the stem's number, or -1: a stop word, or a word the full cache does not keep
	stop bool
}

// The stem cache holds english.IsStopWord and english.Stem (pure
// functions) by lowercase word; the Snowball steps cost about a
// microsecond a word and news repeats its words. It is read on every word
// of every candidate sentence, from every core at once, so a read takes no
// lock and writes nothing shared: stemSnap is an immutable map, replaced
// (copied with the words learnt since, stemNew) once stemNew has grown to a
// quarter of it, so the copying costs a constant per word learnt. A word
// found in stemNew costs a lock: once such finds add up to a quarter of
// the cache, stemNew is published too, so that a vocabulary that has
// stopped growing is soon read without locks, the copying costing a
// constant per find. Each stem the cache keeps has a number (stemIDs), by
// which a summary tells its terms apart without hashing them again. Safe
// for concurrent use.
var (
	stemSnap    atomic.Pointer[map[string]stemEntry]
	stemMu      sync.Mutex               // guards stemNew, stemNewHits, stemIDs and the replacing of stemSnap
	stemNew     = map[string]stemEntry{} // words learnt since stemSnap was made
	stemNewHits int                      // words found in stemNew since stemSnap was made
	stemIDs     = map[string]int32{}     // the number of each stem of a word the cache keeps: 0, 1, 2, ... in the order learnt
)

// stemOf returns the stem of the lowercase word w, or stop true for a stop
// word. The lookups by string(w) do not copy w.
func stemOf(w []byte) (stem string, stop bool) {
	e := stemEntryOf(w)
	return e.stem, e.stop
}

// stemEntryOf returns the stem cache's entry for the lowercase word w,
// learning it when the cache lacks it. The lookups by string(w) do not
// copy w.
func stemEntryOf(w []byte) stemEntry {
	if snap := stemSnap.Load(); snap != nil {
		if e, ok := (*snap)[string(w)]; ok {
			return e
		}
	}
	stemMu.Lock()
	e, ok := stemNew[string(w)]
	if ok {
		stemNewHits++
		if old := stemSnap.Load(); old == nil || stemNewHits >= max(64, (len(*old)+len(stemNew))/4) {
			publishStems()
		}
	}
	stemMu.Unlock()
	if ok {
		return e
	}
	word := string(w)
	e = stemEntry{id: -1, stop: english.IsStopWord(word)}
	if !e.stop {
		e.stem = english.Stem(word, false)
	}
	stemMu.Lock()
	e = learnStem(word, e)
	stemMu.Unlock()
	return e
}

// stemOfString is stemOf for a word held in a string, which may be a
// slice of a longer text: the cache never keeps w itself, only a copy.
func stemOfString(w string) (stem string, stop bool) {
	e := stemEntryOfString(w)
	return e.stem, e.stop
}

// stemEntryOfString is stemEntryOf for a word held in a string (see
// stemOfString).
func stemEntryOfString(w string) stemEntry {
	if snap := stemSnap.Load(); snap != nil {
		if e, ok := (*snap)[w]; ok {
			return e
		}
	}
	var buf [64]byte
	if len(w) <= len(buf) {
		return stemEntryOf(append(buf[:0], w...))
	}
	return stemEntryOf([]byte(w))
}

// learnStem adds word, with e what the stemmer says of it, to the cache
// while it holds fewer than stemCacheSize words, numbering its stem when
// the stem is new, and publishes a new snapshot when stemNew is big
// enough or the cache is full. It returns the entry as the cache has it
// (id -1 for a word it does not keep). The caller holds stemMu.
func learnStem(word string, e stemEntry) stemEntry {
	var old map[string]stemEntry
	if snap := stemSnap.Load(); snap != nil {
		old = *snap
	}
	if known, ok := old[word]; ok {
		return known // learnt by another goroutine and published meanwhile
	}
	full := len(old)+len(stemNew) >= stemCacheSize
	if full && !e.stop {
		// A stem is numbered only while the cache has room, so one
		// without a number never gets one: tfidf tells such stems
		// apart by their text.
		if id, ok := stemIDs[e.stem]; ok {
			e.id = id
		}
	}
	if !full {
		if known, ok := stemNew[word]; ok {
			return known // learnt by another goroutine meanwhile
		}
		if !e.stop {
			id, ok := stemIDs[e.stem]
			if !ok {
				id = int32(len(stemIDs)) // at most one stem a word kept: bounded by stemCacheSize
				stemIDs[e.stem] = id
			}
			e.id = id
		}
		stemNew[word] = e
	}
	// A full cache publishes what it learnt last, so that no word is left
	// behind the lock for good.
	if len(stemNew) == 0 || !full && len(stemNew) < max(64, len(old)/4) {
		return e
	}
	publishStems()
	return e
}

// publishStems replaces stemSnap with a copy holding stemNew too, and
// empties stemNew. The caller holds stemMu.
func publishStems() {
	var old map[string]stemEntry
	if snap := stemSnap.Load(); snap != nil {
		old = *snap
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
	stemNewHits = 0
}
