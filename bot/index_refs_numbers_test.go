package bot

import "testing"

// TestRecordNumbers checks that every record's number leads back to it,
// with articles of no records, of one, and of more than a block.
func TestRecordNumbers(t *testing.T) {
	for _, counts := range [][]int{nil, {0}, {0, 0, 3}, {1, 0, 0, 200, 0, 5, 64, 63, 1, 0}, {refBlock}, {refBlock + 1, 0}} {
		n := newRecordNumbers(len(counts), func(a int) int { return counts[a] })
		want := int32(0)
		for a, c := range counts {
			for i := range c {
				if got := n.number(int32(a), int32(i)); got != want {
					t.Fatalf("%v: record %d of article %d is number %d, want %d", counts, i, a, got, want)
				}
				if art, k := n.ref(want); art != int32(a) || k != int32(i) {
					t.Fatalf("%v: number %d is record %d of article %d, want %d of %d", counts, want, k, art, i, a)
				}
				want++
			}
		}
	}
}
