package summarize

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"
)

// devsetDir holds the hand-annotated development set (outside the repo).
const devsetDir = "/work/shared/eval/devset"

// goldDeadline is one deadline of devset gold.json.
type goldDeadline struct {
	WhoSet    string `json:"who_set"`
	Due       string `json:"due"`
	Precision string `json:"precision"`
	Evidence  string `json:"evidence"`
	Optional  bool   `json:"optional"`
}

// readDevArticle parses a devset file minimally: the published: line of
// the front matter and the body after the second "---".
func readDevArticle(t *testing.T, path string) (body string, published time.Time) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	parts := strings.SplitN(string(b), "---", 3)
	if len(parts) < 3 {
		t.Fatalf("%s: no front matter", path)
	}
	for _, line := range strings.Split(parts[1], "\n") {
		if v, ok := strings.CutPrefix(strings.TrimSpace(line), "published:"); ok {
			published, _ = time.Parse("2006-01-02", strings.Trim(strings.TrimSpace(v), `"`))
		}
	}
	return strings.TrimSpace(parts[2]), published
}

// TestDeadlinesDevset measures findDeadlines against the devset gold with
// score.py's deadline_match and pairing. It logs figures; it asserts
// nothing about them.
func TestDeadlinesDevset(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(devsetDir, "gold.json"))
	if err != nil {
		t.Skipf("devset not available: %v", err)
	}
	var gold []struct {
		File      string         `json:"file"`
		Deadlines []goldDeadline `json:"deadlines"`
	}
	if err := json.Unmarshal(raw, &gold); err != nil {
		t.Fatal(err)
	}
	for _, mode := range []struct {
		name string
		opts dlOptions
	}{{"default", dlOptions{}}, {"bare-by", dlOptions{bareBy: true}}} {
		var hit, npred, ngold, all int
		for _, g := range gold {
			body, pub := readDevArticle(t, filepath.Join(devsetDir, g.File))
			sents := Sentences(body)
			got := findDeadlinesWith(sents, newRegistry(sents), pub, mode.opts)
			h, np, ng := pairDeadlines(got, g.Deadlines)
			hit, npred, ngold, all = hit+h, npred+np, ngold+ng, all+len(got)
			for _, d := range got {
				t.Logf("%s %s: due %s %s set_by %q target %q evidence %q", mode.name, g.File,
					d.Due.Format("2006-01-02"), d.Precision, d.SetBy, d.Target, d.Evidence)
			}
		}
		p, r, f := scorePRF(hit, npred, ngold)
		t.Logf("devset deadlines (%s): P %.2f R %.2f F1 %.2f (%d hits, %d scored predictions, %d gold; %d predicted, %d on optional gold)",
			mode.name, p, r, f, hit, npred, ngold, all, all-npred)
	}
}

// pairDeadlines is score.py's pair() with deadline_match: greedy one-to-one,
// non-optional gold first; an optional gold item costs no recall and the
// prediction it absorbs is not a false positive.
func pairDeadlines(preds []Deadline, golds []goldDeadline) (hits, npred, ngold int) {
	used := map[int]bool{}
	optHits := 0
	ordered := append([]goldDeadline{}, golds...)
	for pass := 0; pass < 2; pass++ {
		for _, g := range ordered {
			if g.Optional != (pass == 1) {
				continue
			}
			for i, p := range preds {
				if !used[i] && deadlineMatch(p, g) {
					used[i] = true
					if g.Optional {
						optHits++
					} else {
						hits++
					}
					break
				}
			}
		}
	}
	for _, g := range golds {
		if !g.Optional {
			ngold++
		}
	}
	return hits, len(preds) - optHits, ngold
}

var dueTolerance = map[string]int{"day": 1, "week": 4, "month": 16, "year": 183}

// deadlineMatch is score.py's deadline_match: the due date within the gold
// precision's dueTolerance, and the same setter or overlapping evidence.
func deadlineMatch(p Deadline, g goldDeadline) bool {
	if p.Due.IsZero() {
		return false
	}
	gd, gprec, ok := parseGoldDue(g.Due)
	if !ok {
		return false
	}
	if g.Precision != "" {
		gprec = g.Precision
	}
	diff := p.Due.Sub(gd).Hours() / 24
	if diff < 0 {
		diff = -diff
	}
	if int(diff) > dueTolerance[gprec] {
		return false
	}
	return speakerMatch(p.SetBy, g.WhoSet) || evidenceMatch(p.Evidence, g.Evidence)
}

// parseGoldDue reads YYYY-MM-DD, YYYY-MM (its last day) or YYYY (31 December).
func parseGoldDue(s string) (time.Time, string, bool) {
	if len(s) > 10 {
		s = s[:10]
	}
	for _, f := range []struct{ layout, prec string }{{"2006-01-02", "day"}, {"2006-01", "month"}, {"2006", "year"}} {
		if t, err := time.Parse(f.layout, s); err == nil {
			return periodEnd(t, Precision(f.prec)), f.prec, true
		}
	}
	return time.Time{}, "", false
}

var stopSpeaker = wordSet("the", "a", "an", "mr", "mrs", "ms", "dr", "president", "prime", "minister")

func speakerMatch(pred, gold string) bool {
	var p, g []string
	for _, w := range scoreTokens(pred) {
		if !stopSpeaker[w] {
			p = append(p, w)
		}
	}
	for _, w := range scoreTokens(gold) {
		if !stopSpeaker[w] {
			g = append(g, w)
		}
	}
	if len(p) == 0 || len(g) == 0 {
		return false
	}
	return tokenSubset(g, p) || tokenSubset(p, g) || p[len(p)-1] == g[len(g)-1]
}

func tokenSubset(a, b []string) bool {
	in := wordSet(b...)
	for _, w := range a {
		if !in[w] {
			return false
		}
	}
	return true
}

func evidenceMatch(pred, gold string) bool {
	p, g := strings.Join(scoreTokens(pred), " "), strings.Join(scoreTokens(gold), " ")
	if p == "" || g == "" {
		return false
	}
	if strings.Contains(p, g) || strings.Contains(g, p) {
		return true
	}
	counts := map[string]int{}
	for _, w := range strings.Fields(p) {
		counts[w]++
	}
	common, gt := 0, strings.Fields(g)
	for _, w := range gt {
		if counts[w] > 0 {
			counts[w]--
			common++
		}
	}
	return float64(common) >= 0.5*float64(len(gt))
}

// scoreTokens is score.py's norm().split() without NFKC: lower case, quotes
// and punctuation other than "-" and "_" become spaces.
func scoreTokens(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '-')
	})
}

func scorePRF(hit, npred, ngold int) (p, r, f float64) {
	p, r = 1, 1
	if npred > 0 {
		p = float64(hit) / float64(npred)
	} else if ngold > 0 {
		p = 0
	}
	if ngold > 0 {
		r = float64(hit) / float64(ngold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}
