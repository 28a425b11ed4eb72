package bot_test

import (
	"slices"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/corpus"
)

// TestSchedulerDaylightSaving runs digests over Europe/London's clock
// changes of 2025 (forward on 30 Mar at 01:00 GMT, back on 26 Oct at 02:00
// BST).
func TestSchedulerDaylightSaving(t *testing.T) {
	tests := []struct {
		name, spec string
		from, to   string
		want       []string
	}{
		{"spring forward: 01:30 fires at the jump", "30 1 * * *", "2025-03-29T00:00:00Z", "2025-04-01T00:00:00Z",
			[]string{"2025-03-29T01:30:00Z", "2025-03-30T01:00:00Z", "2025-03-31T00:30:00Z"}},
		{"fall back: 01:30 fires once", "30 1 * * *", "2025-10-25T00:00:00Z", "2025-10-28T00:00:00Z",
			[]string{"2025-10-25T00:30:00Z", "2025-10-26T00:30:00Z", "2025-10-27T01:30:00Z"}},
		{"fall back: hourly fires every real hour", "0 * * * *", "2025-10-25T22:59:00Z", "2025-10-26T23:59:00Z", hourly("2025-10-25T23:00:00Z", 25)},
		{"spring forward: hourly fires every real hour", "0 * * * *", "2025-03-29T23:59:00Z", "2025-03-30T22:59:00Z", hourly("2025-03-30T00:00:00Z", 23)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				sleepTo(utc(tt.from))
				p := &fakePlatform{}
				r := startScheduler(t, newDigestBot(t), openStore(t, t.TempDir()), p, "a", digestAt(tt.spec, london(t), bot.CatchUpSkip, time.Hour))
				sleepTo(utc(tt.to))
				r.stop()
				if got := p.times(); !slices.Equal(got, tt.want) {
					t.Errorf("posted at %v, want %v", got, tt.want)
				}
			})
		})
	}
}

// hourly returns n whole hours from start.
func hourly(start string, n int) []string {
	var out []string
	for i := range n {
		out = append(out, utc(start).Add(time.Duration(i)*time.Hour).Format(time.RFC3339))
	}
	return out
}

// TestSchedulerCatchUp starts a scheduler at 10:20 after downtime: the
// hourly slots from 07:00 to 10:00 are younger than max_lateness.
func TestSchedulerCatchUp(t *testing.T) {
	tests := []struct {
		policy bot.CatchUp
		before bool // a process ran from 07:30 to 08:30, with the same policy
		want   []string
	}{
		{bot.CatchUpSkip, false, []string{"11:00 for 11:00"}},
		{bot.CatchUpLatest, false, []string{"10:20 for 10:00", "11:00 for 11:00"}},
		{bot.CatchUpAll, false, []string{"10:20 for 07:00", "10:20 for 08:00", "10:20 for 09:00", "10:20 for 10:00", "11:00 for 11:00"}},
		{bot.CatchUpLatest, true, []string{"07:30 for 07:00", "08:00 for 08:00", "10:20 for 10:00", "11:00 for 11:00"}},
		{bot.CatchUpAll, true, []string{"07:30 for 05:00", "07:30 for 06:00", "07:30 for 07:00", "08:00 for 08:00", "10:20 for 09:00", "10:20 for 10:00", "11:00 for 11:00"}},
	}
	for _, tt := range tests {
		name := string(tt.policy)
		if tt.before {
			name += " after an earlier run"
		}
		t.Run(name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				dir := t.TempDir()
				d := digestAt("0 * * * *", time.UTC, tt.policy, 3*time.Hour+30*time.Minute)
				p := &fakePlatform{}
				if tt.before {
					sleepTo(utc("2025-08-11T07:30:00Z"))
					r := startScheduler(t, newDigestBot(t), openStore(t, dir), p, "before", d)
					sleepTo(utc("2025-08-11T08:30:00Z"))
					r.stop()
				}
				sleepTo(utc("2025-08-11T10:20:00Z"))
				r := startScheduler(t, newDigestBot(t), openStore(t, dir), p, "after", d)
				sleepTo(utc("2025-08-11T11:30:00Z"))
				r.stop()
				var got []string
				for _, po := range p.accepted() {
					// Titles end in the slot: "… Mon 11 Aug 2025 07:00 UTC".
					slot := strings.TrimSuffix(po.r.Title[len(po.r.Title)-9:], " UTC")
					got = append(got, po.at.UTC().Format("15:04")+" for "+slot)
				}
				if !slices.Equal(got, tt.want) {
					t.Errorf("posts = %v, want %v", got, tt.want)
				}
			})
		})
	}
}

// TestEveryArticleInExactlyOneDigest: the backlog is filtered by window;
// an article added while the bot runs appears in exactly one digest;
// nothing is announced twice.
func TestEveryArticleInExactlyOneDigest(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		sleepTo(utc("2025-08-11T10:10:00Z"))
		old := article("old", "Old archive story", date("2022-08-11"))
		recent := article("recent", "Port strike begins", date("2025-08-10"))
		undated := article("undated", "Undated backlog note", time.Time{})
		b := newDigestBot(t, old, recent, undated)
		p := &fakePlatform{}
		r := startScheduler(t, b, openStore(t, t.TempDir()), p, "a", digestAt("0 * * * *", time.UTC, bot.CatchUpLatest, time.Hour))
		sleepTo(utc("2025-08-11T11:30:00Z"))
		dropped := article("dropped", "Ceasefire talks resume", date("2020-01-01")) // new to the bot, however old
		if err := b.SetCorpus(t.Context(), []corpus.Article{old, recent, undated, dropped}, nil); err != nil {
			t.Fatal(err)
		}
		sleepTo(utc("2025-08-11T14:30:00Z"))
		r.stop()
		got := p.articleIDs()
		// 10:10 catches 10:00 up (latest); 12:00 has what was added at 11:30.
		want := [][]string{{"recent"}, nil, {"dropped"}, nil, nil}
		if !slices.EqualFunc(got, want, slices.Equal) {
			t.Errorf("articles per digest = %v, want %v", got, want)
		}
	})
}

func TestEmptySkipPostsNothing(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		sleepTo(utc("2025-08-11T06:59:00Z"))
		st := openStore(t, t.TempDir())
		d := digestAt("0 7 * * *", time.UTC, bot.CatchUpLatest, time.Hour)
		d.Empty = bot.EmptySkip
		p := &fakePlatform{}
		r := startScheduler(t, newDigestBot(t), st, p, "a", d)
		sleepTo(utc("2025-08-11T08:00:00Z"))
		r.stop()
		if p.calls != 0 {
			t.Errorf("Post called %d times, want 0", p.calls)
		}
		if got := ledgerSlot(t, st, d, utc("2025-08-11T07:00:00Z")); got.Status != bot.SlotEmpty {
			t.Errorf("slot status %q, want empty", got.Status)
		}
	})
}
