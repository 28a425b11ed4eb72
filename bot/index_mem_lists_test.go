package bot

import (
	"maps"
	"slices"
	"testing"
)

func TestCompactLists(t *testing.T) {
	m := map[string][]int32{"a": {1, 2, 3}, "b": nil, "c": {}, "d": {7}}
	m["a"] = append(m["a"], 4) // spare capacity
	want := map[string][]int32{"a": {1, 2, 3, 4}, "b": nil, "c": {}, "d": {7}}
	compactLists(m)
	if !maps.EqualFunc(m, want, slices.Equal) {
		t.Fatalf("compactLists = %v, want %v", m, want)
	}
	for k, xs := range m {
		if len(xs) != cap(xs) {
			t.Errorf("%s: capacity %d for %d", k, cap(xs), len(xs))
		}
	}
	a := m["a"]
	_ = append(m["d"], 9) // must not write into a's room
	if !slices.Equal(m["a"], a) || !slices.Equal(m["a"], []int32{1, 2, 3, 4}) {
		t.Errorf("appending to one list changed another: %v", m)
	}
}
