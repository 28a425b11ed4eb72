package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
)

var (
	t0     = time.Date(2025, 8, 11, 7, 0, 0, 0, time.UTC)
	morn   = bot.DigestKey{Name: "morning", Platform: "slack", Channel: "C0123456"}
	slot0  = bot.SlotKey{Digest: morn, Time: t0}
	lease  = time.Minute
	claimA = bot.Claim{Key: slot0, Owner: "a", Now: t0, LeaseUntil: t0.Add(lease)}
)

func open(t *testing.T, dir string) *Store {
	t.Helper()
	s, err := Open(t.Context(), dir)
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

func TestOpenMigratesOnceAndRefusesNewer(t *testing.T) {
	dir := t.TempDir()
	s := open(t, dir)
	var mode string
	var version int
	if err := s.db.QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v; want wal", mode, err)
	}
	if err := s.db.QueryRow(`PRAGMA user_version`).Scan(&version); err != nil || version != len(migrations) {
		t.Errorf("user_version = %d, %v; want %d", version, err, len(migrations))
	}
	open(t, dir) // a second open of a current database migrates nothing
	if _, err := s.db.Exec(fmt.Sprintf(`PRAGMA user_version = %d`, len(migrations)+1)); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(t.Context(), dir); !errors.Is(err, ErrNewerSchema) {
		t.Errorf("Open of a newer schema = %v, want ErrNewerSchema", err)
	}
}

func TestClaimTakeoverFinish(t *testing.T) {
	s := open(t, t.TempDir())
	ctx := t.Context()
	got, err := s.Claim(ctx, claimA)
	if err != nil || got.Owner != "a" || got.Status != bot.SlotClaimed || got.Claims != 1 {
		t.Fatalf("first Claim = %+v, %v; want held by a", got, err)
	}
	b := bot.Claim{Key: slot0, Owner: "b", Now: t0.Add(30 * time.Second), LeaseUntil: t0.Add(90 * time.Second)}
	if got, err := s.Claim(ctx, b); err != nil || got.Owner != "a" {
		t.Fatalf("Claim during a's lease = %+v, %v; want still a's", got, err)
	}
	if err := s.Finish(ctx, slot0, "b", bot.Outcome{Status: bot.SlotPosted}); !errors.Is(err, bot.ErrNotHeld) {
		t.Errorf("Finish by b = %v, want ErrNotHeld", err)
	}
	b.Now, b.LeaseUntil = t0.Add(lease), t0.Add(2*lease) // a died: its lease ran out
	if got, err := s.Claim(ctx, b); err != nil || got.Owner != "b" || got.Claims != 2 {
		t.Fatalf("Claim after a's lease = %+v, %v; want taken over by b", got, err)
	}
	if err := s.Finish(ctx, slot0, "b", bot.Outcome{Status: bot.SlotPosted, MessageID: "1723.01", At: b.Now}); err != nil {
		t.Fatal(err)
	}
	later := bot.Claim{Key: slot0, Owner: "c", Now: t0.Add(time.Hour), LeaseUntil: t0.Add(2 * time.Hour)}
	if got, err := s.Claim(ctx, later); err != nil || got.Status != bot.SlotPosted || got.Owner == "c" {
		t.Errorf("Claim of a posted slot = %+v, %v; want posted, untouched", got, err)
	}
	last, ok, err := s.LastPosted(ctx, morn)
	if err != nil || !ok || last.MessageID != "1723.01" || !last.Key.Time.Equal(t0) {
		t.Errorf("LastPosted = %+v, %v, %v", last, ok, err)
	}
}

func TestReleasedSlotIsTakenOverAtOnce(t *testing.T) {
	s := open(t, t.TempDir())
	ctx := t.Context()
	if _, err := s.Claim(ctx, claimA); err != nil {
		t.Fatal(err)
	}
	if err := s.Finish(ctx, slot0, "a", bot.Outcome{Status: bot.SlotReleased}); err != nil {
		t.Fatal(err)
	}
	b := bot.Claim{Key: slot0, Owner: "b", Now: t0.Add(time.Second), LeaseUntil: t0.Add(time.Minute)}
	if got, err := s.Claim(ctx, b); err != nil || got.Owner != "b" {
		t.Errorf("Claim of a released slot = %+v, %v; want b's", got, err)
	}
}

func TestArticlesAreAnnouncedOnce(t *testing.T) {
	s := open(t, t.TempDir())
	ctx := t.Context()
	old := bot.SeenArticle{ID: "old", Published: t0.AddDate(-3, 0, 0)}
	fresh := bot.SeenArticle{ID: "fresh", Published: t0.AddDate(0, 0, -1)}
	if err := s.Seen(ctx, t0.Add(-3*time.Hour), nil); err != nil { // a corpus that did not load
		t.Fatal(err)
	}
	if err := s.Seen(ctx, t0.Add(-2*time.Hour), []bot.SeenArticle{old, fresh}); err != nil {
		t.Fatal(err)
	}
	if err := s.Seen(ctx, t0.Add(-time.Hour), []bot.SeenArticle{old, {ID: "new"}}); err != nil {
		t.Fatal(err)
	}
	q := bot.PendingQuery{Digest: morn, Floor: t0.Add(-24 * time.Hour), UpTo: t0, BacklogSince: t0.AddDate(0, 0, -1)}
	pending := func() []string {
		t.Helper()
		ids, err := s.Pending(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		return ids
	}
	// old is backlog published before the window; new was seen after the
	// state was created.
	if got, want := pending(), []string{"fresh", "new"}; !slices.Equal(got, want) {
		t.Fatalf("Pending = %v, want %v", got, want)
	}
	c := claimA
	c.Floor, c.Articles = q.Floor, []string{"fresh", "new"}
	if got, err := s.Claim(ctx, c); err != nil || !slices.Equal(got.Articles, []string{"fresh", "new"}) {
		t.Fatalf("Claim reserved %v, %v", got.Articles, err)
	}
	if got := pending(); len(got) != 0 {
		t.Errorf("Pending after the claim = %v, want none", got)
	}
	next := bot.Claim{Key: bot.SlotKey{Digest: morn, Time: t0.Add(24 * time.Hour)}, Owner: "a", Now: t0.Add(24 * time.Hour), LeaseUntil: t0.Add(25 * time.Hour), Articles: []string{"new"}}
	if got, err := s.Claim(ctx, next); err != nil || len(got.Articles) != 0 {
		t.Errorf("next slot reserved %v, %v; want nothing (announced already)", got.Articles, err)
	}
	if err := s.Finish(ctx, slot0, "a", bot.Outcome{Status: bot.SlotFailed, Err: "channel_not_found"}); err != nil {
		t.Fatal(err)
	}
	if got, want := pending(), []string{"fresh", "new"}; !slices.Equal(got, want) {
		t.Errorf("Pending after the slot failed = %v, want %v released", got, want)
	}
}

// TestClaimRace has stores on one file, as separate processes would be,
// race for one slot: exactly one holds it.
func TestClaimRace(t *testing.T) {
	dir := t.TempDir()
	const n = 8
	stores := make([]*Store, n)
	for i := range stores {
		stores[i] = open(t, dir)
	}
	var wg sync.WaitGroup
	held := make([]bool, n)
	for i, s := range stores {
		wg.Go(func() {
			c := claimA
			c.Owner = fmt.Sprint("owner", i)
			got, err := s.Claim(context.Background(), c)
			if err != nil {
				t.Error(err)
				return
			}
			held[i] = got.Owner == c.Owner
		})
	}
	wg.Wait()
	if got := len(slices.DeleteFunc(held, func(h bool) bool { return !h })); got != 1 {
		t.Errorf("%d of %d racing stores hold the slot, want 1", got, n)
	}
}

func TestSubscriptions(t *testing.T) {
	s := open(t, t.TempDir())
	ctx := t.Context()
	sub := bot.Subscription{Platform: "slack", Channel: "C1", At: "08:00", Timezone: "Europe/London", By: "U1", Created: t0}
	if err := s.Subscribe(ctx, sub); err != nil {
		t.Fatal(err)
	}
	sub.At = "09:30"
	if err := s.Subscribe(ctx, sub); err != nil {
		t.Fatal(err)
	}
	if got, err := s.List(ctx); err != nil || len(got) != 1 || got[0] != sub {
		t.Errorf("List = %+v, %v; want [%+v]", got, err, sub)
	}
	for _, want := range []bool{true, false} {
		if ok, err := s.Unsubscribe(ctx, "slack", "C1"); err != nil || ok != want {
			t.Errorf("Unsubscribe = %v, %v; want %v", ok, err, want)
		}
	}
}

// BenchmarkClaimFinish claims and posts one slot: the ledger's cost of a
// digest.
func BenchmarkClaimFinish(b *testing.B) {
	s, err := Open(b.Context(), b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	i := 0
	for b.Loop() {
		c := claimA
		c.Key.Time = t0.Add(time.Duration(i) * time.Second)
		i++
		if _, err := s.Claim(b.Context(), c); err != nil {
			b.Fatal(err)
		}
		if err := s.Finish(b.Context(), c.Key, "a", bot.Outcome{Status: bot.SlotPosted, MessageID: "m"}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestOpenRace opens one new state folder from several stores at once, as
// two briefbot processes started together do: every Open succeeds.
func TestOpenRace(t *testing.T) {
	for round := range 40 {
		dir := t.TempDir()
		errs := make([]error, 6)
		var wg sync.WaitGroup
		for i := range errs {
			wg.Go(func() {
				s, err := Open(t.Context(), dir)
				if err == nil {
					err = s.Close()
				}
				errs[i] = err
			})
		}
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Errorf("round %d: Open #%d = %v", round, i, err)
			}
		}
	}
}
