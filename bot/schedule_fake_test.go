package bot_test

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/store"
)

// fakePlatform is a bot.Platform that records the digests it accepts.
// Before accepting the n-th call to Post it asks fail, which may return an
// error (a *bot.RetryError for a rate limit) or block until ctx ends. After
// accepting it asks lose, whose error is returned as if the answer were
// lost (the post stands). link, when set, answers Link.
type fakePlatform struct {
	mu    sync.Mutex
	calls int
	posts []post
	fail  func(ctx context.Context, n int) error
	lose  func(ctx context.Context, n int) error
	link  func(channel, id string) string
}

type post struct {
	at time.Time
	r  bot.Reply
	id string
}

var _ bot.Platform = (*fakePlatform)(nil)

func (f *fakePlatform) Listen(ctx context.Context, _ bot.Handler) error {
	<-ctx.Done()
	return nil
}

func (f *fakePlatform) Post(ctx context.Context, r bot.Reply) (string, error) {
	f.mu.Lock()
	f.calls++
	n, fail := f.calls, f.fail
	f.mu.Unlock()
	if fail != nil {
		if err := fail(ctx, n); err != nil {
			return "", err
		}
	}
	f.mu.Lock()
	id := fmt.Sprintf("m%d", n)
	f.posts = append(f.posts, post{at: time.Now(), r: r, id: id})
	lose := f.lose
	f.mu.Unlock()
	if lose != nil {
		if err := lose(ctx, n); err != nil {
			return "", err
		}
	}
	return id, nil
}

// Link makes the fake a bot.Linker.
func (f *fakePlatform) Link(channel, id string) string {
	if f.link != nil {
		return f.link(channel, id)
	}
	return "https://chat.example/" + channel + "/" + id
}

// accepted returns the posts so far.
func (f *fakePlatform) accepted() []post {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.posts)
}

// times returns when each post was accepted, in UTC.
func (f *fakePlatform) times() []string {
	var out []string
	for _, p := range f.accepted() {
		out = append(out, p.at.UTC().Format(time.RFC3339))
	}
	return out
}

// articleIDs returns every article each post cites, in post order.
func (f *fakePlatform) articleIDs() [][]string {
	var out [][]string
	for _, p := range f.accepted() {
		var ids []string
		for _, s := range p.r.Sources {
			ids = append(ids, s.ArticleID)
		}
		out = append(out, ids)
	}
	return out
}

// rateLimited fails the first n calls with a 429 asking to wait after.
func rateLimited(n int, after time.Duration) func(context.Context, int) error {
	return func(_ context.Context, call int) error {
		if call <= n {
			return &bot.RetryError{After: after, Err: fmt.Errorf("429 rate limited")}
		}
		return nil
	}
}

// hang blocks every call until its context ends, as a post to a platform
// that never answers.
func hang(ctx context.Context, _ int) error {
	<-ctx.Done()
	return ctx.Err()
}

// article returns an article with a body the summarizer can read.
func article(id, title string, published time.Time) corpus.Article {
	body := fmt.Sprintf("%s happened on %s, officials said.\n\nThe %s story is developing and more details are expected soon.", title, published.Format("2 January"), strings.ToLower(title))
	return corpus.Article{ID: id, Path: id + ".md", Title: title, Source: "Desk", Published: published, Body: body}
}

// newDigestBot returns a bot on arts.
func newDigestBot(t *testing.T, arts ...corpus.Article) *bot.Bot {
	t.Helper()
	b := bot.New(bot.Options{CacheTTL: -1})
	if err := b.SetCorpus(t.Context(), arts, nil); err != nil {
		t.Fatal(err)
	}
	return b
}

// openStore opens a state folder, closed when the test ends.
func openStore(t *testing.T, dir string) *store.Store {
	t.Helper()
	s, err := store.Open(t.Context(), dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Error(err)
		}
	})
	return s
}

// running is a scheduler running in the background of a synctest bubble.
type running struct {
	stop func()
}

// startScheduler runs a scheduler for b on st posting to p until stopped
// (or the test ends).
func startScheduler(t *testing.T, b *bot.Bot, st *store.Store, p bot.Platform, owner string, ds ...bot.Digest) *running {
	t.Helper()
	return startSchedulerOn(t, b, st, st, p, owner, ds...)
}

// startSchedulerOn is startScheduler with a ledger other than the store of
// the subscriptions.
func startSchedulerOn(t *testing.T, b *bot.Bot, l bot.Ledger, st *store.Store, p bot.Platform, owner string, ds ...bot.Digest) *running {
	t.Helper()
	log := slog.New(slog.DiscardHandler)
	if testing.Verbose() && os.Getenv("SCHED_LOG") != "" {
		log = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	s, err := bot.NewScheduler(b, bot.SchedulerOptions{
		Ledger: l, Subscriptions: st, Platforms: map[string]bot.Platform{"slack": p, "console": p},
		Digests: ds, Owner: owner, Logger: log.With("owner", owner),
	})
	if err != nil {
		t.Fatal(err)
	}
	b.SetScheduler(s)
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()
	var once sync.Once
	r := &running{stop: func() {
		once.Do(func() {
			cancel()
			if err := <-done; err != nil {
				t.Errorf("Run = %v, want nil", err)
			}
		})
	}}
	t.Cleanup(r.stop)
	return r
}

// sleepTo advances the bubble's clock to at.
func sleepTo(at time.Time) { time.Sleep(time.Until(at)) }

// digestAt returns a digest to the fake Slack channel C0123456.
func digestAt(spec string, loc *time.Location, catchUp bot.CatchUp, maxLate time.Duration) bot.Digest {
	return bot.Digest{
		Name: "morning", Schedule: spec, Location: loc, Platform: "slack", Channel: "C0123456",
		Window: 24 * time.Hour, CatchUp: catchUp, MaxLateness: maxLate, Empty: bot.EmptyPost,
	}
}
