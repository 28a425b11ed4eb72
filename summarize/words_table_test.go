package summarize

import (
	"fmt"
	"testing"
)

// TestWordTablesMatchMaps holds the tables to the maps they were built
// from: every key with its value, and words that are not keys (other
// words of the lexicon, near misses, the empty word) absent.
func TestWordTablesMatchMaps(t *testing.T) {
	var probes []string
	for _, m := range []map[string]bool{determiners, prepositions, auxiliaries, adverbs, timeWords, lx.starters} {
		for w := range m {
			probes = append(probes, w, w+"s", "x"+w, w[:len(w)-1])
		}
	}
	probes = append(probes, "", "a", "zz", "the", "The", "THE", "’ll", "won't", "i’m")
	for w := range timeStarts {
		probes = append(probes, w)
	}
	for w := range wordFlags {
		probes = append(probes, w)
	}
	for _, w := range probes {
		if got, want := timeStartsTable.has(w), timeStarts[w]; got != want {
			t.Errorf("timeStartsTable.has(%q) = %v, want %v", w, got, want)
		}
		v, ok := wordFlagsTable.get(w)
		if want, wantOK := wordFlags[w]; v != want || ok != wantOK {
			t.Errorf("wordFlagsTable.get(%q) = %d, %v, want %d, %v", w, v, ok, want, wantOK)
		}
	}
}

// TestWordTableSmall checks a table on a handful of words, a full
// probe chain and the empty word.
func TestWordTableSmall(t *testing.T) {
	m := map[string]uint8{}
	for i := range 50 {
		m[fmt.Sprintf("w%d", i)] = uint8(i%3 + 1)
	}
	m["zero"] = 0
	tab := newWordTable(m)
	for w, want := range m {
		if got, ok := tab.get(w); !ok || got != want {
			t.Errorf("get(%q) = %d, %v, want %d, true", w, got, ok, want)
		}
	}
	for _, w := range []string{"", "w50", "w", "zer", "zeros"} {
		if _, ok := tab.get(w); ok {
			t.Errorf("get(%q) found a word not in the table", w)
		}
	}
	if tab.has("zero") {
		t.Error(`has("zero") = true for a word whose value is 0`)
	}
}
