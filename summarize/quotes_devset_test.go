package summarize

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The quote gold lives outside the repository, in ../../shared (the team's
// shared folder). These tests skip when it is absent. Matching follows
// /work/shared/eval/score.py: text_match (normalised containment or token
// F1 >= 0.6), speaker_match (token subset or same last token), greedy
// one-to-one pairing with optional gold neither owed nor counted.

const quoteShared = "../../shared"

type goldQuote struct {
	Speaker  string   `json:"speaker"`
	Aliases  []string `json:"speaker_aliases"`
	Text     string   `json:"text"`
	Kind     string   `json:"kind"`
	Optional bool     `json:"optional"`
}

type goldQuotes struct {
	File   string      `json:"file"`
	Quotes []goldQuote `json:"quotes"`
}

func loadGoldQuotes(t *testing.T, path string) []goldQuotes {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("shared gold not available: %v", err)
	}
	var g []goldQuotes
	if err := json.Unmarshal(raw, &g); err != nil {
		t.Fatal(err)
	}
	return g
}

// articleBody returns the text after the front matter.
func articleBody(t *testing.T, path string) string {
	body, _ := readDevArticle(t, path)
	return body
}

func articleQuotes(t *testing.T, path string) []Quote {
	sents := Sentences(articleBody(t, path))
	return findQuotes(sents, newRegistry(sents))
}

const scoreQuoteChars = "\"'“”‘’«»„‟‹›`´"

var (
	scoreNonWord     = regexp.MustCompile(`[^\p{L}\p{N}_\s-]`)
	scoreSpace       = regexp.MustCompile(`\s+`)
	quoteStopSpeaker = wordsOf("the a an mr mrs ms dr president prime minister")
)

func scoreNorm(s string) string {
	s = strings.ToLower(s)
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(scoreQuoteChars, r) {
			return ' '
		}
		return r
	}, s)
	s = scoreNonWord.ReplaceAllString(s, " ")
	return strings.TrimSpace(scoreSpace.ReplaceAllString(s, " "))
}

func scoreTokenF1(a, b string) float64 {
	ta, tb := strings.Fields(scoreNorm(a)), strings.Fields(scoreNorm(b))
	count := map[string]int{}
	for _, w := range tb {
		count[w]++
	}
	common := 0
	for _, w := range ta {
		if count[w] > 0 {
			count[w]--
			common++
		}
	}
	if common == 0 {
		return 0
	}
	p, r := float64(common)/float64(len(ta)), float64(common)/float64(len(tb))
	return 2 * p * r / (p + r)
}

func quoteTextMatch(pred, gold string) bool {
	p, g := scoreNorm(pred), scoreNorm(gold)
	if p == "" || g == "" {
		return false
	}
	return strings.Contains(p, g) || (strings.Contains(g, p) && float64(len(p)) >= 0.5*float64(len(g))) || scoreTokenF1(p, g) >= 0.6
}

func quoteSpeakerMatch(pred string, g goldQuote) bool {
	for _, name := range append([]string{g.Speaker}, g.Aliases...) {
		if speakerMatch(pred, name) {
			return true
		}
	}
	return false
}

// pairQuotes is score.py's pair(): hits, predictions counted, gold owed.
func pairQuotes(preds []Quote, golds []goldQuote, match func(Quote, goldQuote) bool) (hits, npred, ngold int) {
	order := slices.Clone(golds)
	slices.SortStableFunc(order, func(a, b goldQuote) int {
		return map[bool]int{false: 0, true: 1}[a.Optional] - map[bool]int{false: 0, true: 1}[b.Optional]
	})
	used := map[int]bool{}
	optional := 0
	for _, g := range order {
		for i, p := range preds {
			if !used[i] && match(p, g) {
				used[i] = true
				if g.Optional {
					optional++
				} else {
					hits++
				}
				break
			}
		}
		if !g.Optional {
			ngold++
		}
	}
	return hits, len(preds) - optional, ngold
}

func extracted(p Quote, g goldQuote) bool { return quoteTextMatch(p.Text, g.Text) }
func attributedTo(p Quote, g goldQuote) bool {
	return quoteTextMatch(p.Text, g.Text) && quoteSpeakerMatch(p.Speaker, g)
}

// TestQuotesSeed asserts the seed article fully: all ten gold quotes found
// and attributed, nothing else predicted. Article and gold are copied into
// testdata, so this test always runs.
func TestQuotesSeed(t *testing.T) {
	gold := loadGoldQuotes(t, filepath.Join("testdata", "quotes-seed-gold.json")) // a copy of shared/seed/gold.json
	qs := articleQuotes(t, filepath.Join("testdata", "sentences-seed.md"))
	att, npred, ngold := pairQuotes(qs, gold[0].Quotes, attributedTo)
	if att != ngold || npred != ngold {
		for _, q := range qs {
			t.Logf("got %s %q: %q", q.Kind, q.Speaker, q.Text)
		}
		t.Errorf("seed quotes: %d/%d attributed, %d predicted, want %d/%d and %d", att, ngold, npred, ngold, ngold, ngold)
	}
}

// TestQuotesDevset measures quotes on the development set and logs the
// figures (run with -v); it asserts nothing about them.
func TestQuotesDevset(t *testing.T) {
	dir := filepath.Join(quoteShared, "eval", "devset")
	gold := loadGoldQuotes(t, filepath.Join(dir, "gold.json"))
	var ext, att, npredExt, npredAtt, ngold int
	for _, g := range gold {
		qs := articleQuotes(t, filepath.Join(dir, g.File))
		e, ne, ng := pairQuotes(qs, g.Quotes, extracted)
		a, na, _ := pairQuotes(qs, g.Quotes, attributedTo)
		ext, att, npredExt, npredAtt, ngold = ext+e, att+a, npredExt+ne, npredAtt+na, ngold+ng
		t.Logf("%s: %d/%d attributed, %d found, %d predicted", g.File, a, ng, e, len(qs))
		for _, gq := range g.Quotes {
			if !slices.ContainsFunc(qs, func(q Quote) bool { return attributedTo(q, gq) }) {
				t.Logf("   missed%s: %s: %.90s", map[bool]string{true: " (optional)"}[gq.Optional], gq.Speaker, gq.Text)
			}
		}
		for _, q := range qs {
			if !slices.ContainsFunc(g.Quotes, func(gq goldQuote) bool { return extracted(q, gq) }) {
				t.Logf("   spurious: %s: %.90s", q.Speaker, q.Text)
			} else if !slices.ContainsFunc(g.Quotes, func(gq goldQuote) bool { return attributedTo(q, gq) }) {
				t.Logf("   misattributed: %s: %.90s", q.Speaker, q.Text)
			}
		}
	}
	ep, er, ef := scorePRF(ext, npredExt, ngold)
	ap, ar, af := scorePRF(att, npredAtt, ngold)
	t.Logf("devset quotes: extraction P %.2f R %.2f F1 %.2f; attribution P %.2f R %.2f F1 %.2f", ep, er, ef, ap, ar, af)
}
