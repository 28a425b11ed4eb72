package bot_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/store"
)

// Every test here runs in a synctest bubble: time stands still while
// goroutines work and jumps to the next timer when all are blocked, so a
// slot is posted at its exact time and nothing sleeps for real.

func TestSchedulerPostsEachSlotOnceOnTime(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		sleepTo(utc("2025-08-11T06:00:00Z"))
		b := newDigestBot(t,
			article("old", "Old archive story", date("2022-08-11")),
			article("recent", "Port strike begins", date("2025-08-10")))
		p := &fakePlatform{}
		r := startScheduler(t, b, openStore(t, t.TempDir()), p, "a", digestAt("0 8 * * *", london(t), bot.CatchUpLatest, 6*time.Hour))
		sleepTo(utc("2025-08-13T12:00:00Z"))
		r.stop()
		want := []string{"2025-08-11T07:00:00Z", "2025-08-12T07:00:00Z", "2025-08-13T07:00:00Z"}
		if got := p.times(); !slices.Equal(got, want) {
			t.Fatalf("posted at %v, want %v", got, want)
		}
		// The backlog: only what was published within the window.
		if got := p.articleIDs(); !slices.Equal(got[0], []string{"recent"}) || len(got[1])+len(got[2]) != 0 {
			t.Errorf("articles per digest = %v, want [[recent] [] []]", got)
		}
		first := p.accepted()[0].r
		if first.Channel != "C0123456" || !strings.Contains(first.Title, "Mon 11 Aug 2025 08:00 BST") {
			t.Errorf("first digest: channel %q, title %q", first.Channel, first.Title)
		}
		if got := p.accepted()[1].r.Text; !strings.HasPrefix(got, "Nothing new since Mon 11 Aug 2025 08:00 BST") {
			t.Errorf("second digest says %q, want nothing new since the first", got)
		}
	})
}

func TestSchedulerRetries(t *testing.T) {
	tests := []struct {
		name       string
		fail       func(context.Context, int) error
		maxLate    time.Duration
		wantPosted []string // times
		wantCalls  int
		wantStatus bot.SlotStatus
	}{
		{"Retry-After is honoured", rateLimited(2, 30*time.Second), time.Hour, []string{"2025-08-11T07:01:00Z"}, 3, bot.SlotPosted},
		{"backoff doubles when the platform does not say", rateLimited(3, 0), time.Hour, []string{"2025-08-11T07:00:07Z"}, 4, bot.SlotPosted},
		{"too late to retry", rateLimited(1000, 10*time.Minute), 30 * time.Minute, nil, 3, bot.SlotFailed},
		{"a permanent error fails at once", func(context.Context, int) error { return errors.New("channel_not_found") }, time.Hour, nil, 1, bot.SlotFailed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				sleepTo(utc("2025-08-11T06:59:00Z"))
				st := openStore(t, t.TempDir())
				p := &fakePlatform{fail: tt.fail}
				d := digestAt("0 7 * * *", time.UTC, bot.CatchUpLatest, tt.maxLate)
				r := startScheduler(t, newDigestBot(t), st, p, "a", d)
				sleepTo(utc("2025-08-11T09:00:00Z"))
				r.stop()
				if got := p.times(); !slices.Equal(got, tt.wantPosted) {
					t.Errorf("posted at %v, want %v", got, tt.wantPosted)
				}
				if p.calls != tt.wantCalls {
					t.Errorf("Post called %d times, want %d", p.calls, tt.wantCalls)
				}
				if got := ledgerSlot(t, st, d, utc("2025-08-11T07:00:00Z")); got.Status != tt.wantStatus {
					t.Errorf("slot status %q, want %q", got.Status, tt.wantStatus)
				}
			})
		})
	}
}

// ledgerSlot returns the ledger's record of d's slot at at.
func ledgerSlot(t *testing.T, st *store.Store, d bot.Digest, at time.Time) bot.Slot {
	t.Helper()
	slots, err := st.Slots(t.Context(), d.Key(), at.Add(-time.Second), at)
	if err != nil || len(slots) != 1 {
		t.Fatalf("ledger slots at %v = %v, %v; want one", at, slots, err)
	}
	return slots[0]
}

// TestKillAndRestartAcrossASlot stops a scheduler while its post hangs; a
// second one on the same database file takes the slot over and posts it.
func TestKillAndRestartAcrossASlot(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		sleepTo(utc("2025-08-11T06:59:00Z"))
		dir := t.TempDir()
		d := digestAt("0 7 * * *", time.UTC, bot.CatchUpSkip, time.Hour)
		arts := article("strike", "Port strike begins", date("2025-08-11"))
		first := &fakePlatform{fail: hang}
		r1 := startScheduler(t, newDigestBot(t, arts), openStore(t, dir), first, "first", d)
		sleepTo(utc("2025-08-11T07:00:10Z"))
		r1.stop() // mid-post

		st := openStore(t, dir)
		second := &fakePlatform{}
		r2 := startScheduler(t, newDigestBot(t, arts), st, second, "second", d)
		sleepTo(utc("2025-08-11T07:30:00Z"))
		r2.stop()
		if len(first.accepted()) != 0 {
			t.Errorf("the first scheduler's platform accepted %d posts", len(first.accepted()))
		}
		if got, want := second.times(), []string{"2025-08-11T07:00:10Z"}; !slices.Equal(got, want) {
			t.Errorf("second scheduler posted at %v, want %v", got, want)
		}
		if got := second.articleIDs(); len(got) != 1 || !slices.Equal(got[0], []string{"strike"}) {
			t.Errorf("articles = %v, want the ones the first scheduler reserved", got)
		}
		if got := ledgerSlot(t, st, d, utc("2025-08-11T07:00:00Z")); got.Status != bot.SlotPosted || got.Claims != 2 || got.MessageID != "m1" {
			t.Errorf("ledger slot = %+v, want posted as m1 after 2 claims", got)
		}
	})
}

// TestCrashBetweenClaimAndPost: a process that claimed a slot and died
// before the platform accepted it leaves the slot to the next process once
// its lease runs out; one whose post was accepted never has it posted again.
func TestCrashBetweenClaimAndPost(t *testing.T) {
	slot := utc("2025-08-11T07:00:00Z")
	d := digestAt("0 7 * * *", time.UTC, bot.CatchUpAll, time.Hour)
	t.Run("claimed, not accepted: retried", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			sleepTo(slot)
			st := openStore(t, t.TempDir())
			// What a process that died right after claiming leaves behind.
			dead := bot.Claim{Key: bot.SlotKey{Digest: d.Key(), Time: slot}, Owner: "dead", Now: slot, LeaseUntil: slot.Add(bot.DefaultLease)}
			if _, err := st.Claim(t.Context(), dead); err != nil {
				t.Fatal(err)
			}
			sleepTo(slot.Add(5 * time.Second))
			p := &fakePlatform{}
			r := startScheduler(t, newDigestBot(t), st, p, "next", d)
			sleepTo(slot.Add(30 * time.Minute))
			r.stop()
			if got, want := p.times(), []string{"2025-08-11T07:01:00Z"}; !slices.Equal(got, want) {
				t.Errorf("posted at %v, want %v (when the dead claim's lease ran out)", got, want)
			}
			if got := ledgerSlot(t, st, d, slot); got.Claims != 2 || got.Status != bot.SlotPosted {
				t.Errorf("ledger slot = %+v, want posted after 2 claims", got)
			}
		})
	})
	t.Run("accepted: never again", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			sleepTo(slot.Add(-time.Minute))
			dir := t.TempDir()
			p1 := &fakePlatform{}
			r1 := startScheduler(t, newDigestBot(t), openStore(t, dir), p1, "first", d)
			sleepTo(slot.Add(time.Second))
			r1.stop()
			p2 := &fakePlatform{}
			r2 := startScheduler(t, newDigestBot(t), openStore(t, dir), p2, "second", d)
			sleepTo(slot.Add(50 * time.Minute))
			r2.stop()
			if len(p1.accepted()) != 1 || len(p2.accepted()) != 0 {
				t.Errorf("posts: first %d, second %d; want 1 and 0", len(p1.accepted()), len(p2.accepted()))
			}
		})
	})
}

// TestTwoSchedulersShareOneDatabase runs two schedulers, as two processes
// on one state folder would, for twelve slots of a digest every 5 seconds.
func TestTwoSchedulersShareOneDatabase(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := utc("2025-08-11T07:00:00Z")
		sleepTo(start.Add(-time.Second))
		dir := t.TempDir()
		d := digestAt("*/5 * * * * *", time.UTC, bot.CatchUpSkip, time.Minute)
		p := &fakePlatform{}
		r1 := startScheduler(t, newDigestBot(t), openStore(t, dir), p, "one", d)
		r2 := startScheduler(t, newDigestBot(t), openStore(t, dir), p, "two", d)
		sleepTo(start.Add(57 * time.Second))
		r1.stop()
		r2.stop()
		got := p.times()
		var want []string
		for i := range 12 {
			want = append(want, start.Add(time.Duration(i)*5*time.Second).Format(time.RFC3339))
		}
		if !slices.Equal(got, want) {
			t.Errorf("posted at %v, want each of %v once", got, want)
		}
	})
}
