package summarize

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The fuzz targets of this package, one at a time (each uses every core):
//
//	go test ./summarize -run XXX -fuzz '^FuzzSentences$' -fuzztime 60s
//	go test ./summarize -run XXX -fuzz '^FuzzPeopleAndQuotes$' -fuzztime 60s
//	go test ./summarize -run XXX -fuzz '^FuzzDeadlines$' -fuzztime 60s
//
// A plain "go test" runs their seeds: fuzzSeedTexts and the crashers kept
// under testdata/fuzz/FuzzXxx/.

// hostileSeeds are fragments that have broken text analysers before:
// unbalanced and mixed quotation marks, stray stops, abbreviations,
// invalid UTF-8, runes whose lower case has another width, control
// characters and blank-line games.
var hostileSeeds = []string{
	`"Unclosed, he said. ‘Half’ ’ “ ” « » „`,
	"The.\n\n\"\"\n\n“",
	"Mr. . U.S. . . a.m. ... …",
	"’s ‘ ’ ' '' \"\"\" ,",
	"He said: \n\nThe\n\n“A",
	"X, Y, Z, said W.",
	"\xff\xfe Fr\xc4\xb0DAY \xe2\x80 until \u212a days. \x00\x1b[2J",
	"İstanbul said on FRİDAY it gave Turkey 30 days to leave by Aug. 8, 2025.",
	"1. Cut costs.\n2. Sell.\n# Heading\n- item until Friday",
	"end.The next \u00a0 \u2028 \u0085 line.",
	"The deadline was extended to March. It expires in 10 days. No later than Jan. 5, 2026.",
	"Trump gave Putin 50 days to end the war or face tariffs. Later, he reduced it to 10 days.",
}

// fuzzSeedTexts returns seed articles and sentences for the fuzz
// targets: the hostile fragments, every Markdown article of testdata, the
// seed article one sentence a line, the sentences of the phrase table
// (testdata/deadlines/phrases.txt) and the bodies of the quote conventions
// (testdata/quotes/conventions.txt). Files that cannot be read are
// skipped: the seeds widen the search, they are not the test.
func fuzzSeedTexts(tb testing.TB) []string {
	tb.Helper()
	out := append([]string(nil), hostileSeeds...)
	mds, _ := filepath.Glob(filepath.Join("testdata", "*.md"))
	for _, p := range mds {
		if b, err := os.ReadFile(p); err == nil {
			out = append(out, string(b))
		}
	}
	if b, err := os.ReadFile(filepath.Join("testdata", "deadlines_seed.txt")); err == nil {
		out = append(out, string(b))
	}
	if b, err := os.ReadFile(filepath.Join("testdata", "deadlines", "phrases.txt")); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if f := strings.Split(line, " | "); len(f) >= 2 && !strings.HasPrefix(line, "#") {
				out = append(out, strings.ReplaceAll(strings.TrimSpace(f[1]), " // ", " "))
			}
		}
	}
	if b, err := os.ReadFile(filepath.Join("testdata", "quotes", "conventions.txt")); err == nil {
		for _, block := range strings.Split(string(b), "\n=== ")[1:] {
			body, _, _ := strings.Cut(block, "\n---")
			if _, text, ok := strings.Cut(body, "\n"); ok {
				out = append(out, text)
			}
		}
	}
	return out
}
