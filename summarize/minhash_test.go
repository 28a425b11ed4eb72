package summarize

import (
	"fmt"
	"math/rand/v2"
	"slices"
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

// nearDuplicatesReference is nearDuplicates as first written, with a map
// of buckets per band.
func nearDuplicatesReference(sigs []signature) [][2]int {
	const rows = minHashes / minHashBands
	seen := map[[2]int]bool{}
	var out [][2]int
	for b := range minHashBands {
		buckets := map[[rows]uint64][]int{}
		for i, s := range sigs {
			if s == nil {
				continue
			}
			var key [rows]uint64
			copy(key[:], s[b*rows:(b+1)*rows])
			for _, j := range buckets[key] {
				p := [2]int{j, i}
				if !seen[p] {
					seen[p] = true
					if sigs[j].jaccard(s) >= duplicateJacc {
						out = append(out, p)
					}
				}
			}
			buckets[key] = append(buckets[key], i)
		}
	}
	return out
}

// TestNearDuplicatesReference checks nearDuplicates against the reference,
// pair for pair and in order, on signatures whose values come from a small
// set, so that bands collide often and some pairs agree just under, at and
// over duplicateJacc.
func TestNearDuplicatesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 4))
	var sigs []signature
	for i := range 400 {
		if i%17 == 0 {
			sigs = append(sigs, nil)
			continue
		}
		s := make(signature, minHashes)
		if i > 0 && rng.IntN(3) == 0 && sigs[i-1] != nil { // a variant of the one before
			copy(s, sigs[i-1])
			for range rng.IntN(40) {
				s[rng.IntN(minHashes)] = uint64(rng.IntN(3))
			}
		} else {
			for k := range s {
				s[k] = uint64(rng.IntN(2))
			}
		}
		sigs = append(sigs, s)
	}
	got, want := nearDuplicates(sigs), nearDuplicatesReference(sigs)
	if len(want) < 50 {
		t.Fatalf("only %d pairs: the test checks little", len(want))
	}
	if !slices.Equal(got, want) {
		t.Errorf("nearDuplicates gives %d pairs, the reference %d, or in another order", len(got), len(want))
	}
}
