package bot

import (
	"math/rand/v2"
	"testing"
)

// TestScoreTable checks the table's sums against a map's, adds in the same
// order, through collisions and reuse from the pool.
func TestScoreTable(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for round, n := range []int{0, 1, 10, 100, 3000, 50} {
		want := map[int32]float64{}
		tab := getScoreTable(n)
		for k := 0; k < n; k++ {
			doc := int32(r.IntN(max(1, n/2)) * 4096) // many in one slot
			if k%3 == 0 {
				doc = int32(r.IntN(1 << 27))
			}
			v := r.Float64()
			want[doc] += v
			tab.add(doc, v)
		}
		got := map[int32]float64{}
		tab.each(func(doc int, score float64) {
			if _, dup := got[int32(doc)]; dup {
				t.Fatalf("round %d: sentence %d given twice", round, doc)
			}
			got[int32(doc)] = score
		})
		if len(got) != len(want) {
			t.Fatalf("round %d: %d sentences, want %d", round, len(got), len(want))
		}
		for doc, w := range want {
			if got[doc] != w {
				t.Fatalf("round %d: sentence %d scored %v, want %v", round, doc, got[doc], w)
			}
		}
		tab.put()
	}
}
