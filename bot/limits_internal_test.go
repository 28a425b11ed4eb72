package bot

import (
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/briefbot/briefbot/corpus"
)

// fakeClock is a clock tests move by hand.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

func floodBot(t *testing.T, l Limits) (*Bot, *fakeClock) {
	t.Helper()
	clock := &fakeClock{now: time.Date(2025, 8, 11, 9, 0, 0, 0, time.UTC)}
	l.Clock = clock.Now
	b := New(Options{Now: func() time.Time { return time.Date(2025, 8, 11, 0, 0, 0, 0, time.UTC) }, Limits: l})
	if err := b.SetCorpus(t.Context(), []corpus.Article{{ID: "a", Title: "Tariffs", Body: "Tariffs rise on Monday."}}, nil); err != nil {
		t.Fatal(err)
	}
	return b, clock
}

// TestFloodLimits sends scripted messages at scripted times and checks
// which are answered and which are told to wait, and for how long.
func TestFloodLimits(t *testing.T) {
	l := Limits{UserPerMinute: 60, UserBurst: 3, ChannelPerMinute: 120, ChannelBurst: 4}
	type step struct {
		after   time.Duration // since the step before
		user    string
		channel string
		busy    string // "" when answered, else what the busy reply says
	}
	tests := []struct {
		name  string
		steps []step
	}{
		{"a user's burst, then one a second", []step{
			{0, "U1", "C1", ""}, {0, "U1", "C1", ""}, {0, "U1", "C1", ""},
			{0, "U1", "C1", "You are sending messages faster than I can answer them (about 60 a minute). Please try again in 1 second."},
			{time.Second, "U1", "C1", ""},
			{0, "U1", "C1", "try again in 1 second"},
		}},
		{"a refused message costs nothing", []step{
			{0, "U1", "C1", ""}, {0, "U1", "C1", ""}, {0, "U1", "C1", ""},
			{0, "U1", "C1", "try again"}, {0, "U1", "C1", "try again"}, {0, "U1", "C1", "try again"},
			{time.Second, "U1", "C1", ""},
		}},
		{"users are apart", []step{
			{0, "U1", "C1", ""}, {0, "U1", "C1", ""}, {0, "U1", "C1", ""}, {0, "U2", "C2", ""}, {0, "U2", "C2", ""},
		}},
		{"a channel's burst across users", []step{
			{0, "U1", "C1", ""}, {0, "U2", "C1", ""}, {0, "U3", "C1", ""}, {0, "U4", "C1", ""},
			{0, "U5", "C1", "This channel is sending messages faster than I can answer them. Please try again in 1 second."},
			{0, "U5", "C2", ""},
			{500 * time.Millisecond, "U5", "C1", ""},
		}},
		{"the console is never limited", []step{
			{0, "console", "console", ""}, {0, "console", "console", ""}, {0, "console", "console", ""},
			{0, "console", "console", ""}, {0, "console", "console", ""}, {0, "console", "console", ""},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, clock := floodBot(t, l)
			for i, s := range tt.steps {
				clock.Add(s.after)
				platform := "slack"
				if s.user == "console" {
					platform = "console"
				}
				rs, err := b.Handle(t.Context(), Message{Platform: platform, Channel: s.channel, User: s.user, Text: "help"})
				if err != nil || len(rs) != 1 {
					t.Fatalf("step %d: Handle = %+v, %v", i, rs, err)
				}
				busy := rs[0].Title == "Busy"
				switch {
				case s.busy == "" && busy:
					t.Errorf("step %d (%s in %s): told %q, want an answer", i, s.user, s.channel, rs[0].Text)
				case s.busy != "" && (!busy || !strings.Contains(rs[0].Text, s.busy)):
					t.Errorf("step %d (%s in %s): got %q %q, want busy with %q", i, s.user, s.channel, rs[0].Title, rs[0].Text, s.busy)
				}
			}
		})
	}
}

// TestFloodForgetsIdleBuckets checks the buckets of users gone quiet are
// dropped, so a workspace of many users does not grow the map for ever.
func TestFloodForgetsIdleBuckets(t *testing.T) {
	b, clock := floodBot(t, Limits{UserPerMinute: 60, UserBurst: 5, ChannelPerMinute: 60, ChannelBurst: 100})
	for _, u := range []string{"U1", "U2", "U3"} {
		if _, err := b.Handle(t.Context(), Message{Platform: "slack", Channel: "C1", User: u, Text: "help"}); err != nil {
			t.Fatal(err)
		}
	}
	if n := b.flood.user.len(); n != 3 {
		t.Fatalf("%d user buckets, want 3", n)
	}
	clock.Add(2 * time.Minute) // every bucket full again, and a sweep due
	if _, err := b.Handle(t.Context(), Message{Platform: "slack", Channel: "C1", User: "U4", Text: "help"}); err != nil {
		t.Fatal(err)
	}
	if n := b.flood.user.len(); n != 1 {
		t.Errorf("%d user buckets after the users went quiet, want 1 (U4's)", n)
	}
}

// TestOneQueryInFlight runs an expensive query that blocks until released
// and checks a second one from the same user is refused meanwhile, while
// another user's and a cheap command go through.
func TestOneQueryInFlight(t *testing.T) {
	b, _ := floodBot(t, Limits{Expensive: true})
	started, release := make(chan struct{}), make(chan struct{})
	cmds := b.cmds
	for i := range cmds {
		if cmds[i].Name == "search" {
			run := cmds[i].run
			cmds[i].run = func(b *Bot, ix *Index, req request, now time.Time) Reply {
				if req.arg == "slow" {
					close(started)
					<-release
				}
				return run(b, ix, req, now)
			}
		}
	}
	u1 := Message{Platform: "slack", Channel: "C1", User: "U1", Text: "search slow"}
	done := make(chan error, 1)
	go func() {
		_, err := b.Handle(t.Context(), u1)
		done <- err
	}()
	<-started
	tests := []struct {
		m    Message
		busy bool
	}{
		{Message{Platform: "slack", Channel: "C1", User: "U1", Text: "search tariffs"}, true},
		{Message{Platform: "slack", Channel: "C1", User: "U1", Text: "what is new on tariffs"}, true},
		{Message{Platform: "slack", Channel: "C1", User: "U1", Text: "help"}, false},
		{Message{Platform: "slack", Channel: "C1", User: "U2", Text: "search tariffs"}, false},
		{Message{Platform: "discord", Channel: "C1", User: "U1", Text: "timeline"}, false},
	}
	for _, tt := range tests {
		rs, err := b.Handle(t.Context(), tt.m)
		if err != nil || len(rs) != 1 {
			t.Fatalf("%+v: %+v, %v", tt.m, rs, err)
		}
		if busy := rs[0].Title == "Busy"; busy != tt.busy {
			t.Errorf("%s:%s %q: busy %v (%q), want %v", tt.m.Platform, tt.m.User, tt.m.Text, busy, rs[0].Text, tt.busy)
		} else if busy && !strings.Contains(rs[0].Text, "I am still answering your previous question. Please try again in 1 second.") {
			t.Errorf("busy reply %q", rs[0].Text)
		}
	}
	close(release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if rs, err := b.Handle(t.Context(), Message{Platform: "slack", Channel: "C1", User: "U1", Text: "search tariffs"}); err != nil || rs[0].Title == "Busy" {
		t.Errorf("after the slow query ended: %+v, %v", rs, err)
	}
}

// TestLimitsOff checks the zero Limits limit nothing.
func TestLimitsOff(t *testing.T) {
	b, _ := floodBot(t, Limits{})
	for i := range 100 {
		rs, err := b.Handle(t.Context(), Message{Platform: "slack", Channel: "C1", User: "U1", Text: "help"})
		if err != nil || rs[0].Title == "Busy" {
			t.Fatalf("message %d: %+v, %v", i, rs, err)
		}
	}
}
