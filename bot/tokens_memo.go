package bot

import (
	"sync"
	"sync/atomic"

	"github.com/kljensen/snowball/english"
)

// wordInfo is what the index needs to know of a lowercase word: whether it
// is an English stopword and, if not, its Snowball English stem and the
// stem's number (the memo numbers stems from 0 in order of first use; -1
// for a word the memo had no room for).
type wordInfo struct {
	stem string
	id   int32
	stop bool
}

// wordMemo memoises english.Stem and english.IsStopWord, which would cost
// a third of building an index if called for every word of every
// sentence: a corpus repeats its words. Readers look words up in a frozen
// map without locking; words not yet frozen are looked up and added under
// mu in fresh, which is frozen (copied into a new frozen map) once it
// holds a quarter as many words as the frozen one or has been looked up as
// many times as the memo holds words, so the copying costs O(1) a word or
// a locked lookup. The memo stops growing at maxStems words, far beyond an
// English vocabulary, so hostile input cannot grow it without bound.
var wordMemo struct {
	frozen atomic.Pointer[map[string]wordInfo]

	mu        sync.Mutex
	fresh     map[string]wordInfo
	freshHits int              // lookups that found a word in fresh since it was last frozen
	stemIDs   map[string]int32 // stem → its number
}

const maxStems = 1 << 20

// lookupWord returns the wordInfo of a lowercase word. It does not keep w.
func lookupWord(w []byte) wordInfo {
	if m := wordMemo.frozen.Load(); m != nil {
		if e, ok := (*m)[string(w)]; ok {
			return e
		}
	}
	return lookupFresh(w)
}

// lookupFresh looks w up among the words not yet frozen, adding it when
// new.
func lookupFresh(w []byte) wordInfo {
	wordMemo.mu.Lock()
	defer wordMemo.mu.Unlock()
	var frozen map[string]wordInfo
	if m := wordMemo.frozen.Load(); m != nil {
		frozen = *m
		if e, ok := frozen[string(w)]; ok { // frozen since lookupWord looked
			return e
		}
	}
	if e, ok := wordMemo.fresh[string(w)]; ok {
		if wordMemo.freshHits++; wordMemo.freshHits >= len(frozen)+len(wordMemo.fresh) {
			freeze(frozen)
		}
		return e
	}
	word := string(w)
	e := wordInfo{stem: english.Stem(word, false), id: -1, stop: english.IsStopWord(word)}
	if len(frozen)+len(wordMemo.fresh) >= maxStems {
		return e
	}
	if wordMemo.stemIDs == nil {
		wordMemo.stemIDs = map[string]int32{}
	}
	id, ok := wordMemo.stemIDs[e.stem]
	if !ok {
		id = int32(len(wordMemo.stemIDs))
		wordMemo.stemIDs[e.stem] = id
	}
	e.id = id
	if wordMemo.fresh == nil {
		wordMemo.fresh = map[string]wordInfo{}
	}
	wordMemo.fresh[word] = e
	if len(wordMemo.fresh) >= max(64, len(frozen)/4) {
		freeze(frozen)
	}
	return e
}

// freeze publishes the frozen words and the fresh ones as the new frozen
// map. It needs wordMemo.mu held.
func freeze(frozen map[string]wordInfo) {
	next := make(map[string]wordInfo, len(frozen)+len(wordMemo.fresh))
	for k, v := range frozen {
		next[k] = v
	}
	for k, v := range wordMemo.fresh {
		next[k] = v
	}
	wordMemo.frozen.Store(&next)
	wordMemo.fresh, wordMemo.freshHits = nil, 0
}
