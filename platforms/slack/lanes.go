package slack

import (
	"context"
	"sync"
	"time"
)

// lanes keeps one first-come-first-served queue per channel, so a channel's
// answers go out in the order its questions came in, one message at a time
// and at most one every interval. Queues hold no goroutine: a caller takes
// a ticket, waits for its turn, sends, and releases.
type lanes struct {
	interval time.Duration

	mu sync.Mutex
	m  map[string]*lane
}

// lane is one channel's queue: tail is the turn of the latest ticket, next
// the earliest time its next message may go.
type lane struct {
	tail chan struct{} // closed when the latest ticket is released
	next time.Time
	refs int
}

// ticket is a place in a channel's queue.
type ticket struct {
	ls      *lanes
	channel string
	l       *lane
	prev    <-chan struct{} // closed when the ticket before this one is released
	mine    chan struct{}
	once    sync.Once
}

func newLanes(interval time.Duration) *lanes {
	return &lanes{interval: interval, m: map[string]*lane{}}
}

// reserve takes the next place in channel's queue. The caller must release
// the ticket, whatever happens.
func (ls *lanes) reserve(channel string) *ticket {
	ls.mu.Lock()
	defer ls.mu.Unlock()
	l := ls.m[channel]
	if l == nil {
		l = &lane{}
		ls.m[channel] = l
	}
	t := &ticket{ls: ls, channel: channel, l: l, prev: l.tail, mine: make(chan struct{})}
	l.tail = t.mine
	l.refs++
	return t
}

// wait blocks until every earlier ticket of the channel is released, or
// ctx ends.
func (t *ticket) wait(ctx context.Context) error {
	if t.prev == nil {
		return ctx.Err()
	}
	select {
	case <-t.prev:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// pace blocks until the channel may take its next message, or ctx ends.
// Call it holding the turn (after wait).
func (t *ticket) pace(ctx context.Context) error {
	t.ls.mu.Lock()
	d := time.Until(t.l.next)
	t.ls.mu.Unlock()
	return sleep(ctx, d)
}

// sent records that a message went out (or was refused) now, and that the
// next may go after the interval or after, when longer, retryAfter.
func (t *ticket) sent(retryAfter time.Duration) {
	t.ls.mu.Lock()
	defer t.ls.mu.Unlock()
	t.l.next = time.Now().Add(max(t.ls.interval, retryAfter))
}

// release hands the turn to the next ticket. It is idempotent. A lane
// nobody waits on is forgotten once its pacing has run out, so the map stays
// as small as the set of busy channels.
func (t *ticket) release() {
	t.once.Do(func() {
		close(t.mine)
		t.ls.mu.Lock()
		defer t.ls.mu.Unlock()
		t.l.refs--
		if len(t.ls.m) > 64 {
			now := time.Now()
			for ch, l := range t.ls.m {
				if l.refs == 0 && !now.Before(l.next) {
					delete(t.ls.m, ch)
				}
			}
		}
	})
}

// sleep waits for d or until ctx ends, and returns ctx.Err() in that case.
func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	tm := time.NewTimer(d)
	defer tm.Stop()
	select {
	case <-tm.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
