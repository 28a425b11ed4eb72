package main

import (
	"bytes"
	"strings"
	"testing"
)

// TestAnalyzeProgress draws the bar on a terminal's stderr and nothing
// when stderr is piped; stdout holds the JSON either way.
func TestAnalyzeProgress(t *testing.T) {
	for _, tty := range []bool{true, false} {
		var out, errOut bytes.Buffer
		code := run(t.Context(), []string{"analyze", "--json", "testdata/seed"}, env{
			stdout: &out, stderr: &errOut, stderrIsTTY: tty, now: fixedNow,
			lookup: func(string) (string, bool) { return "", false },
		})
		if code != exitOK || !strings.HasPrefix(out.String(), "{") {
			t.Fatalf("analyze (tty %v): exit %d, stdout %.40q", tty, code, out.String())
		}
		if drawn := strings.Contains(errOut.String(), "analysing articles"); drawn != tty {
			t.Errorf("analyze with a terminal %v: stderr %q", tty, errOut.String())
		}
	}
}

func TestFirstLoadProgressOnlyForLargeCorpora(t *testing.T) {
	var w bytes.Buffer
	p := newLoadProgress(env{stderr: &w, stderrIsTTY: true})
	p.update(1, progressMin-1)
	if w.Len() != 0 {
		t.Errorf("a bar for %d articles: %q", progressMin-1, w.String())
	}
	p.update(1, progressMin)
	p.finish()
	if !strings.Contains(w.String(), "analysing the corpus") {
		t.Errorf("no bar for %d articles: %q", progressMin, w.String())
	}
	p.update(2, progressMin) // after finish: nothing more
}
