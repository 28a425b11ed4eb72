package summarize

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzPeopleAndQuotes checks that any text, however broken, is split,
// registered and quoted without a panic, and that quotes point at real
// sentences. Seeds: the test articles and a few hostile fragments.
func FuzzPeopleAndQuotes(f *testing.F) {
	for _, s := range []string{
		`"Unclosed, he said. ‘Half’ ’ “ ” « » „`, "The.\n\n\"\"\n\n“", "Mr. . U.S. . . a.m.", "’s ‘ ’ ' '' \"\"\" ,",
		"Said. Told, according to. Claimed that. The analyst said.", "He said: \n\nThe\n\n“A", "X, Y, Z, said W.",
	} {
		f.Add(s)
	}
	files, _ := filepath.Glob(filepath.Join("testdata", "*.md"))
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(string(b))
		}
	}
	f.Fuzz(func(t *testing.T, body string) {
		sents := Sentences(body)
		reg := newRegistry(sents)
		for _, q := range findQuotes(sents, reg) {
			if q.Sentence < 0 || q.Sentence >= len(sents) || q.Speaker == "" || q.Text == "" {
				t.Fatalf("findQuotes(%q) gave %+v", body, q)
			}
		}
		reg.people()
		for s := range sents {
			reg.resolve("he", s)
			reg.resolve("the company", s)
			reg.resolve("US President Smith", s)
		}
	})
}
