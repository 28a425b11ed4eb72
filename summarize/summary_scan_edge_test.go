package summarize

import (
	"strings"
	"testing"
)

// TestEdgeFieldsMatchesFields holds edgeFields to strings.Fields on the
// trait scanners' texts: the devset's sentences and random text full of
// marks, non-ASCII spaces and invalid bytes.
func TestEdgeFieldsMatchesFields(t *testing.T) {
	for _, s := range append(traitTexts(t), "", " ", "one", "Tim Cook Jr.", "a\u00a0b\u2003c") {
		w := strings.Fields(s)
		n, first, prev, last := edgeFields(s)
		var wantFirst, wantPrev, wantLast string
		if len(w) > 0 {
			wantFirst, wantLast = w[0], w[len(w)-1]
		}
		if len(w) > 1 {
			wantPrev = w[len(w)-2]
		}
		if n != len(w) || first != wantFirst || prev != wantPrev || last != wantLast {
			t.Errorf("edgeFields(%q) = %d, %q, %q, %q, want %d, %q, %q, %q", s, n, first, prev, last, len(w), wantFirst, wantPrev, wantLast)
		}
	}
}
