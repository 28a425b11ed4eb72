package summarize

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestCopiesAmongLarge checks that a story of many articles finds its
// reprints by LSH exactly as comparing every pair would.
func TestCopiesAmongLarge(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	word := func() string { return fmt.Sprintf("w%d", rng.IntN(5000)) }
	var texts []string
	for i := range 150 {
		if i > 0 && i%4 == 0 { // a reprint of an earlier text, a sign-off changed
			texts = append(texts, texts[rng.IntN(i)]+" Edited for length.")
			continue
		}
		var b strings.Builder
		for range 200 {
			b.WriteString(word() + " ")
		}
		texts = append(texts, b.String())
	}
	sigs := make([]signature, len(texts))
	members := make([]int, len(texts))
	for i, s := range texts {
		sigs[i], members[i] = minHash(s), i
	}
	got := copiesAmong(members, newStoryDups(len(sigs), nearDuplicates(sigs)).of)
	want := map[int]int{}
	for x, b := range members {
		for _, a := range members[:x] {
			if _, isCopy := want[a]; !isCopy && sigs[a].jaccard(sigs[b]) >= duplicateJacc {
				want[b] = a
				break
			}
		}
	}
	if len(want) < 30 {
		t.Fatalf("only %d copies in the test corpus", len(want))
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("copiesAmong = %v\nwant %v", got, want)
	}
}
