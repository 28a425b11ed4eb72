package discord

import (
	"context"
	"slices"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

// TestLanesPaceEachChannel sends messages through one channel's queue in a
// synctest bubble (a fake clock: the times are exact, nothing sleeps): a
// burst of five goes at once, then one a second; another channel has its
// own bucket.
func TestLanesPaceEachChannel(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ls := newLanes(5, time.Second)
		start := time.Now()
		var at []time.Duration
		tk := ls.reserve("C1")
		if err := tk.wait(t.Context()); err != nil {
			t.Fatal(err)
		}
		for range 8 {
			if err := tk.pace(t.Context()); err != nil {
				t.Fatal(err)
			}
			at = append(at, time.Since(start))
		}
		tk.release()
		want := []time.Duration{0, 0, 0, 0, 0, time.Second, 2 * time.Second, 3 * time.Second}
		if !slices.Equal(at, want) {
			t.Errorf("C1 sent at %v, want %v", at, want)
		}
		other := ls.reserve("C2")
		if err := other.pace(t.Context()); err != nil {
			t.Fatal(err)
		}
		if d := time.Since(start); d != 3*time.Second {
			t.Errorf("C2's first message waited until %v, want no wait (at 3s)", d)
		}
		other.release()
	})
}

// TestLanesServeInOrder reserves three tickets in one channel and checks
// each waits for the one before it, whatever order the goroutines run in.
func TestLanesServeInOrder(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ls := newLanes(5, time.Second)
		tickets := []*ticket{ls.reserve("C"), ls.reserve("C"), ls.reserve("C")}
		var mu sync.Mutex
		var order []int
		var wg sync.WaitGroup
		for i := len(tickets) - 1; i >= 0; i-- {
			wg.Go(func() {
				if err := tickets[i].wait(t.Context()); err != nil {
					t.Error(err)
				}
				mu.Lock()
				order = append(order, i)
				mu.Unlock()
				time.Sleep(time.Second) // holding the turn: a fake second
				tickets[i].release()
			})
		}
		wg.Wait()
		if !slices.Equal(order, []int{0, 1, 2}) {
			t.Errorf("turns went %v, want [0 1 2]", order)
		}
	})
}

// TestLanesWaitEndsWithContext checks a ticket waiting behind another, or
// for a token, gives up when its context ends.
func TestLanesWaitEndsWithContext(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ls := newLanes(1, time.Minute)
		first := ls.reserve("C")
		defer first.release()
		if err := first.pace(t.Context()); err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(t.Context(), time.Second)
		defer cancel()
		if err := first.pace(ctx); err == nil {
			t.Error("pace with an empty bucket returned nil before its context ended")
		}
		second := ls.reserve("C")
		defer second.release()
		ctx2, cancel2 := context.WithTimeout(t.Context(), time.Second)
		defer cancel2()
		if err := second.wait(ctx2); err == nil {
			t.Error("wait behind a held turn returned nil before its context ended")
		}
	})
}
