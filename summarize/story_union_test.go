package summarize

import (
	"fmt"
	"testing"
)

// TestStoryUnion checks that groups come in the order of their first
// members, each in order, whatever order the links come in.
func TestStoryUnion(t *testing.T) {
	order := []int{4, 2, 0, 5, 1, 3} // the articles, earliest first
	tests := []struct {
		name    string
		links   [][2]int
		members string
		sizes   string
	}{
		{"none", nil, "[4 2 0 5 1 3]", "[1 1 1 1 1 1]"},
		{"chain", [][2]int{{3, 1}, {1, 5}, {2, 3}}, "[4 2 5 1 3 0]", "[1 4 1]"},
		{"all, latest first", [][2]int{{3, 1}, {1, 0}, {0, 5}, {5, 2}, {2, 4}}, "[4 2 0 5 1 3]", "[6]"},
		{"two pairs", [][2]int{{0, 3}, {4, 1}}, "[4 1 2 0 3 5]", "[2 1 2 1]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u := newStoryUnion(order)
			for _, l := range tt.links {
				u.union(l[0], l[1])
			}
			members, sizes := u.groups(order)
			if got := fmt.Sprint(members); got != tt.members {
				t.Errorf("members = %s, want %s", got, tt.members)
			}
			if got := fmt.Sprint(sizes); got != tt.sizes {
				t.Errorf("sizes = %s, want %s", got, tt.sizes)
			}
			for lo, k := 0, 0; k < len(sizes); k++ {
				if r := u.find(members[lo]); r != members[lo] {
					t.Errorf("group %d: root %d, want its earliest member %d", k, r, members[lo])
				}
				lo += sizes[k]
			}
		})
	}
}
