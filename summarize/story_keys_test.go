package summarize

import (
	"fmt"
	"hash/maphash"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
)

// normKeyReference is normKey as first written.
func normKeyReference(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}

func TestNormKey(t *testing.T) {
	tests := []string{"", " ", "Steve Jobs", "  Steve   JOBS. ", "O'Brien-Smith", "ÉTAT d’urgence", "İstanbul", "ΣΑΣ",
		"a\xffb", "\xe2\x80", "x\ufffdy", "١٢٣ 東京", "Kelvin\u212a", "--a--", "a\u0301b"}
	rng := rand.New(rand.NewPCG(5, 8))
	pieces := tests
	for range 500 {
		var b strings.Builder
		for range 1 + rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		tests = append(tests, b.String())
	}
	for _, s := range tests {
		if got, want := normKey(s), normKeyReference(s); got != want {
			t.Errorf("normKey(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzNormKey(f *testing.F) {
	f.Add("  Steve   JOBS. ")
	f.Add("ÉTAT d’urgence \xff İstanbul")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := normKey(s), normKeyReference(s); got != want {
			t.Errorf("normKey(%q) = %q, want %q", s, got, want)
		}
	})
}

// TestKeySet checks numbering, repeats, and keys whose hashes collide (the
// probe must still tell them apart).
func TestKeySet(t *testing.T) {
	s := newKeySet()
	want := map[string]int{}
	for i := range 3000 {
		key := fmt.Sprintf("key %d", i%1000)
		k, isNew := s.add([]byte(key))
		if w, seen := want[key]; seen {
			if isNew || k != w {
				t.Fatalf("add(%q) = %d, %v; want %d, false", key, k, isNew, w)
			}
			continue
		}
		if !isNew || k != len(want) {
			t.Fatalf("add(%q) = %d, %v; want %d, true", key, k, isNew, len(want))
		}
		want[key] = k
	}
	for key, w := range want {
		if k, ok := s.find([]byte(key)); !ok || k != w || string(s.bytes(k)) != key {
			t.Fatalf("find(%q) = %d, %v", key, k, ok)
		}
	}
	if _, ok := s.find([]byte("absent")); ok {
		t.Error("find of an absent key succeeded")
	}
	// Force collisions: a key at the hash of "b" (and in the map, at the
	// next hash too), in the scanned and in the mapped set.
	for _, n := range []int{1, 2 * keySmall} {
		s.reset(0)
		for i := range n {
			s.add(fmt.Appendf(nil, "k%d", i))
		}
		h := hashOf(s, "b")
		if s.slots == nil {
			s.hashes[0] = h
		} else {
			s.slots[h], s.slots[h+1] = 0, 1
		}
		if k, isNew := s.add([]byte("b")); !isNew || k != n {
			t.Fatalf("%d keys: add(b) after collisions = %d, %v; want %d, true", n, k, isNew, n)
		}
		if k, ok := s.find([]byte("b")); !ok || k != n {
			t.Fatalf("%d keys: find(b) after collisions = %d, %v", n, k, ok)
		}
		if k, isNew := s.add([]byte("k1")); n > 1 && (isNew || k != 1) {
			t.Fatalf("%d keys: add(k1) again = %d, %v; want 1, false", n, k, isNew)
		}
	}
}

func hashOf(s *keySet, key string) uint64 { return maphash.Bytes(s.seed, []byte(key)) }
