package slack

import (
	"testing"
	"time"
)

func TestSeenSet(t *testing.T) {
	now := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	s := newSeenSet(time.Minute, 3, func() time.Time { return now })
	steps := []struct {
		keys    []string
		advance time.Duration
		want    bool
	}{
		{[]string{"event:1", "msg:C/1"}, 0, true},
		{[]string{"event:1"}, 0, false},            // a redelivery
		{[]string{"event:2", "msg:C/1"}, 0, false}, // the same message as another event
		{[]string{"event:3", ""}, 0, true},         // empty keys are ignored
		{[]string{"event:1"}, time.Minute, true},   // forgotten after the TTL
		{[]string{"event:4"}, 0, true},             //
		{[]string{"event:5"}, 0, true},             //
		{[]string{"event:6"}, 0, true},             // over the limit of 3: event:1 (the oldest) goes
		{[]string{"event:1"}, 0, true},             //
		{[]string{"event:6"}, 0, false},            //
	}
	for i, st := range steps {
		now = now.Add(st.advance)
		if got := s.add(st.keys...); got != st.want {
			t.Errorf("step %d: add(%q) = %v, want %v", i, st.keys, got, st.want)
		}
		if len(s.at) > 3 {
			t.Errorf("step %d: %d keys kept, limit 3", i, len(s.at))
		}
	}
}
