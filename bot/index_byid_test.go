package bot

import "testing"

// TestArticleKeys checks finding articles by key, first article first,
// and keys whose hashes collide (made to, by filing one under the
// other's hash).
func TestArticleKeys(t *testing.T) {
	keys := [][2]string{{"a 1", "dir a 1 md"}, {"b 2", "dir b 2 md"}, {"a 1", "other"}, {"c", "c"}, {"", "d"}}
	keyOf := func(art int32) [2]string { return keys[art] }
	var k articleKeys
	for i, ks := range keys {
		for _, key := range ks {
			k.add(key, i, keyOf)
		}
	}
	for key, want := range map[string]int{"a 1": 0, "dir a 1 md": 0, "b 2": 1, "other": 2, "c": 3, "d": 4} {
		if got, ok := k.find(key, keyOf); !ok || got != want {
			t.Errorf("find(%q) = %d %v, want %d", key, got, ok, want)
		}
	}
	for _, key := range []string{"", "a", "e", "dir"} {
		if got, ok := k.find(key, keyOf); ok {
			t.Errorf("find(%q) = %d, want none", key, got)
		}
	}
	// "x" collides with "a 1": its hash is filed under article 0.
	k.byHash[hashNorm("x")] = 0
	keys = append(keys, [2]string{"x", "y"})
	k.add("x", 5, keyOf)
	k.add("x", 5, keyOf)
	if got, ok := k.find("x", keyOf); !ok || got != 5 {
		t.Errorf("colliding key: find = %d %v, want 5", got, ok)
	}
	if got, ok := k.find("a 1", keyOf); !ok || got != 0 {
		t.Errorf("after a collision: find(a 1) = %d %v, want 0", got, ok)
	}
	if len(k.more) != 1 {
		t.Errorf("%d keys kept by name, want 1", len(k.more))
	}
}
