package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/store"
)

func TestDigestPreview(t *testing.T) {
	tests := []struct {
		since string
		want  string
	}{
		{"2025-08-01", "1 new article in 1 story since Fri 1 Aug 2025 00:00 UTC."},
		{"7d", "1 new article in 1 story since Wed 6 Aug 2025 00:00 UTC."}, // fixedNow is 13 Aug
		{"24h", "Nothing new since Tue 12 Aug 2025 00:00 UTC."},
	}
	for _, tt := range tests {
		code, out, errOut := runCmd(t, "", nil, "digest", "--corpus", "testdata/seed", "--since", tt.since)
		if code != exitOK || !strings.Contains(out, tt.want) {
			t.Errorf("digest --since %s: exit %d, stdout:\n%s\nstderr:\n%s\nwant %q", tt.since, code, out, errOut, tt.want)
		}
	}
	code, out, _ := runCmd(t, "", nil, "digest", "--corpus", "testdata/seed", "--since", "2025-08-01", "--topic", "tariffs on cheese")
	if code != exitOK || !strings.Contains(out, "Nothing new on “tariffs on cheese”") {
		t.Errorf("digest --topic: exit %d:\n%s", code, out)
	}
	if code, _, errOut := runCmd(t, "", nil, "digest", "--since", "last week"); code != exitUsage || !strings.Contains(errOut, `"last week" is neither a duration`) {
		t.Errorf("digest --since 'last week': exit %d, stderr %q", code, errOut)
	}
}

func TestRunRejectsABadConfigFile(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	writeFile(t, bad, "digests:\n  - name: morning\n    schedule: \"0 8 * *\"\n    platform: console\n")
	code, _, errOut := runCmd(t, "", map[string]string{"BRIEFBOT_STATE": dir}, "--config", bad)
	if code != exitUsage || !strings.Contains(errOut, `bad.yaml: digest "morning": schedule: "0 8 * *" is not a schedule`) {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	good := filepath.Join(dir, "good.yaml")
	writeFile(t, good, "digests:\n  - name: morning\n    schedule: \"@daily\"\n    platform: console\n")
	code, _, errOut = runCmd(t, "", nil, "--config", good)
	if code != exitUsage || !strings.Contains(errOut, "digests need a state folder: set BRIEFBOT_STATE") {
		t.Errorf("digests without a state folder: exit %d, stderr %q", code, errOut)
	}
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// syncBuffer is an output two goroutines may write.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestTwoRunsShareAStateFolder runs two briefbot runs on one state folder
// with a digest every second to the console: each slot is posted by one of
// them, once.
func TestTwoRunsShareAStateFolder(t *testing.T) {
	if testing.Short() {
		t.Skip("runs for a few seconds of real time")
	}
	dir := t.TempDir()
	cfg := filepath.Join(dir, "briefbot.yaml")
	writeFile(t, cfg, "digests:\n  - name: ticker\n    schedule: \"* * * * * *\"\n    platform: console\n    catch_up: skip\n    max_lateness: 10s\n    empty: post\n")
	vars := map[string]string{"BRIEFBOT_STATE": filepath.Join(dir, "state"), "BRIEFBOT_CONFIG": cfg}
	ctx, cancel := context.WithCancel(t.Context())
	outs := make([]*syncBuffer, 2)
	var wg sync.WaitGroup
	for i := range outs {
		outs[i] = &syncBuffer{}
		stdin, w := io.Pipe() // input that stays open until the run ends
		wg.Go(func() {
			code := run(ctx, nil, env{stdin: stdin, stdout: outs[i], stderr: outs[i], now: fixedNow,
				lookup: func(k string) (string, bool) { v, ok := vars[k]; return v, ok }})
			if code != exitOK {
				t.Errorf("run %d: exit %d:\n%s", i, code, outs[i])
			}
		})
		t.Cleanup(func() { w.Close() })
	}
	title := regexp.MustCompile(`Digest: ticker — (.*)\n`)
	count := func() map[string]int {
		seen := map[string]int{}
		for _, out := range outs {
			for _, m := range title.FindAllStringSubmatch(out.String(), -1) {
				seen[m[1]]++
			}
		}
		return seen
	}
	// Run until three slots have been posted; the limit only guards
	// against a hang, it is no assertion about speed.
	for limit := time.Now().Add(time.Minute); len(count()) < 3 && time.Now().Before(limit); {
		time.Sleep(50 * time.Millisecond)
	}
	cancel()
	wg.Wait()
	seen := count()
	if len(seen) < 3 {
		t.Fatalf("%d slots posted within a minute, want at least 3:\n%s\n%s", len(seen), outs[0], outs[1])
	}
	for slot, n := range seen {
		if n != 1 {
			t.Errorf("slot %s posted %d times", slot, n)
		}
	}
	st, err := store.Open(t.Context(), vars["BRIEFBOT_STATE"])
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	slots, err := st.Slots(t.Context(), bot.DigestKey{Name: "ticker", Platform: "console", Channel: "console"}, time.Now().Add(-time.Minute), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	posted := 0
	for _, s := range slots {
		if s.Status == bot.SlotPosted {
			posted++
		}
	}
	if posted != len(seen) {
		t.Errorf("the ledger records %d posted slots, the consoles show %d", posted, len(seen))
	}
}
