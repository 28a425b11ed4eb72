package summarize

import (
	"reflect"
	"slices"
	"testing"
)

// TestStoryDups checks the near-duplicate lists made from pairs in any
// order and orientation.
func TestStoryDups(t *testing.T) {
	tests := []struct {
		name  string
		n     int
		pairs [][2]int
		want  [][]int32 // by article
	}{
		{"none", 3, nil, [][]int32{{}, {}, {}}},
		{"one pair", 3, [][2]int{{2, 0}}, [][]int32{{2}, {}, {0}}},
		{"a chain, unordered", 4, [][2]int{{3, 1}, {0, 1}, {1, 2}}, [][]int32{{1}, {0, 2, 3}, {1}, {1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := newStoryDups(tt.n, tt.pairs)
			for a, want := range tt.want {
				if got := d.of(a); !slices.Equal(got, want) {
					t.Errorf("of(%d) = %v, want %v", a, got, want)
				}
			}
		})
	}
	got := normPairs([][2]int{{3, 1}, {0, 2}, {1, 3}, {2, 0}, {0, 1}})
	if want := [][2]int{{0, 1}, {0, 2}, {1, 3}}; !reflect.DeepEqual(got, want) {
		t.Errorf("normPairs = %v, want %v", got, want)
	}
}

// TestNewStoryAsStories checks that NewStory, which hashes its members
// alone, merges a story as Stories does, its reprint included.
func TestNewStoryAsStories(t *testing.T) {
	arts, ans, _ := loadStorySet(t)
	copies := 0
	for _, want := range Stories(arts, ans) {
		members := slices.Clone(want.Articles)
		slices.Reverse(members) // any order
		got := NewStory(arts, ans, members)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("NewStory(%v) = %+v\nwant %+v", want.Articles, got, want)
		}
		copies += len(want.Copies)
	}
	if copies == 0 {
		t.Errorf("no story of the story set has a reprint: nothing to compare")
	}
}
