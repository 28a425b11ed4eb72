package slack

import (
	"sync"
	"time"
)

// seenSet remembers keys (event IDs, message timestamps) for ttl, and at
// most limit of them, oldest dropped first, so memory stays bounded however
// long the bot runs. It is safe for concurrent use.
type seenSet struct {
	ttl   time.Duration
	limit int
	now   func() time.Time

	mu    sync.Mutex
	at    map[string]time.Time
	queue []seenEntry // in insertion order; queue[head:] are live
	head  int
}

type seenEntry struct {
	key string
	at  time.Time
}

func newSeenSet(ttl time.Duration, limit int, now func() time.Time) *seenSet {
	return &seenSet{ttl: ttl, limit: limit, now: now, at: map[string]time.Time{}}
}

// add records keys and reports whether none of them was seen within the
// TTL: true means "new, handle it", false "a repeat, drop it". Empty keys
// are ignored.
func (s *seenSet) add(keys ...string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	s.expire(now)
	for _, k := range keys {
		if _, ok := s.at[k]; ok && k != "" {
			return false
		}
	}
	for _, k := range keys {
		if k == "" {
			continue
		}
		s.at[k] = now
		s.queue = append(s.queue, seenEntry{k, now})
	}
	for len(s.at) > s.limit {
		s.drop()
	}
	return true
}

// expire drops the entries older than the TTL.
func (s *seenSet) expire(now time.Time) {
	for s.head < len(s.queue) && now.Sub(s.queue[s.head].at) >= s.ttl {
		s.drop()
	}
}

// drop forgets the oldest entry and compacts the queue when half of it is
// dead.
func (s *seenSet) drop() {
	e := s.queue[s.head]
	if s.at[e.key].Equal(e.at) {
		delete(s.at, e.key)
	}
	s.queue[s.head] = seenEntry{}
	s.head++
	if s.head > len(s.queue)/2 {
		s.queue = append(s.queue[:0:0], s.queue[s.head:]...)
		s.head = 0
	}
}
