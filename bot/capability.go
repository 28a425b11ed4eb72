package bot

import (
	"sync/atomic"
	"time"
)

// Readier is a capability a Platform may have: whether it is connected
// and able to answer now. A platform without it counts as ready once it
// runs.
type Readier interface {
	Ready() bool
}

// PlatformMetrics receives what a platform adapter counts. Adapters accept
// one in their Options; a nil one counts nothing (see CountRateLimited,
// CountReconnect). Its methods are called concurrently and must not block.
type PlatformMetrics interface {
	RateLimited() // the platform answered HTTP 429
	Reconnected() // the connection dropped and was made again
}

// CountRateLimited calls m.RateLimited when m is not nil.
func CountRateLimited(m PlatformMetrics) {
	if m != nil {
		m.RateLimited()
	}
}

// CountReconnect calls m.Reconnected when m is not nil.
func CountReconnect(m PlatformMetrics) {
	if m != nil {
		m.Reconnected()
	}
}

// CacheObserver counts the answer cache's lookups (Options.Cache).
type CacheObserver interface {
	CacheLookup(hit bool)
}

// Slot outcomes a SlotObserver is told, one per slot.
const (
	SlotOutcomePosted   = "posted"    // posted on time, while the scheduler ran
	SlotOutcomeCaughtUp = "caught_up" // missed while no scheduler ran, posted after
	SlotOutcomeSkipped  = "skipped"   // nothing new to post, or missed and left by the catch-up policy
	SlotOutcomeLate     = "late"      // past its max_lateness before it could be posted
	SlotOutcomeFailed   = "failed"    // the platform refused it
)

// SlotObserver is told what became of each digest slot this process ran,
// for metrics (SchedulerOptions.Observer). delay is from the slot's time to
// its post, for posted and caught-up slots. Its methods are called
// concurrently and must not block.
type SlotObserver interface {
	SlotDone(platform, outcome string, delay time.Duration)
}

// ConnState tracks an adapter's connection for Readier and PlatformMetrics:
// whether it is up now, and whether it ever was, so that every connection
// after the first counts as a reconnect. The zero value is down; it is safe
// for concurrent use.
type ConnState struct {
	up, ever atomic.Bool
}

// Up reports whether the connection is up now.
func (c *ConnState) Up() bool { return c.up.Load() }

// Connected records a connection made, counting a reconnect in m (nil
// counts nothing) when it is not the first.
func (c *ConnState) Connected(m PlatformMetrics) {
	c.up.Store(true)
	if c.ever.Swap(true) {
		CountReconnect(m)
	}
}

// Lost records the connection dropped.
func (c *ConnState) Lost() { c.up.Store(false) }
