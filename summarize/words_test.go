package summarize

import (
	"strings"
	"testing"
)

// TestWordFilter checks that the filter never turns away a word of its
// sets, and turns away words whose first byte and length, or last byte and
// length, no word shares.
func TestWordFilter(t *testing.T) {
	long := strings.Repeat("x", 70)
	f := newWordFilter(wordSet("the", "in", long), wordSet("will"))
	tests := []struct {
		w    string
		want bool
	}{
		{"the", true},
		{"in", true},
		{"will", true},
		{long, true},
		{strings.Repeat("x", 90), true}, // every length past 62 shares one bit
		{"", false},
		{"tie", true},  // same first byte, last byte and length as "the": the map decides
		{"tho", false}, // same first byte and length as "the", another last byte
		{"ale", false}, // same last byte and length as "the", another first byte
		{"then", false},
		{"i", false},
		{"we", false},
		{"x", false},
	}
	for _, tt := range tests {
		if got := f.mayHave(tt.w); got != tt.want {
			t.Errorf("mayHave(%.12q) = %v, want %v", tt.w, got, tt.want)
		}
	}
}

// TestWordFiltersKeepTheirWords checks every filter of the package against
// the sets it stands before: a filter that turned away one of their words
// would change what the analysis finds.
func TestWordFiltersKeepTheirWords(t *testing.T) {
	tests := []struct {
		name   string
		filter *wordFilter
		sets   []map[string]bool
	}{
		{"timeStarts", timeStartsFilter, []map[string]bool{timeStarts}},
		{"wordFlags", wordFlagsFilter, []map[string]bool{stringKeys(wordFlags)}},
		{"scanCues", scanCuesFilter, []map[string]bool{scanCues}},
		{"pronouns", pronounFilter, []map[string]bool{stringKeys(pronouns)}},
		{"tenseClass", tenseClassFilter, []map[string]bool{stringKeys(tenseClass)}},
		{"verbish", verbishFilter, []map[string]bool{auxiliaries, irregularPast}},
		{"cues", cueFilter, []map[string]bool{stringKeys(lx.cues)}},
		{"cueNouns", cueNounFilter, []map[string]bool{stringKeys(lx.cueNouns)}},
		{"places", placeFilter, []map[string]bool{lx.places, lx.demonyms}},
		{"function", functionFilter, []map[string]bool{lx.starters, determiners, prepositions, subordinators,
			adverbs, auxiliaries, stringKeys(pronouns)}},
		{"countWords", countWordsFilter, []map[string]bool{stringKeys(countWords)}},
	}
	for _, tt := range tests {
		n := 0
		for _, set := range tt.sets {
			for w := range set {
				n++
				if w != "" && !tt.filter.mayHave(w) {
					t.Errorf("%s filter turns away %q", tt.name, w)
				}
			}
		}
		if n == 0 {
			t.Errorf("%s: no words to check", tt.name)
		}
	}
}
