package summarize

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/briefbot/briefbot/corpus"
)

// summarySet is the annotated set under testdata/summaries (see its
// README): short news articles written for it, each with three reference
// sentences chosen by hand before the method was run on it.
const summarySet = "testdata/summaries"

type reference struct {
	File    string   `json:"file"`
	Summary []string `json:"summary"`
}

// loadSummarySet returns the set's articles and their references, in file
// order. It fails the test when a reference is not one of its article's
// sentences, so a segmentation change cannot silently move the goalposts.
func loadSummarySet(t *testing.T) ([]corpus.Article, [][]string) {
	t.Helper()
	arts, errs := corpus.Load(t.Context(), summarySet)
	for _, err := range errs {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(summarySet, "references.json"))
	if err != nil {
		t.Fatal(err)
	}
	var refs []reference
	if err := json.Unmarshal(data, &refs); err != nil {
		t.Fatal(err)
	}
	byFile := map[string][]string{}
	for _, r := range refs {
		byFile[r.File] = r.Summary
	}
	if len(arts) < 12 || len(arts) != len(refs) {
		t.Fatalf("%d articles and %d references, want the same number and at least 12", len(arts), len(refs))
	}
	out := make([][]string, len(arts))
	for i, a := range arts {
		ref := byFile[a.Path]
		texts := sentenceTexts(a.Body)
		for _, s := range ref {
			if !slices.Contains(texts, s) {
				t.Errorf("%s: reference %q is not a sentence of the article", a.Path, s)
			}
		}
		if len(ref) != 3 {
			t.Errorf("%s: %d reference sentences, want 3", a.Path, len(ref))
		}
		out[i] = ref
	}
	return arts, out
}

// scores holds mean ROUGE F1 figures over a set.
type scores struct{ r1, r2, rl float64 }

func meanRouge(cands, refs [][]string) scores {
	var s scores
	for i := range cands {
		s.r1 += rougeN(cands[i], refs[i], 1)
		s.r2 += rougeN(cands[i], refs[i], 2)
		s.rl += rougeL(cands[i], refs[i])
	}
	n := float64(len(cands))
	return scores{s.r1 / n, s.r2 / n, s.rl / n}
}

// TestSummaryBeatsLead3 is the regression test of the summary method: on
// the annotated set its mean ROUGE-1 and ROUGE-2 must beat lead-3 (each
// article's first three sentences), the baseline news summaries are judged
// against. It measures and compares; it does not time anything.
func TestSummaryBeatsLead3(t *testing.T) {
	arts, refs := loadSummarySet(t)
	method, lead := make([][]string, len(arts)), make([][]string, len(arts))
	for i, a := range arts {
		method[i] = Analyze(a).SummaryText()
		sents := sentenceTexts(a.Body)
		lead[i] = sents[:min(3, len(sents))]
		if testing.Verbose() {
			t.Logf("%-24s method R-1 %.2f, lead-3 R-1 %.2f", a.Path, rougeN(method[i], refs[i], 1), rougeN(lead[i], refs[i], 1))
		}
	}
	m, l := meanRouge(method, refs), meanRouge(lead, refs)
	t.Logf("%d articles: method ROUGE-1 %.3f ROUGE-2 %.3f ROUGE-L %.3f; lead-3 ROUGE-1 %.3f ROUGE-2 %.3f ROUGE-L %.3f",
		len(arts), m.r1, m.r2, m.rl, l.r1, l.r2, l.rl)
	if m.r1 <= l.r1 || m.r2 <= l.r2 {
		t.Errorf("summary method ROUGE-1 %.3f, ROUGE-2 %.3f; want both above lead-3's %.3f, %.3f", m.r1, m.r2, l.r1, l.r2)
	}
}
