package discord_test

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/platforms/discord"
	"github.com/briefbot/briefbot/platforms/discord/discordtest"
)

var update = flag.Bool("update", false, "rewrite golden files")

// secret is the bot token of every test: it must never reach a log or an
// error.
const secret = "tok-SECRET-5b1f9e"

// hangGuard bounds every wait of a test: a hang fails instead of blocking,
// and no test waits on it to schedule anything.
const hangGuard = 20 * time.Second

// handlerFunc adapts a function to bot.Handler.
type handlerFunc func(ctx context.Context, m bot.Message) ([]bot.Reply, error)

func (f handlerFunc) Handle(ctx context.Context, m bot.Message) ([]bot.Reply, error) {
	return f(ctx, m)
}

// echo answers every message with a reply that quotes it.
var echo = handlerFunc(func(_ context.Context, m bot.Message) ([]bot.Reply, error) {
	return []bot.Reply{{Title: "echo", Text: m.Text}}, nil
})

// syncBuffer is a log sink safe for the adapter's goroutines.
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

// rig is a fake Discord and an adapter listening to it.
type rig struct {
	t      *testing.T
	srv    *discordtest.Server
	a      *discord.Adapter
	ctx    context.Context    // for waits: ends at the hang guard
	cancel context.CancelFunc // ends Listen
	done   chan error         // Listen's result
	seen   chan bot.Message
	logs   *syncBuffer
}

// newRig starts a fake with fo and an adapter listening to it with opts
// (see prepareRig), passing each message to h (echo when nil).
func newRig(t *testing.T, opts discord.Options, fo discordtest.Options, h bot.Handler) *rig {
	t.Helper()
	r := prepareRig(t, opts, fo)
	r.listen(h)
	return r
}

// prepareRig starts a fake with fo and builds an adapter for it with opts
// (Token, APIURL, logger and fast backoffs filled in), not listening yet.
// The test ends with a check that the token never reached the log.
func prepareRig(t *testing.T, opts discord.Options, fo discordtest.Options) *rig {
	t.Helper()
	t.Parallel() // each session's Close takes the SDK a second
	fo.Token = secret
	r := &rig{t: t, srv: discordtest.New(t, fo), done: make(chan error, 1), seen: make(chan bot.Message, 100), logs: &syncBuffer{}}
	opts.Token = secret
	opts.APIURL = r.srv.URL()
	opts.Logger = slog.New(slog.NewTextHandler(r.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	if opts.PostInterval == 0 {
		opts.PostInterval = time.Millisecond // pacing has its own tests
	}
	if opts.MinBackoff == 0 {
		opts.MinBackoff, opts.MaxBackoff = time.Millisecond, 10*time.Millisecond
	}
	if opts.Commands == nil {
		opts.Commands = bot.New(bot.Options{}).Commands()
	}
	a, err := discord.New(opts)
	if err != nil {
		t.Fatalf("New() = %v", err)
	}
	r.a = a
	var cancel context.CancelFunc
	r.ctx, cancel = context.WithTimeout(t.Context(), hangGuard)
	t.Cleanup(cancel)
	t.Cleanup(func() {
		if strings.Contains(r.logs.String(), secret) {
			t.Errorf("the token reached the log:\n%s", r.logs.String())
		}
	})
	return r
}

// listen runs Listen until the test ends, noting each message in seen
// before passing it to h (echo when nil).
func (r *rig) listen(h bot.Handler) {
	t := r.t
	if h == nil {
		h = echo
	}
	listenCtx, stop := context.WithCancel(r.ctx)
	r.cancel = stop
	go func() {
		r.done <- r.a.Listen(listenCtx, handlerFunc(func(ctx context.Context, m bot.Message) ([]bot.Reply, error) {
			r.seen <- m
			return h.Handle(ctx, m)
		}))
	}()
	t.Cleanup(func() {
		stop()
		select {
		case err := <-r.done:
			r.done <- err
		case <-time.After(hangGuard):
			t.Error("Listen did not return after its context ended")
		}
	})
}

// wait returns the next event matching m, failing the test on the hang
// guard.
func (r *rig) wait(m discordtest.Match) discordtest.Event {
	r.t.Helper()
	e, err := r.srv.Wait(r.ctx, m)
	if err != nil {
		r.t.Fatal(err)
	}
	return e
}

// ready waits for the session and the command registration.
func (r *rig) ready() {
	r.t.Helper()
	r.wait(discordtest.Is(discordtest.KindReady))
	r.wait(discordtest.REST("PUT", "applications/"+discordtest.AppID+"/*"))
}

// result waits for Listen to return.
func (r *rig) result() error {
	r.t.Helper()
	select {
	case err := <-r.done:
		r.done <- err // for the cleanup
		return err
	case <-r.ctx.Done():
		r.t.Fatal("Listen did not return")
		return nil
	}
}

// message waits for the next message the handler saw.
func (r *rig) message() bot.Message {
	r.t.Helper()
	select {
	case m := <-r.seen:
		return m
	case <-r.ctx.Done():
		r.t.Fatal("the handler saw no message")
		return bot.Message{}
	}
}

// sent decodes a REST event's body as a message, failing on bad JSON.
func sent(t *testing.T, e discordtest.Event) discordtest.Sent {
	t.Helper()
	m, err := e.Message()
	if err != nil {
		t.Fatalf("%v: body %s: %v", e, e.Body, err)
	}
	return m
}

// mustNotPing checks a sent message can ping no one.
func mustNotPing(t *testing.T, e discordtest.Event) {
	t.Helper()
	m := sent(t, e)
	if m.AllowedMentions == nil || m.AllowedMentions.Parse == nil || len(m.AllowedMentions.Parse) != 0 ||
		len(m.AllowedMentions.Users) != 0 || len(m.AllowedMentions.Roles) != 0 || m.AllowedMentions.RepliedUser {
		t.Errorf("%v: allowed_mentions = %+v, want {parse: []}", e, m.AllowedMentions)
	}
	text := strings.ToLower(m.Text())
	for _, bad := range []string{"@everyone", "@here", "<@", "<#"} {
		if strings.Contains(text, bad) {
			t.Errorf("%v: the text holds a live %q:\n%s", e, bad, m.Text())
		}
	}
}

func isRetry(err error) (*bot.RetryError, bool) {
	var re *bot.RetryError
	return re, errors.As(err, &re)
}
