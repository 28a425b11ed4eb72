package bot

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"
)

// slotLog is a SlotObserver that keeps the outcomes.
type slotLog struct {
	mu   sync.Mutex
	seen []string
}

func (l *slotLog) SlotDone(platform, outcome string, _ time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.seen = append(l.seen, platform+"/"+outcome)
}

func TestSlotWatchReportsEachSlotOnce(t *testing.T) {
	log := &slotLog{}
	w := newSlotWatch(log)
	d := digest{Digest: Digest{Name: "ticker", Platform: "console", Channel: "console", MaxLateness: time.Hour}}
	t0 := w.began.Add(-30 * time.Minute).Truncate(time.Minute)
	expected := []time.Time{t0, t0.Add(time.Minute), t0.Add(2 * time.Minute)}
	// Passes see the same missed slots again and again: the first two are
	// skipped (the third is caught up), reported once.
	for range 3 {
		w.missed(d, expected, map[int64]Slot{}, w.began, expected[2:])
	}
	w.done(d, SlotKey{Digest: d.Key(), Time: expected[2]}, SlotOutcomePosted, w.began)
	w.done(d, SlotKey{Digest: d.Key(), Time: w.began.Add(time.Minute)}, SlotOutcomePosted, w.began.Add(time.Minute))
	want := "console/skipped console/skipped console/caught_up console/posted"
	if got := strings.Join(log.seen, " "); got != want {
		t.Errorf("outcomes %q, want %q", got, want)
	}
	newSlotWatch(nil).done(d, SlotKey{}, SlotOutcomeFailed, time.Now()) // no observer: nothing happens
}

// TestQuiesceWaitsForTheSlotInProgress: after Quiesce no slot starts, and
// Quiesce returns once the one in progress leaves.
func TestQuiesceWaitsForTheSlotInProgress(t *testing.T) {
	s := &Scheduler{watch: newSlotWatch(nil)}
	if !s.watch.enter() {
		t.Fatal("a slot could not start")
	}
	done := make(chan error, 1)
	go func() { done <- s.Quiesce(context.Background()) }()
	for { // Quiesce has begun once no slot may start
		s.watch.mu.Lock()
		stopping := s.watch.stopping
		s.watch.mu.Unlock()
		if stopping {
			break
		}
		time.Sleep(time.Millisecond)
	}
	if s.watch.enter() {
		t.Error("a slot started after Quiesce")
	}
	select {
	case err := <-done:
		t.Fatalf("Quiesce returned %v with a slot in progress", err)
	default:
	}
	s.watch.leave()
	if err := <-done; err != nil {
		t.Errorf("Quiesce = %v", err)
	}
}
