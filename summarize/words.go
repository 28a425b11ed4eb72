package summarize

import "strings"

// Closed word classes of English, lowercase. They are grammar, not
// gazetteers, so they live in code next to the rules that read them.

func wordsOf(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

var (
	determiners = wordsOf("the a an this that these those some many several most all both each every " +
		"no few other another its his her their our my your any such one two three four five six seven eight nine ten dozens")
	definiteDets = wordsOf("the this that these those")
	prepositions = wordsOf("in on at of to for from by with without about over under into onto after before " +
		"during since than as against among between through across behind beyond near via per amid toward towards upon within")
	pronouns = map[string]string{ // pronoun -> kind: m, f, p (plural/org), n (neuter), x (first/second person)
		"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "they": "p", "them": "p", "their": "p",
		"it": "n", "its": "n", "i": "x", "we": "x", "you": "x", "me": "x", "us": "x",
	}
	auxiliaries = wordsOf("has have had is was are were be been being will would shall should can could may might must " +
		"do does did having")
	negations   = wordsOf("not n't never no neither nor without")
	catenatives = wordsOf("to went go goes going continued continues continue decided declined refused wants wanted " +
		"tried tries failed went on used began begins")
	adverbs = wordsOf("also later then again still yet already once repeatedly recently publicly privately separately " +
		"further too twice thrice always ever sometimes usually never rarely seldom reportedly previously earlier first last now today yesterday tonight just even only " +
		"often frequently simply merely clearly openly personally allegedly apparently directly indeed " +
		"however meanwhile therefore thus instead ultimately initially originally subsequently finally briefly")
	subordinators = wordsOf("although though while whereas because since if unless when whenever as after before " +
		"until once so")
	clauseStarts = wordsOf("he she they it we i you there this that these those the a an his her their its our my " +
		"some many most several no one each every all both what who why how whether when where which if")
	timeWords = wordsOf("yesterday today tonight monday tuesday wednesday thursday friday saturday sunday " +
		"morning afternoon evening night week month year weekend earlier later recently")
)

// pronounFilter turns most words away before a lookup in pronouns.
var pronounFilter = newWordFilter(pronouns)

// stringKeys returns the set of the keys of m, for newWordFilter over
// maps of other value types.
func stringKeys[V any](m map[string]V) map[string]bool {
	out := make(map[string]bool, len(m))
	for k := range m {
		out[k] = true
	}
	return out
}

// wordFilter is a quick, exact test that a word is not in a set of words:
// bit n of first[c] is set when a word of the set has n bytes (n < 63; bit
// 63 stands for any longer length) and starts with byte c, and bit n of
// last[c] when one has n bytes and ends with byte c. A lookup in it costs
// no hashing, and most words of a sentence fail it: the last byte turns
// away most of the words that share a first byte and length with a word
// of a big list (the reporting verbs, the time words).
type wordFilter struct {
	first, last [256]uint64
}

// newWordFilter returns the filter of the words that are keys of sets.
func newWordFilter[V any](sets ...map[string]V) *wordFilter {
	var f wordFilter
	for _, set := range sets {
		for w := range set {
			if w != "" {
				f.first[w[0]] |= lengthBit(len(w))
				f.last[w[len(w)-1]] |= lengthBit(len(w))
			}
		}
	}
	return &f
}

func lengthBit(n int) uint64 { return 1 << min(n, 63) }

// mayHave reports whether w may be in the set: false means it is not.
func (f *wordFilter) mayHave(w string) bool {
	if w == "" {
		return false
	}
	b := lengthBit(len(w))
	return f.first[w[0]]&b != 0 && f.last[w[len(w)-1]]&b != 0
}
