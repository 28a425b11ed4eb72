package summarize

import (
	"strings"
	"testing"
)

// TestWordFilter checks that the filter never turns away a word of its
// sets, and turns away words whose first byte and length no word shares.
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
		{"tho", true}, // same first byte and length as "the": the map decides
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
	for _, set := range []map[string]bool{timeStarts} {
		for w := range set {
			if !timeStartsFilter.mayHave(w) {
				t.Errorf("timeStartsFilter turns away %q", w)
			}
		}
	}
	for w := range wordFlags {
		if !wordFlagsFilter.mayHave(w) {
			t.Errorf("wordFlagsFilter turns away %q", w)
		}
	}
}
