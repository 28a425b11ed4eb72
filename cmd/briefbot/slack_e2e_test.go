package main

import (
	"bytes"
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/briefbot/briefbot/platforms/slack/slackfake"
)

// lockedBuffer is an output that goroutines may share.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestSlackEndToEnd runs the briefbot binary's run function with SLACK_*
// pointing at a fake Slack and drives it over Socket Mode as a workspace
// would.
func TestSlackEndToEnd(t *testing.T) {
	f := slackfake.New(0)
	defer f.Close()
	var out lockedBuffer
	vars := map[string]string{
		"SLACK_BOT_TOKEN": slackfake.BotToken, "SLACK_APP_TOKEN": slackfake.AppToken, "SLACK_API_URL": f.APIURL(),
		"BRIEFBOT_CORPUS": "testdata/seed", "BRIEFBOT_LOG_LEVEL": "debug",
	}
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	exit := make(chan int, 1)
	go func() {
		exit <- run(ctx, nil, env{
			stdin: strings.NewReader(""), stdout: &out, stderr: &out, now: fixedNow,
			lookup: func(k string) (string, bool) { v, ok := vars[k]; return v, ok },
		})
	}()
	wait, stop := context.WithTimeout(t.Context(), time.Minute) // a hang guard for the whole run
	defer stop()
	var acks []time.Duration
	send := func(env slackfake.Envelope) {
		t.Helper()
		id, err := f.Send(wait, env)
		if err != nil {
			t.Fatalf("%v\nlog:\n%s", err, out.String())
		}
		ack, err := f.WaitAck(wait, id)
		if err != nil {
			t.Fatal(err)
		}
		if ack.Latency > 3*time.Second {
			t.Errorf("envelope %s acked after %v, over Slack's 3 s", id, ack.Latency)
		}
		acks = append(acks, ack.Latency)
	}
	answer := func(channel string, n int, want string) []slackfake.Post {
		t.Helper()
		posts, err := f.WaitPosts(wait, n, slackfake.InChannel(channel))
		if err != nil {
			t.Fatalf("%v\nposts: %+v\nlog:\n%s", err, f.Posts(), out.String())
		}
		if last := posts[len(posts)-1]; !strings.Contains(last.AllText(), want) {
			t.Errorf("answer in %s lacks %q:\n%s", channel, want, last.AllText())
		}
		return posts
	}

	// A mention is answered in its thread, a DM in the DM, /brief through
	// its response_url.
	mention := slackfake.Mention("Ev1", "C1", "U1", "1700000000.000001", "deadline status")
	send(mention)
	if p := answer("C1", 1, "Putin")[0]; p.ThreadTS != "1700000000.000001" || p.Via != "chat.postMessage" {
		t.Errorf("mention answered via %s in thread %q, want chat.postMessage in its thread", p.Via, p.ThreadTS)
	}
	send(slackfake.DM("Ev2", "D1", "U1", "1700000000.000002", "who said what"))
	answer("D1", 1, "Khrushcheva")
	send(f.Slash("C2", "U1", "who said what", "trig1"))
	if p := answer("C2", 1, "Khrushcheva")[0]; p.Via != "response_url" {
		t.Errorf("/brief answered via %s, want its response_url", p.Via)
	}

	// A redelivered event is answered once: C1's answers go out in order,
	// so once "sources" is answered, any second answer would be in.
	send(slackfake.Redelivery(mention))
	send(slackfake.Mention("Ev3", "C1", "U1", "1700000000.000003", "sources"))
	posts := answer("C1", 2, "desk-report")
	seen := map[string]bool{}
	for _, p := range posts {
		if p.ThreadTS == "1700000000.000001" && seen[p.Text] {
			t.Errorf("the redelivered mention was answered twice: %q", p.Text)
		}
		seen[p.Text] = true
	}

	// After a disconnect frame the bot reconnects and answers again.
	if err := f.Disconnect(wait); err != nil {
		t.Fatal(err)
	}
	if err := f.WaitConnections(wait, 2); err != nil {
		t.Fatal(err)
	}
	send(slackfake.Mention("Ev4", "C3", "U1", "1700000000.000004", "timeline"))
	answer("C3", 1, "")

	// A 429 with Retry-After delays the post, which then arrives once.
	f.FailPosts(slackfake.Failure{Status: 429, RetryAfter: 1})
	send(slackfake.Mention("Ev5", "C4", "U1", "1700000000.000005", "what did Khrushcheva say"))
	p := answer("C4", 1, "Khrushcheva")[0]
	rejected := f.Rejected()
	if len(rejected) != 1 || rejected[0].Channel != "C4" {
		t.Fatalf("refused posts = %+v, want the one in C4", rejected)
	}
	delay := p.At.Sub(rejected[0].At)
	if delay < time.Second {
		t.Errorf("posted %v after the 429, want at least its Retry-After of 1s", delay)
	}

	cancel()
	select {
	case code := <-exit:
		if code != exitOK {
			t.Errorf("exit = %d, want %d after the context ended; log:\n%s", code, exitOK, out.String())
		}
	case <-wait.Done():
		t.Fatal("run did not return after its context ended")
	}
	dup := map[string]bool{} // every answer (or part of one) arrived once
	for _, p := range f.Posts() {
		key := p.Channel + "|" + p.ThreadTS + "|" + p.Text + "|" + string(p.Blocks)
		if dup[key] {
			t.Errorf("posted twice in %s: %q", p.Channel, p.Text)
		}
		dup[key] = true
	}
	logs := out.String()
	for _, secret := range []string{slackfake.BotToken, slackfake.AppToken} {
		if strings.Contains(logs, secret) {
			t.Errorf("a token shows in the log:\n%s", logs)
		}
	}
	if bad := f.BadTokens(); len(bad) > 0 {
		t.Errorf("calls with a wrong token: %v", bad)
	}
	t.Logf("ack latencies %v; 429 retried after %v", acks, delay) // measured, not asserted
}
