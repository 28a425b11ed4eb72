package bot

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSmallest checks the bounded heap topicRanking keeps against a full
// sort, ties included.
func TestSmallest(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	tests := []struct{ n, k, spread int }{
		{10, 1, 100}, {10, 9, 100}, {200, 5, 10}, {1000, 64, 50}, {1000, 320, 1000},
	}
	for _, tt := range tests {
		xs := make([]int, tt.n)
		key := make([]int, tt.n)
		for i := range xs {
			xs[i], key[i] = i, rng.IntN(tt.spread)
		}
		order := func(a, b int) int { return cmp.Or(key[a]-key[b], a-b) }
		want := slices.Clone(xs)
		slices.SortFunc(want, order)
		if got := smallest(slices.Clone(xs), tt.k, order); !slices.Equal(got, want[:tt.k]) {
			t.Errorf("n=%d k=%d: smallest = %v, want %v", tt.n, tt.k, got, want[:tt.k])
		}
	}
}
