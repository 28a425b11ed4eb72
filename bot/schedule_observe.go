package bot

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// slotWatch tells a SlotObserver what became of each slot, once, and
// gates the slots at shutdown: after Quiesce no slot starts, and Quiesce
// waits for the one in progress. Its methods are safe on a nil observer.
type slotWatch struct {
	obs   SlotObserver
	began time.Time // the scheduler's start: earlier slots were missed

	mu       sync.Mutex
	skipped  map[SlotKey]time.Time // missed slots already reported skipped, with their deadline
	running  int
	stopping bool
	idle     chan struct{} // closed when running drops to 0 while stopping
}

func newSlotWatch(obs SlotObserver) *slotWatch {
	return &slotWatch{obs: obs, began: time.Now(), skipped: map[SlotKey]time.Time{}}
}

// done reports a slot's outcome; a posted slot from before the scheduler
// began was caught up.
func (w *slotWatch) done(d digest, key SlotKey, outcome string, at time.Time) {
	if w.obs == nil {
		return
	}
	if outcome == SlotOutcomePosted && key.Time.Before(w.began) {
		outcome = SlotOutcomeCaughtUp
	}
	w.obs.SlotDone(d.Platform, outcome, at.Sub(key.Time))
}

// missed reports as skipped, once each, the expected slots missed before
// since that are neither in the ledger nor about to run.
func (w *slotWatch) missed(d digest, expected []time.Time, inLedger map[int64]Slot, since time.Time, todo []time.Time) {
	if w.obs == nil {
		return
	}
	now := time.Now()
	w.mu.Lock()
	defer w.mu.Unlock()
	for k, deadline := range w.skipped {
		if now.After(deadline) {
			delete(w.skipped, k) // too old to come round again
		}
	}
next:
	for _, t := range expected {
		if _, ok := inLedger[t.Unix()]; ok || !t.Before(since) {
			continue
		}
		for _, u := range todo {
			if u.Equal(t) {
				continue next
			}
		}
		key := SlotKey{Digest: d.Key(), Time: t}
		if _, seen := w.skipped[key]; !seen {
			w.skipped[key] = t.Add(2 * d.MaxLateness)
			w.obs.SlotDone(d.Platform, SlotOutcomeSkipped, 0)
		}
	}
}

// enter reports whether a slot may start, and counts it until leave.
func (w *slotWatch) enter() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.stopping {
		return false
	}
	w.running++
	return true
}

func (w *slotWatch) leave() {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.running--
	if w.running == 0 && w.idle != nil {
		close(w.idle)
		w.idle = nil
	}
}

// Quiesce stops the scheduler between slots: no slot starts from now on,
// and Quiesce returns once the slots in progress are posted (or failed,
// or released), or when ctx ends, with ctx's error. Cancel Run's context
// afterwards.
func (s *Scheduler) Quiesce(ctx context.Context) error {
	w := s.watch
	w.mu.Lock()
	w.stopping = true
	if w.running == 0 {
		w.mu.Unlock()
		return nil
	}
	if w.idle == nil {
		w.idle = make(chan struct{})
	}
	idle := w.idle
	w.mu.Unlock()
	select {
	case <-idle:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("quiesce scheduler: %w", ctx.Err())
	}
}
