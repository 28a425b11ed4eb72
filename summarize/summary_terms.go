package summarize

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

// slotOf returns the slot of the word texts[text][start:end]: the one
// holding it, or a new one where it belongs (term below termNone). The
// table doubles before it gets more than half full.
func (sc *tfidfScratch) slotOf(text, start, end int) *wordSlot {
	w := sc.texts[text][start:end]
	h := wordHash32(w)
	mask := uint32(len(sc.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		sl := &sc.slots[i]
		if sl.gen != sc.gen {
			if 2*(sc.count+1) > len(sc.slots) {
				sc.grow()
				return sc.slotOf(text, start, end)
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
