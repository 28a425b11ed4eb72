package bot

import (
	"cmp"
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"sync"
	"time"
)

// Defaults of SchedulerOptions.
const (
	// DefaultLease is how long a claimed slot stays with its claimant
	// without news from it; a process that dies mid-post holds its slot
	// this long at most.
	DefaultLease = time.Minute
	// DefaultRefresh is how often the scheduler reloads subscriptions,
	// records newly loaded articles and looks for abandoned slots.
	DefaultRefresh = 30 * time.Second
	// DefaultMaxBackoff caps the wait between two attempts to post.
	DefaultMaxBackoff = 5 * time.Minute
)

// firstBackoff is the wait before the second attempt to post when the
// platform did not say how long to wait.
const firstBackoff = time.Second

// SchedulerOptions configure a Scheduler.
type SchedulerOptions struct {
	Ledger        Ledger              // required
	Subscriptions Subscriptions       // nil: chat subscriptions are off
	Platforms     map[string]Platform // where digests go, by name ("slack", "discord", "console")
	Digests       []Digest            // the configured digests
	Admins        []string            // "platform:user" entries allowed to subscribe; the console always is
	Logger        *slog.Logger        // discards when nil
	Owner         string              // this process in the ledger; host, pid and a random suffix when ""
	Lease         time.Duration       // DefaultLease when 0
	Refresh       time.Duration       // DefaultRefresh when 0
	MaxBackoff    time.Duration       // DefaultMaxBackoff when 0
	Observer      SlotObserver        // told each slot's outcome; nil tells nobody
}

// Scheduler posts each digest's slots exactly once per ledger, however many
// schedulers share it: it claims a slot in the ledger before posting it,
// retries a failed post while the slot is fresh, records the outcome, and
// after downtime posts the missed slots its catch-up policy asks for. Run
// does the work; the digest commands read it.
type Scheduler struct {
	b          *Bot
	ledger     Ledger
	subs       Subscriptions
	platforms  map[string]Platform
	static     []digest
	admins     map[string]bool
	log        *slog.Logger
	owner      string
	lease      time.Duration
	refresh    time.Duration
	maxBackoff time.Duration
	wake       chan struct{} // a subscription changed
	watch      *slotWatch    // outcomes to Observer; the gate of Quiesce

	seenMu  sync.Mutex // serialises Seen; guards seenGen and seen
	seenGen uint64
	seen    bool
}

// NewScheduler returns a scheduler posting b's digests. Each configured
// digest is checked: its schedule, its policies, a platform among
// opts.Platforms, and a key no other digest has.
func NewScheduler(b *Bot, opts SchedulerOptions) (*Scheduler, error) {
	if opts.Ledger == nil {
		return nil, errors.New("new scheduler: no ledger")
	}
	s := &Scheduler{
		b: b, ledger: opts.Ledger, subs: opts.Subscriptions, platforms: opts.Platforms,
		admins:     map[string]bool{},
		log:        cmp.Or(opts.Logger, slog.New(slog.DiscardHandler)),
		owner:      cmp.Or(opts.Owner, newOwner()),
		lease:      cmp.Or(opts.Lease, DefaultLease),
		refresh:    cmp.Or(opts.Refresh, DefaultRefresh),
		maxBackoff: cmp.Or(opts.MaxBackoff, DefaultMaxBackoff),
		wake:       make(chan struct{}, 1),
		watch:      newSlotWatch(opts.Observer),
	}
	for _, a := range opts.Admins {
		s.admins[a] = true
	}
	seen := map[DigestKey]bool{}
	var errs []error
	for _, d := range opts.Digests {
		dg, err := newDigest(d)
		switch {
		case err != nil:
			errs = append(errs, err)
		case s.platforms[d.Platform] == nil:
			errs = append(errs, fmt.Errorf("digest %s: platform %s is not running", d.Key(), d.Platform))
		case seen[d.Key()]:
			errs = append(errs, fmt.Errorf("digest %s: defined twice", d.Key()))
		default:
			seen[d.Key()] = true
			s.static = append(s.static, dg)
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("new scheduler: %w", err)
	}
	return s, nil
}

// newOwner names this process in the ledger.
func newOwner() string {
	host, _ := os.Hostname() // a name is only a label: "" will do
	return fmt.Sprintf("%s/%d/%s", host, os.Getpid(), rand.Text()[:8])
}

// worker runs one digest until cancelled.
type worker struct {
	d      digest
	cancel context.CancelFunc
	done   chan struct{}
}

// Run posts digests until ctx ends, then returns nil. It owns one
// goroutine per digest and waits for them all before it returns. Every
// Refresh it reloads the subscriptions, starting and stopping digests to
// match, and records the articles of a newly loaded corpus as seen.
func (s *Scheduler) Run(ctx context.Context) error {
	started := time.Now()
	workers := map[DigestKey]*worker{}
	defer func() {
		for _, w := range workers {
			w.cancel()
		}
		for _, w := range workers {
			<-w.done
		}
	}()
	s.log.Info("scheduler started", "owner", s.owner, "digests", len(s.static))
	for {
		s.recordSeen(ctx)
		ds, err := s.digests(ctx)
		if err != nil && ctx.Err() == nil {
			s.log.Error("load subscriptions", "err", err)
		}
		want := map[DigestKey]digest{}
		for _, d := range ds {
			want[d.Key()] = d
		}
		for k, w := range workers {
			if d, ok := want[k]; !ok || !d.same(w.d) {
				w.cancel()
				<-w.done
				delete(workers, k)
			}
		}
		for k, d := range want {
			if workers[k] == nil {
				workers[k] = s.start(ctx, d, started)
			}
		}
		t := time.NewTimer(s.refresh)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil
		case <-s.wake:
			t.Stop()
		case <-t.C:
		}
	}
}

// start runs digest d in a goroutine of its own until the returned
// worker is cancelled or ctx ends.
func (s *Scheduler) start(ctx context.Context, d digest, started time.Time) *worker {
	ctx, cancel := context.WithCancel(ctx)
	w := &worker{d: d, cancel: cancel, done: make(chan struct{})}
	since := started
	if d.Subscription != nil && d.Subscription.Created.After(since) {
		since = d.Subscription.Created // its earlier slots were never due
	}
	go func() {
		defer close(w.done)
		for {
			wake := s.pass(ctx, d, since)
			if !sleepUntil(ctx, wake) {
				return
			}
		}
	}()
	return w
}

// digests returns the configured digests and the valid subscriptions to
// running platforms. On a ledger error it returns the configured ones and
// the error.
func (s *Scheduler) digests(ctx context.Context) ([]digest, error) {
	out := append([]digest(nil), s.static...)
	if s.subs == nil {
		return out, nil
	}
	subs, err := s.subs.List(ctx)
	if err != nil {
		return out, fmt.Errorf("list subscriptions: %w", err)
	}
	for _, sub := range subs {
		if s.platforms[sub.Platform] == nil {
			continue // subscribed on a platform this process does not run
		}
		d, err := subscriptionDigest(sub)
		if err == nil {
			var dg digest
			if dg, err = newDigest(d); err == nil {
				out = append(out, dg)
				continue
			}
		}
		s.log.Warn("skip subscription", "platform", sub.Platform, "channel", sub.Channel, "err", err)
	}
	return out, nil
}

// recordSeen records the articles of the bot's index in the ledger, once
// per index.
func (s *Scheduler) recordSeen(ctx context.Context) {
	st := s.b.state.Load()
	s.seenMu.Lock()
	defer s.seenMu.Unlock()
	if s.seen && s.seenGen == st.gen {
		return
	}
	arts := make([]SeenArticle, len(st.ix.arts))
	for i, a := range st.ix.arts {
		arts[i] = SeenArticle{ID: a.ID, Published: a.Published}
	}
	if err := s.ledger.Seen(ctx, time.Now(), arts); err != nil {
		if ctx.Err() == nil {
			s.log.Error("record seen articles", "err", err)
		}
		return
	}
	s.seen, s.seenGen = true, st.gen
}

// poke makes Run reload the subscriptions now.
func (s *Scheduler) poke() {
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// same reports whether d and o are the same digest, run the same way.
func (d digest) same(o digest) bool {
	a, b := d.Digest, o.Digest
	a.Location, b.Location, a.Subscription, b.Subscription = nil, nil, nil, nil
	return a == b && d.sched.String() == o.sched.String() &&
		(d.Subscription == nil) == (o.Subscription == nil) &&
		(d.Subscription == nil || d.Subscription.Created.Equal(o.Subscription.Created))
}

// sleepUntil waits until t; it returns false when ctx ended first.
func sleepUntil(ctx context.Context, t time.Time) bool {
	d := time.Until(t)
	if d <= 0 {
		return ctx.Err() == nil
	}
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-timer.C:
		return true
	}
}
