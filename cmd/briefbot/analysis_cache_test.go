package main

import (
	"reflect"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/internal/ancodec"
	"github.com/briefbot/briefbot/store"
	"github.com/briefbot/briefbot/summarize"
)

// TestAskFillsAnalysisCache checks the wiring: with a state folder, a
// one-shot command writes the corpus's analyses to the cache, and asking
// again answers the same from it.
func TestAskFillsAnalysisCache(t *testing.T) {
	state := t.TempDir()
	vars := map[string]string{"BRIEFBOT_STATE": state}
	var answers []string
	for range 2 {
		code, out, errOut := runCmd(t, "", vars, "ask", "--corpus", "testdata/seed", "deadline status")
		if code != exitOK {
			t.Fatalf("exit = %d, stderr:\n%s", code, errOut)
		}
		answers = append(answers, out)
	}
	if answers[0] != answers[1] || !strings.Contains(answers[1], "Set by Donald Trump") {
		t.Errorf("answers differ or lack the deadline:\n%s\n---\n%s", answers[0], answers[1])
	}
	st, err := store.Open(t.Context(), state)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	c, err := st.Analyses(t.Context(), summarize.AnalyzerVersion)
	if err != nil {
		t.Fatal(err)
	}
	arts, errs := corpus.Load(t.Context(), "testdata/seed")
	if len(errs) > 0 || len(arts) == 0 {
		t.Fatalf("seed corpus: %d articles, errors %v", len(arts), errs)
	}
	arts, _ = corpus.Dedupe(arts) // a copy is indexed, and analysed, once
	keys := make([]bot.AnalysisKey, len(arts))
	for i, a := range arts {
		keys[i] = bot.KeyOf(a)
	}
	got, err := c.GetEncoded(t.Context(), keys)
	if err != nil {
		t.Fatal(err)
	}
	for i, row := range got {
		if row == nil {
			t.Errorf("%s: not in the cache after ask", arts[i].Path)
			continue
		}
		if an, err := ancodec.Decode(row, arts[i]); err != nil || !reflect.DeepEqual(an, summarize.Analyze(arts[i])) {
			t.Errorf("%s: the cached analysis is not Analyze's (err %v)", arts[i].Path, err)
		}
	}
}
