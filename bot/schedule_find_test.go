package bot_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/briefbot/briefbot/bot"
)

// finder is a fakePlatform that is also a bot.PostFinder: it finds the
// posts the platform accepted by their key, as the Slack and Discord
// adapters find theirs in the channel's history. find, when set, is asked
// first (with the number of the call); an error or a find it reports is
// the answer.
type finder struct {
	*fakePlatform
	find func(ctx context.Context, n int) (id string, found bool, err error)

	mu    sync.Mutex
	finds []time.Time // when FindPost was called
	since []time.Time // the since of each call
}

var _ bot.PostFinder = (*finder)(nil)

func (f *finder) FindPost(ctx context.Context, channel, key string, since time.Time) (string, bool, error) {
	f.mu.Lock()
	f.finds = append(f.finds, time.Now())
	f.since = append(f.since, since)
	n := len(f.finds)
	f.mu.Unlock()
	if f.find != nil {
		if id, found, err := f.find(ctx, n); err != nil || found {
			return id, found, err
		}
	}
	for _, p := range f.accepted() {
		if p.r.Key == key && p.r.Channel == channel && !p.at.Before(since) {
			return p.id, true, nil
		}
	}
	return "", false, nil
}

// calls returns when FindPost was called, in UTC.
func (f *finder) calls() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []string
	for _, t := range f.finds {
		out = append(out, t.UTC().Format(time.RFC3339))
	}
	return out
}

// killed is a ledger whose process was killed: the outcomes it would
// record are lost.
type killed struct{ bot.Ledger }

func (killed) Finish(context.Context, bot.SlotKey, string, bot.Outcome) error { return nil }

// TestTakeoverLooksForThePost: a slot claimed by a process that died is
// taken over when its lease runs out, and the successor first asks the
// platform whether the post is there already.
func TestTakeoverLooksForThePost(t *testing.T) {
	slot := utc("2025-08-11T07:00:00Z")
	d := digestAt("0 7 * * *", time.UTC, bot.CatchUpAll, time.Hour)
	key := bot.SlotKey{Digest: d.Key(), Time: slot}
	tests := []struct {
		name       string
		accepted   bool // the dead process's post was accepted
		find       func(ctx context.Context, n int) (string, bool, error)
		wantPosted []string // when the successor posted
		wantFinds  []string
		wantStatus bot.SlotStatus
		wantID     string
	}{
		{
			name: "claimed, accepted, not recorded: found, not posted again", accepted: true,
			wantFinds: []string{"2025-08-11T07:01:00Z"}, wantStatus: bot.SlotPosted, wantID: "m1",
		},
		{
			name:       "claimed, not accepted: looked for, then posted",
			wantPosted: []string{"2025-08-11T07:01:00Z"}, wantFinds: []string{"2025-08-11T07:01:00Z"}, wantStatus: bot.SlotPosted, wantID: "m1",
		},
		{
			name: "accepted in part: failed, not posted again",
			find: func(context.Context, int) (string, bool, error) {
				return "part1", false, fmt.Errorf("find: %w", bot.ErrPartialPost)
			},
			wantFinds: []string{"2025-08-11T07:01:00Z"}, wantStatus: bot.SlotFailed, wantID: "part1",
		},
		{
			name: "the platform asks to wait: looks again after the wait", accepted: true,
			find: func(_ context.Context, n int) (string, bool, error) {
				if n == 1 {
					return "", false, &bot.RetryError{After: 30 * time.Second, Err: errors.New("429")}
				}
				return "", false, nil
			},
			wantFinds: []string{"2025-08-11T07:01:00Z", "2025-08-11T07:01:30Z"}, wantStatus: bot.SlotPosted, wantID: "m1",
		},
		{
			name: "the platform cannot look: posted", accepted: false,
			find: func(context.Context, int) (string, bool, error) {
				return "", false, errors.New("connection refused")
			},
			wantPosted: []string{"2025-08-11T07:01:00Z"}, wantFinds: []string{"2025-08-11T07:01:00Z"}, wantStatus: bot.SlotPosted, wantID: "m1",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				sleepTo(slot)
				st := openStore(t, t.TempDir())
				p := &finder{fakePlatform: &fakePlatform{}, find: tt.find}
				// What a process killed at this point leaves behind: a claim,
				// and maybe a post the platform accepted.
				dead := bot.Claim{Key: key, Owner: "dead", Now: slot, LeaseUntil: slot.Add(bot.DefaultLease)}
				if _, err := st.Claim(t.Context(), dead); err != nil {
					t.Fatal(err)
				}
				if tt.accepted {
					if _, err := p.Post(t.Context(), bot.Reply{Channel: d.Channel, Key: key.String(), Title: "Digest"}); err != nil {
						t.Fatal(err)
					}
				}
				before := len(p.accepted())
				sleepTo(slot.Add(5 * time.Second))
				r := startScheduler(t, newDigestBot(t), st, p, "next", d)
				sleepTo(slot.Add(30 * time.Minute))
				r.stop()
				var posted []string
				for _, x := range p.accepted()[before:] {
					posted = append(posted, x.at.UTC().Format(time.RFC3339))
					if x.r.Key != key.String() {
						t.Errorf("posted with key %q, want %q", x.r.Key, key)
					}
				}
				if !slices.Equal(posted, tt.wantPosted) {
					t.Errorf("successor posted at %v, want %v", posted, tt.wantPosted)
				}
				if got := p.calls(); !slices.Equal(got, tt.wantFinds) {
					t.Errorf("FindPost called at %v, want %v", got, tt.wantFinds)
				}
				if len(p.since) > 0 && !p.since[0].Before(slot) {
					t.Errorf("FindPost since %v, want before the slot %v", p.since[0], slot)
				}
				got := ledgerSlot(t, st, d, slot)
				if got.Status != tt.wantStatus || got.MessageID != tt.wantID || got.Claims != 2 {
					t.Errorf("ledger slot = %+v, want %s as %q after 2 claims", got, tt.wantStatus, tt.wantID)
				}
			})
		})
	}
}

// TestKilledAfterThePlatformAccepted runs two schedulers: the first is
// killed after the platform accepted its post and before its ledger
// recorded it; the second takes the slot over when the lease runs out,
// finds the post and records it without posting again.
func TestKilledAfterThePlatformAccepted(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		slot := utc("2025-08-11T07:00:00Z")
		sleepTo(slot.Add(-time.Minute))
		dir := t.TempDir()
		d := digestAt("0 7 * * *", time.UTC, bot.CatchUpSkip, time.Hour)
		arts := article("strike", "Port strike begins", date("2025-08-11"))
		// One channel, as both processes post to the same Slack channel.
		p := &finder{fakePlatform: &fakePlatform{lose: hang}}
		st1 := openStore(t, dir)
		r1 := startSchedulerOn(t, newDigestBot(t, arts), killed{st1}, st1, p, "first", d)
		sleepTo(slot.Add(10 * time.Second))
		r1.stop() // killed: the post is out, the ledger never hears of it

		st := openStore(t, dir)
		p.fakePlatform.mu.Lock()
		p.lose = nil
		p.fakePlatform.mu.Unlock()
		r2 := startScheduler(t, newDigestBot(t, arts), st, p, "second", d)
		sleepTo(slot.Add(30 * time.Minute))
		r2.stop()
		if got, want := p.times(), []string{"2025-08-11T07:00:00Z"}; !slices.Equal(got, want) {
			t.Errorf("posted at %v, want once, by the first process, at %v", got, want)
		}
		if got, want := p.calls(), []string{"2025-08-11T07:01:00Z"}; !slices.Equal(got, want) {
			t.Errorf("FindPost called at %v, want %v (when the lease ran out)", got, want)
		}
		got := ledgerSlot(t, st, d, slot)
		if got.Status != bot.SlotPosted || got.MessageID != "m1" || got.Claims != 2 {
			t.Errorf("ledger slot = %+v, want posted as m1 after 2 claims", got)
		}
		if got := p.articleIDs(); len(got) != 1 || !slices.Equal(got[0], []string{"strike"}) {
			t.Errorf("articles = %v, want [[strike]]", got)
		}
	})
}

// TestTimedOutPostIsLookedFor: a post whose answer never came (the call
// timed out) may have arrived; before trying again the scheduler looks for
// it.
func TestTimedOutPostIsLookedFor(t *testing.T) {
	tests := []struct {
		name      string
		lose      func(context.Context, int) error
		wantPosts int
		wantFinds int
	}{
		{"the post arrived: found, not posted again", func(ctx context.Context, n int) error {
			if n == 1 {
				return hang(ctx, n)
			}
			return nil
		}, 1, 1},
		{"the post was answered: nothing looked for", nil, 1, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				slot := utc("2025-08-11T07:00:00Z")
				sleepTo(slot.Add(-time.Minute))
				st := openStore(t, t.TempDir())
				d := digestAt("0 7 * * *", time.UTC, bot.CatchUpSkip, time.Hour)
				p := &finder{fakePlatform: &fakePlatform{lose: tt.lose}}
				r := startScheduler(t, newDigestBot(t), st, p, "a", d)
				sleepTo(slot.Add(10 * time.Minute))
				r.stop()
				if n := len(p.accepted()); n != tt.wantPosts {
					t.Errorf("%d posts, want %d", n, tt.wantPosts)
				}
				if n := len(p.calls()); n != tt.wantFinds {
					t.Errorf("FindPost called %d times, want %d", n, tt.wantFinds)
				}
				if got := ledgerSlot(t, st, d, slot); got.Status != bot.SlotPosted || got.MessageID != "m1" {
					t.Errorf("ledger slot = %+v, want posted as m1", got)
				}
			})
		})
	}
}

// TestTakeoverKeepsTheSlotsArticles: a slot taken over keeps the articles
// its first claim reserved. One seen since then is not added to a post
// that may already be out (and is found): it goes to the next slot.
func TestTakeoverKeepsTheSlotsArticles(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		slot := utc("2025-08-11T07:00:00Z")
		sleepTo(slot)
		st := openStore(t, t.TempDir())
		d := digestAt("0 7 * * *", time.UTC, bot.CatchUpAll, time.Hour)
		key := bot.SlotKey{Digest: d.Key(), Time: slot}
		p := &finder{fakePlatform: &fakePlatform{}}
		// The dead process reserved nothing (nothing was new) and posted.
		if _, err := st.Claim(t.Context(), bot.Claim{Key: key, Owner: "dead", Now: slot, LeaseUntil: slot.Add(bot.DefaultLease), Floor: slot.Add(-24 * time.Hour)}); err != nil {
			t.Fatal(err)
		}
		if _, err := p.Post(t.Context(), bot.Reply{Channel: d.Channel, Key: key.String(), Title: "Digest"}); err != nil {
			t.Fatal(err)
		}
		sleepTo(slot.Add(5 * time.Second))
		r := startScheduler(t, newDigestBot(t, article("strike", "Port strike begins", date("2025-08-11"))), st, p, "next", d)
		sleepTo(slot.Add(24*time.Hour + 30*time.Minute))
		r.stop()
		if got, want := p.times(), []string{"2025-08-11T07:00:00Z", "2025-08-12T07:00:00Z"}; !slices.Equal(got, want) {
			t.Fatalf("posted at %v, want %v", got, want)
		}
		if got := p.articleIDs(); len(got[1]) != 1 || got[1][0] != "strike" {
			t.Errorf("articles per post = %v, want the article in the next slot's", got)
		}
	})
}
