package summarize

import "math"

// tfidfScratch is the working memory of one tfidf call: the term numbers
// by the stem cache's number of their stem (local, one more than the
// term's number, 0 for a stem not met yet; touched lists the stems met),
// and by stem for the stems the cache does not number (ids); each term's
// document frequency, and the terms of every text. slots is a table of
// the words met, as written, with their term: a word met again costs
// neither lowering nor a lookup in the shared stem cache.
type tfidfScratch struct {
	local   []int32
	touched []int32
	ids     map[string]int32
	df      []int
	all     []int32

	texts []string   // the texts of the call, which slots point into
	slots []wordSlot // open addressing, a power of two long
	count int        // the words in slots
	gen   uint32     // the slots of this call; any other is empty

	// known holds what the stem cache said of the words of earlier calls
	// with this scratch, as written (their bytes in knownBytes), so that a
	// word new to a call but not to the scratch costs no lookup in the
	// shared cache, whose answer for a word never changes.
	known      []knownWord // open addressing, a power of two long
	knownBytes []byte
	knownCount int

	idfs []float64 // idf(df, n) by df for the call's n, 0 until computed
}

// knownWord is one word of tfidfScratch.known: its bytes
// knownBytes[off:off+n] (n is never 0 but for an empty slot), its hash,
// and what contentScanner.entry said of it: ok, and the entry's stop flag
// and stem number. A word whose stem has no number (a full stem cache) is
// not kept: its entry would need the stem itself. Sixteen bytes a word,
// so that the table stays in the cache.
type knownWord struct {
	hash     uint32
	off      uint32
	n        uint16
	ok, stop bool
	id       int32
}

// maxKnownWords bounds the words a scratch keeps in known: a news
// corpus's working vocabulary fits, and a stream of junk cannot grow it
// past a table of 512 KB and the words' bytes (a few hundred KB). Words
// met once it is full go to the stem cache every time.
const maxKnownWords = 1 << 14

// entry is cs.entry(start, end, plain) for the word cs.s[start:end], of
// hash h (wordHash32), answered from known when an earlier call met the
// word.
func (sc *tfidfScratch) entry(cs *contentScanner, start, end int, plain bool, h uint32) (stemEntry, bool) {
	w := cs.s[start:end]
	if len(sc.known) == 0 {
		sc.known = make([]knownWord, 1024)
	}
	mask := uint32(len(sc.known) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		k := &sc.known[i]
		if k.n == 0 {
			e, ok := cs.entry(start, end, plain)
			if sc.knownCount >= maxKnownWords || len(w) > math.MaxUint16 || len(sc.knownBytes)+len(w) > math.MaxUint32 ||
				ok && !e.stop && e.id < 0 {
				return e, ok
			}
			if 2*(sc.knownCount+1) > len(sc.known) {
				sc.growKnown()
				mask = uint32(len(sc.known) - 1)
				for i = h & mask; sc.known[i].n != 0; i = (i + 1) & mask {
				}
				k = &sc.known[i]
			}
			off := len(sc.knownBytes)
			sc.knownBytes = append(sc.knownBytes, w...)
			*k = knownWord{hash: h, off: uint32(off), n: uint16(len(w)), ok: ok, stop: e.stop, id: e.id}
			sc.knownCount++
			return e, ok
		}
		if k.hash == h && int(k.n) == len(w) && string(sc.knownBytes[k.off:k.off+uint32(k.n)]) == w {
			if !k.ok {
				return stemEntry{}, false
			}
			return stemEntry{id: k.id, stop: k.stop}, true // the stem, unused with a number, left out
		}
	}
}

// growKnown replaces known with a table twice its size holding the same
// words.
func (sc *tfidfScratch) growKnown() {
	old := sc.known
	sc.known = make([]knownWord, 2*len(old))
	mask := uint32(len(sc.known) - 1)
	for _, k := range old {
		if k.n == 0 {
			continue
		}
		i := k.hash & mask
		for sc.known[i].n != 0 {
			i = (i + 1) & mask
		}
		sc.known[i] = k
	}
}

// idf is idf(df, n) for the call's n, computed once a df: sc.idfs must
// hold n+1 values, 0 for not yet computed (an idf is at least 1).
func (sc *tfidfScratch) idf(df, n int) float64 {
	v := sc.idfs[df]
	if v == 0 {
		v = idf(df, n)
		sc.idfs[df] = v
	}
	return v
}

// wordSlot is one word of a tfidf call's texts, as written: the bytes
// texts[text][start:start+n], and its term number (termStop for a stop
// word, termNone for a run too short to be a word). It holds no
// pointers: the table needs no clearing to keep no text alive.
type wordSlot struct {
	text, start, n int32
	term           int32
	gen            uint32
}

const (
	termStop int32 = -1
	termNone int32 = -2
)

// term returns the term number of the stem of e, next when the stem is
// new to this call.
func (sc *tfidfScratch) term(e stemEntry, next int32) int32 {
	if e.id < 0 {
		id, ok := sc.ids[e.stem]
		if !ok {
			id = next
			sc.ids[e.stem] = id
		}
		return id
	}
	if int(e.id) >= len(sc.local) {
		sc.local = append(sc.local, make([]int32, max(int(e.id)+1, 2*len(sc.local))-len(sc.local))...)
	}
	if v := sc.local[e.id]; v != 0 {
		return v - 1
	}
	sc.local[e.id] = next + 1
	sc.touched = append(sc.touched, e.id)
	return next
}

// startWords readies the word table for texts.
func (sc *tfidfScratch) startWords(texts []string) {
	sc.texts, sc.count = texts, 0
	if len(sc.slots) == 0 {
		sc.slots = make([]wordSlot, 1024)
	}
}

// wordHash32 is the FNV-1a hash of w.
func wordHash32(w string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		h = (h ^ uint32(w[i])) * 16777619
	}
	return h
}

// slotOf returns the slot of the word texts[text][start:end], of hash h
// (wordHash32): the one holding it, or a new one where it belongs (term
// below termNone). The table doubles before it gets more than half full.
func (sc *tfidfScratch) slotOf(text, start, end int, h uint32) *wordSlot {
	w := sc.texts[text][start:end]
	mask := uint32(len(sc.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		sl := &sc.slots[i]
		if sl.gen != sc.gen {
			if 2*(sc.count+1) > len(sc.slots) {
				sc.grow()
				return sc.slotOf(text, start, end, h)
			}
			sc.count++
			*sl = wordSlot{text: int32(text), start: int32(start), n: int32(len(w)), term: termNone - 1, gen: sc.gen}
			return sl
		}
		if int(sl.n) == len(w) && sc.texts[sl.text][sl.start:sl.start+sl.n] == w {
			return sl
		}
	}
}

// grow replaces the word table with one twice its size holding the same
// words.
func (sc *tfidfScratch) grow() {
	old := sc.slots
	sc.slots = make([]wordSlot, 2*len(old))
	mask := uint32(len(sc.slots) - 1)
	for _, sl := range old {
		if sl.gen != sc.gen {
			continue
		}
		i := wordHash32(sc.texts[sl.text][sl.start:sl.start+sl.n]) & mask
		for sc.slots[i].gen == sc.gen {
			i = (i + 1) & mask
		}
		sc.slots[i] = sl
	}
}
