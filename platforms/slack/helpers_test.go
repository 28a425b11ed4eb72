package slack_test

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/platforms/slack"
	"github.com/briefbot/briefbot/platforms/slack/slackfake"
)

// guard bounds every wait of a test: a hang guard, never a timing claim.
const guard = 10 * time.Second

// waitCtx is a context that ends after guard (or with the test).
func waitCtx(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), guard)
	t.Cleanup(cancel)
	return ctx
}

// newFake starts a fake Slack pinging every pingEvery (its default when 0)
// and closes it at the end of the test, after the adapters it serves
// (cleanups run last first).
func newFake(t *testing.T, pingEvery time.Duration) *slackfake.Server {
	t.Helper()
	f := slackfake.New(pingEvery)
	t.Cleanup(f.Close)
	return f
}

// syncBuffer is a log sink safe for concurrent writers.
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

// echo is a handler that answers "echo" with the text it got, records
// every message, and misbehaves on request: "panic" panics, "fail" fails
// with an internal error, "refuse" with a *bot.Error.
type echo struct {
	mu   sync.Mutex
	msgs []bot.Message
}

func (e *echo) Handle(_ context.Context, m bot.Message) ([]bot.Reply, error) {
	e.mu.Lock()
	e.msgs = append(e.msgs, m)
	e.mu.Unlock()
	switch m.Text {
	case "panic":
		panic("handler exploded")
	case "fail":
		return nil, errors.New("index corrupt at /secret/path")
	case "refuse":
		return nil, &bot.Error{Message: "That message is too long."}
	}
	return []bot.Reply{{Title: "echo", Text: m.Text}}, nil
}

func (e *echo) messages() []bot.Message {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]bot.Message(nil), e.msgs...)
}

// testOptions are options for an adapter on fake f: fast pacing and
// backoff, everything logged to logs.
func testOptions(f *slackfake.Server, logs *syncBuffer) slack.Options {
	return slack.Options{
		BotToken: slackfake.BotToken, AppToken: slackfake.AppToken, APIURL: f.APIURL(),
		Logger:       slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
		PostInterval: time.Millisecond, MinBackoff: time.Millisecond, MaxBackoff: 10 * time.Millisecond,
	}
}

// running is an adapter listening in the background.
type running struct {
	a    *slack.Adapter
	h    *echo
	logs *syncBuffer
	stop func() error // cancels Listen and returns its error
}

// listen starts an adapter with opts (edited by edit, when not nil) on f
// and stops it at the end of the test, checking that no secret was logged.
func listen(t *testing.T, f *slackfake.Server, edit func(*slack.Options)) *running {
	t.Helper()
	logs := &syncBuffer{}
	opts := testOptions(f, logs)
	if edit != nil {
		edit(&opts)
	}
	a, err := slack.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	h := &echo{}
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- a.Listen(ctx, h) }()
	var once sync.Once
	var result error
	stop := func() error {
		once.Do(func() {
			cancel()
			select {
			case result = <-done:
			case <-time.After(guard):
				result = errors.New("listen did not return after its context ended")
			}
		})
		return result
	}
	t.Cleanup(func() {
		if err := stop(); err != nil {
			t.Errorf("Listen() = %v, want nil after cancel", err)
		}
		assertNoSecrets(t, logs.String())
	})
	return &running{a: a, h: h, logs: logs, stop: stop}
}

// assertNoSecrets fails when text shows a token of the fake.
func assertNoSecrets(t *testing.T, text string) {
	t.Helper()
	for _, s := range []string{slackfake.BotToken, slackfake.AppToken, "fake-bot-token", "fake-app-token"} {
		if strings.Contains(text, s) {
			t.Errorf("a secret (%s…) shows in:\n%s", s[:8], text)
		}
	}
}

// sendAndAck sends env and waits for its ack.
func sendAndAck(t *testing.T, f *slackfake.Server, env slackfake.Envelope) slackfake.Ack {
	t.Helper()
	ctx := waitCtx(t)
	id, err := f.Send(ctx, env)
	if err != nil {
		t.Fatal(err)
	}
	ack, err := f.WaitAck(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	return ack
}

// waitPosts waits for n posts in channel.
func waitPosts(t *testing.T, f *slackfake.Server, channel string, n int) []slackfake.Post {
	t.Helper()
	posts, err := f.WaitPosts(waitCtx(t), n, slackfake.InChannel(channel))
	if err != nil {
		t.Fatalf("%v; posts so far: %+v", err, f.Posts())
	}
	return posts
}
