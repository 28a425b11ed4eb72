package summarize

import (
	"fmt"
	"strings"
	"testing"
)

// wireText returns a made-up wire story of n sentences, each different.
func wireText(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "Officials in district %d said the repair crews would reach village number %d before the weekend. ", i, i*7+3)
	}
	return b.String()
}

func TestMinHash(t *testing.T) {
	base := wireText(30)
	tests := []struct {
		name   string
		a, b   string
		lo, hi float64 // the estimate must fall in [lo, hi]
	}{
		{"identical", base, base, 1, 1},
		{"case and punctuation", base, strings.ToUpper(strings.ReplaceAll(base, ".", ";")), 1, 1},
		{"reprint with a new first sentence and a sign-off", "The storm is over. " + base + " Reporting by staff.", base, 0.8, 1},
		{"half the story", wireText(15), base, 0.3, 0.7},
		{"unrelated", base, strings.Repeat("Markets rose sharply on Tuesday as investors cheered the results. ", 20), 0, 0.1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := minHash(tt.a).jaccard(minHash(tt.b)); got < tt.lo || got > tt.hi {
				t.Errorf("jaccard = %.2f, want in [%.2f, %.2f]", got, tt.lo, tt.hi)
			}
		})
	}
	if s := minHash("Too short to shingle."); s != nil {
		t.Errorf("minHash of four words = %v, want nil", s)
	}
	if got := signature(nil).jaccard(minHash(base)); got != 0 {
		t.Errorf("jaccard with a nil signature = %v, want 0", got)
	}
}

func TestNearDuplicates(t *testing.T) {
	base := wireText(30)
	sigs := []signature{
		minHash(base),
		minHash(strings.Repeat("Markets rose sharply on Tuesday as investors cheered the results. ", 20)),
		minHash("The storm is over. " + base),
		nil,
		minHash(base + " Reporting by staff."),
	}
	got := nearDuplicates(sigs)
	want := map[[2]int]bool{{0, 2}: true, {0, 4}: true, {2, 4}: true}
	if len(got) != len(want) {
		t.Fatalf("nearDuplicates = %v, want the pairs of %v", got, want)
	}
	for _, p := range got {
		if !want[p] {
			t.Errorf("nearDuplicates gave %v, want only %v", p, want)
		}
	}
}
