package summarize

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestQuotesSeedGolden compares every field of the seed article's quotes
// with testdata/quotes-seed.golden (rewrite with -update), so that a change
// to speaker, role, mention, cue or text shows up in review.
func TestQuotesSeedGolden(t *testing.T) {
	const golden = "testdata/quotes-seed.golden"
	qs := articleQuotes(t, filepath.Join("testdata", "sentences-seed.md"))
	var b strings.Builder
	b.WriteString("# sentence | speaker | kind | role | mention | cue | text\n")
	for _, q := range qs {
		fmt.Fprintf(&b, "%d | %s | %s | %s | %s | %s | %s\n", q.Sentence, q.Speaker, q.Kind, q.Role, q.Mention, q.Cue, q.Text)
	}
	got := b.String()
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("read %s (run with -update to create it): %v", golden, err)
	}
	if got != string(want) {
		t.Errorf("seed quotes differ from %s (run with -update to accept):\ngot:\n%s\nwant:\n%s", golden, got, want)
	}
}
