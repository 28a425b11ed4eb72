package main

import (
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/briefbot/briefbot/platforms/slack/slackfake"
)

// TestDigestSoak is the acceptance run of scheduled digests: the briefbot
// binary, with a digest every 5 seconds to a fake Slack, is killed with
// SIGKILL and restarted again and again, sometimes as two processes on one
// state folder, while an article is dropped into the corpus folder. No slot
// may be posted twice, every slot between the first and the last must be
// posted, and the dropped article must appear in exactly one digest.
//
// It takes about two minutes, so it runs only with BRIEFBOT_SOAK=1.
func TestDigestSoak(t *testing.T) {
	if os.Getenv("BRIEFBOT_SOAK") == "" {
		t.Skip("set BRIEFBOT_SOAK=1 to run the kill-and-restart soak (about 2 minutes)")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "briefbot")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	news := filepath.Join(dir, "news")
	if err := os.MkdirAll(news, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(news, "first.md"), "---\ntitle: Port strike begins\npublished: "+time.Now().UTC().Format(time.DateOnly)+"\n---\nDockers walked out at the port on Monday, union officials said.\n")
	cfg := filepath.Join(dir, "briefbot.yaml")
	writeFile(t, cfg, `digests:
  - name: soak
    schedule: "*/5 * * * * *"
    platform: slack
    channel: C0123456
    catch_up: all
    max_lateness: 1m
    empty: post
`)
	fake := slackfake.New(0)
	defer fake.Close()
	environ := append(os.Environ(),
		"SLACK_BOT_TOKEN="+slackfake.BotToken, "SLACK_APP_TOKEN="+slackfake.AppToken, "SLACK_API_URL="+fake.APIURL(),
		"BRIEFBOT_STATE="+filepath.Join(dir, "state"), "BRIEFBOT_CONFIG="+cfg, "BRIEFBOT_CORPUS="+news, "BRIEFBOT_LOG_LEVEL=info")
	logf, err := os.Create(filepath.Join(dir, "briefbot.log"))
	if err != nil {
		t.Fatal(err)
	}
	defer logf.Close()
	start := func() *exec.Cmd {
		c := exec.Command(bin)
		c.Env, c.Stdout, c.Stderr = environ, logf, logf
		if err := c.Start(); err != nil {
			t.Fatal(err)
		}
		return c
	}
	kill := func(c *exec.Cmd) {
		if err := c.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		_ = c.Wait() // "signal: killed" is the point
	}
	rng := rand.New(rand.NewPCG(8, 8))
	began := time.Now()
	kills := 0
	for round := range 10 {
		procs := []*exec.Cmd{start()}
		if round%3 == 1 { // two processes on one state folder
			procs = append(procs, start())
		}
		if round == 5 {
			time.Sleep(2 * time.Second)
			writeFile(t, filepath.Join(news, "dropped.md"), "---\ntitle: Ceasefire talks resume\n---\nNegotiators met again in Geneva on Tuesday, diplomats said.\n")
		}
		time.Sleep(time.Duration(3000+rng.IntN(9000)) * time.Millisecond)
		for _, p := range procs {
			kill(p)
			kills++
		}
		time.Sleep(time.Duration(rng.IntN(3000)) * time.Millisecond)
	}
	last := start()
	time.Sleep(15 * time.Second) // the last slots, and the catch-up of those missed
	if err := last.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := last.Wait(); err != nil {
		t.Errorf("the last run, stopped with SIGTERM: %v", err)
	}
	ended := time.Now()

	// Titles end in the slot, its seconds left out on the minute.
	title := regexp.MustCompile(`Digest: soak — \w+ \d+ \w+ \d+ (\d\d:\d\d(:\d\d)?) UTC`)
	counts := map[string]int{}
	dropped := 0
	for _, p := range fake.Posts() {
		m := title.FindStringSubmatch(p.AllText())
		if m == nil {
			continue
		}
		slot := m[1]
		if m[2] == "" {
			slot += ":00"
		}
		counts[slot]++
		if strings.Contains(p.AllText(), "Ceasefire talks resume") {
			dropped++
		}
	}
	var missing, twice []string
	for s := began.Truncate(5 * time.Second).Add(5 * time.Second); s.Before(ended.Add(-5 * time.Second)); s = s.Add(5 * time.Second) {
		switch n := counts[s.UTC().Format("15:04:05")]; {
		case n == 0:
			missing = append(missing, s.UTC().Format("15:04:05"))
		case n > 1:
			twice = append(twice, s.UTC().Format("15:04:05"))
		}
	}
	log, err := os.ReadFile(logf.Name())
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s: %d processes killed with SIGKILL, %d slots posted, %d posts to the fake, %d posted after a takeover, %d caught up after 1 s or more",
		ended.Sub(began).Round(time.Second), kills, len(counts), len(fake.Posts()),
		strings.Count(string(log), "claims=2"), len(regexp.MustCompile(`(?m)late=\d+(\.\d+)?s$`).FindAll(log, -1)))
	if len(twice) > 0 {
		t.Errorf("slots posted twice: %v", twice)
	}
	if len(missing) > 0 {
		t.Errorf("slots never posted: %v", missing)
	}
	if dropped != 1 {
		t.Errorf("the dropped article appears in %d digests, want 1", dropped)
	}
	if t.Failed() {
		t.Logf("log:\n%s", log)
	}
}
