package bot

import (
	"fmt"
	"math"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// Limits configure flood control: how many messages one user, and one
// channel, may send (a token bucket each: PerMinute on average, Burst at
// once), and, when Expensive is set, one expensive query (a question,
// summary, who said what, what did, deadline status, timeline, search)
// at a time per user. The zero value turns flood control off; the console
// is never limited (its user owns the process). Digests are no messages:
// they are never limited.
type Limits struct {
	UserPerMinute    float64
	UserBurst        int
	ChannelPerMinute float64
	ChannelBurst     int
	Expensive        bool // one expensive query in flight per user
	// Clock is the limits' clock, time.Now when nil. It is not Options.Now,
	// which dates answers and which tests fix.
	Clock func() time.Time
}

// DefaultLimits are the limits briefbot runs with unless configured: a
// user 20 messages a minute, 10 at once; a channel 60 a minute, 20 at
// once; one expensive query per user in flight.
func DefaultLimits() Limits {
	return Limits{UserPerMinute: 20, UserBurst: 10, ChannelPerMinute: 60, ChannelBurst: 20, Expensive: true}
}

// expensiveCommands are the commands that go over the whole corpus; a
// question ("question") is one of them.
var expensiveCommands = map[string]bool{
	"question": true, "summary": true, "who said what": true, "what did": true,
	"deadline status": true, "timeline": true, "search": true,
}

// flood enforces Limits. It is safe for concurrent use.
type flood struct {
	clock    func() time.Time
	user     *buckets // nil when users are not limited
	channel  *buckets // nil when channels are not limited
	perMin   float64  // the user's rate, for the busy reply
	oneQuery bool

	mu       sync.Mutex
	inflight map[string]bool // "platform:user" with an expensive query running
	typical  time.Duration   // a moving average of expensive queries' time
}

func newFlood(l Limits) *flood {
	f := &flood{clock: l.Clock, oneQuery: l.Expensive, perMin: l.UserPerMinute, inflight: map[string]bool{}}
	if f.clock == nil {
		f.clock = time.Now
	}
	f.user = newBuckets(l.UserPerMinute, l.UserBurst)
	f.channel = newBuckets(l.ChannelPerMinute, l.ChannelBurst)
	return f
}

// admit takes one message of m's author and channel from their buckets.
// When either is empty it takes nothing and returns the reply saying when
// to try again.
func (f *flood) admit(m Message) (*Reply, bool) {
	if m.Platform == "console" {
		return nil, true
	}
	now := f.clock()
	ru := f.user.reserve(m.Platform+":"+m.User, now)
	rc := f.channel.reserve(m.Platform+":"+m.Channel, now)
	du, dc := delay(ru, now), delay(rc, now)
	if du == 0 && dc == 0 {
		return nil, true
	}
	cancel(ru, now)
	cancel(rc, now)
	r := Reply{Title: "Busy"}
	if du >= dc {
		r.Text = fmt.Sprintf("You are sending messages faster than I can answer them (about %s a minute). Please try again in %s.",
			trimFloat(f.perMin), seconds(du))
	} else {
		r.Text = fmt.Sprintf("This channel is sending messages faster than I can answer them. Please try again in %s.", seconds(dc))
	}
	return &r, false
}

// startQuery marks an expensive query of m's author as in flight; done
// ends it. When one already is, it returns the busy reply instead.
func (f *flood) startQuery(m Message) (done func(), busy *Reply) {
	if !f.oneQuery || m.Platform == "console" {
		return func() {}, nil
	}
	key := m.Platform + ":" + m.User
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.inflight[key] {
		wait := max(f.typical, time.Second)
		return nil, &Reply{Title: "Busy", Text: fmt.Sprintf("I am still answering your previous question. Please try again in %s.", seconds(wait))}
	}
	f.inflight[key] = true
	start := f.clock()
	return func() {
		took := f.clock().Sub(start)
		f.mu.Lock()
		defer f.mu.Unlock()
		delete(f.inflight, key)
		f.typical = (3*f.typical + took) / 4
	}, nil
}

// buckets are token buckets by key. A bucket idle long enough to be full
// again is dropped (sweep), so the map holds only the recently active.
type buckets struct {
	limit rate.Limit
	burst int
	full  time.Duration // an idle bucket is full again after this long

	mu    sync.Mutex
	m     map[string]*bucket
	swept time.Time
}

type bucket struct {
	lim  *rate.Limiter
	last time.Time
}

// sweepEvery is how often buckets drops its full ones.
const sweepEvery = time.Minute

// newBuckets returns buckets of perMinute and burst, nil (no limit) when
// either is 0 or less.
func newBuckets(perMinute float64, burst int) *buckets {
	if perMinute <= 0 || burst <= 0 {
		return nil
	}
	lim := rate.Limit(perMinute / 60)
	return &buckets{limit: lim, burst: burst, m: map[string]*bucket{},
		full: time.Duration(float64(burst) / float64(lim) * float64(time.Second))}
}

// reserve takes a token of key's bucket at now; nil when bs is nil.
func (bs *buckets) reserve(key string, now time.Time) *rate.Reservation {
	if bs == nil {
		return nil
	}
	bs.mu.Lock()
	defer bs.mu.Unlock()
	if now.Sub(bs.swept) >= sweepEvery {
		for k, b := range bs.m {
			if now.Sub(b.last) >= bs.full {
				delete(bs.m, k)
			}
		}
		bs.swept = now
	}
	b := bs.m[key]
	if b == nil {
		b = &bucket{lim: rate.NewLimiter(bs.limit, bs.burst)}
		bs.m[key] = b
	}
	b.last = now
	return b.lim.ReserveN(now, 1)
}

// len returns the number of buckets held, for tests.
func (bs *buckets) len() int {
	bs.mu.Lock()
	defer bs.mu.Unlock()
	return len(bs.m)
}

func delay(r *rate.Reservation, now time.Time) time.Duration {
	if r == nil {
		return 0
	}
	if !r.OK() {
		return time.Minute // unreachable: burst is at least 1
	}
	return r.DelayFrom(now)
}

func cancel(r *rate.Reservation, now time.Time) {
	if r != nil {
		r.CancelAt(now)
	}
}

// seconds says d in whole seconds, rounded up: "1 second", "4 seconds".
func seconds(d time.Duration) string {
	return plural(max(1, int(math.Ceil(d.Seconds()))), "second")
}

// trimFloat formats v without a trailing ".0".
func trimFloat(v float64) string {
	return fmt.Sprintf("%g", math.Round(v*10)/10)
}
