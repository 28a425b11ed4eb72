package discord

import (
	"context"
	"sync"
	"time"
)

// Pacing defaults: Discord lets a bot post about five messages per five
// seconds in one channel, so a channel gets a burst of five and then one
// message a second.
const (
	DefaultPostBurst    = 5
	DefaultPostInterval = time.Second
)

// lanes keeps one first-come-first-served queue per channel, so the
// messages of one answer or post are never interleaved with another's in
// the same channel, and paces each channel with a token bucket (burst
// tokens, one more every interval) so the bot stays under Discord's
// per-channel limit instead of running into 429s. Queues hold no
// goroutine: a caller takes a ticket, waits for its turn, paces each
// message, and releases.
type lanes struct {
	burst    int
	interval time.Duration

	mu sync.Mutex
	m  map[string]*lane
}

// lane is one channel's queue: tail is closed when its latest ticket is
// released; tokens is the bucket's level at last.
type lane struct {
	tail   chan struct{}
	tokens float64
	last   time.Time
	refs   int
}

// ticket is a place in a channel's queue.
type ticket struct {
	ls   *lanes
	key  string
	l    *lane
	prev <-chan struct{} // closed when the ticket before this one is released
	mine chan struct{}
	once sync.Once
}

func newLanes(burst int, interval time.Duration) *lanes {
	return &lanes{burst: max(burst, 1), interval: interval, m: map[string]*lane{}}
}

// reserve takes the next place in channel's queue. The caller must release
// the ticket, whatever happens.
func (ls *lanes) reserve(channel string) *ticket {
	ls.mu.Lock()
	defer ls.mu.Unlock()
	l := ls.m[channel]
	if l == nil {
		l = &lane{tokens: float64(ls.burst), last: time.Now()}
		ls.m[channel] = l
	}
	t := &ticket{ls: ls, key: channel, l: l, prev: l.tail, mine: make(chan struct{})}
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

// pace blocks until the channel's bucket holds a token and takes it, or
// ctx ends. Call it holding the turn (after wait), once per message.
func (t *ticket) pace(ctx context.Context) error {
	for {
		t.ls.mu.Lock()
		t.l.refill(t.ls)
		if t.l.tokens >= 1 {
			t.l.tokens--
			t.ls.mu.Unlock()
			return ctx.Err()
		}
		d := time.Duration((1 - t.l.tokens) * float64(t.ls.interval))
		t.ls.mu.Unlock()
		if err := sleep(ctx, max(d, time.Millisecond)); err != nil {
			return err
		}
	}
}

// refill adds the tokens earned since l.last. Call it under ls.mu.
func (l *lane) refill(ls *lanes) {
	now := time.Now()
	if ls.interval <= 0 {
		l.tokens = float64(ls.burst)
	} else {
		l.tokens = min(float64(ls.burst), l.tokens+float64(now.Sub(l.last))/float64(ls.interval))
	}
	l.last = now
}

// release hands the turn to the next ticket. It is idempotent. A lane
// nobody waits on whose bucket is full again is forgotten, so the map
// stays as small as the set of busy channels.
func (t *ticket) release() {
	t.once.Do(func() {
		close(t.mine)
		t.ls.mu.Lock()
		defer t.ls.mu.Unlock()
		t.l.refs--
		if len(t.ls.m) > 64 {
			for ch, l := range t.ls.m {
				if l.refs == 0 {
					l.refill(t.ls)
					if l.tokens >= float64(t.ls.burst) {
						delete(t.ls.m, ch)
					}
				}
			}
		}
	})
}
