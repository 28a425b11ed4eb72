package bot_test

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
)

func london(t *testing.T) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func utc(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

func formatUTC(ts []time.Time) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.UTC().Format(time.RFC3339)
	}
	return out
}

// In Europe/London clocks go forward on 30 Mar 2025 at 01:00 GMT (to 02:00
// BST) and back on 26 Oct 2025 at 02:00 BST (to 01:00 GMT).
func TestScheduleSlotsAcrossDaylightSaving(t *testing.T) {
	tests := []struct {
		name, spec string
		from, to   string
		want       []string
	}{
		{"daily in the gap fires at the jump", "30 1 * * *", "2025-03-29T00:00:00Z", "2025-04-01T00:00:00Z",
			[]string{"2025-03-29T01:30:00Z", "2025-03-30T01:00:00Z", "2025-03-31T00:30:00Z"}},
		{"daily in the repeated hour fires once", "30 1 * * *", "2025-10-25T00:00:00Z", "2025-10-28T00:00:00Z",
			[]string{"2025-10-25T00:30:00Z", "2025-10-26T00:30:00Z", "2025-10-27T01:30:00Z"}},
		{"daily 08:00 keeps local time", "0 8 * * *", "2025-03-29T00:00:00Z", "2025-03-31T12:00:00Z",
			[]string{"2025-03-29T08:00:00Z", "2025-03-30T07:00:00Z", "2025-03-31T07:00:00Z"}},
		{"hourly when the clocks go back: every real hour", "0 * * * *", "2025-10-25T22:30:00Z", "2025-10-26T02:30:00Z",
			[]string{"2025-10-25T23:00:00Z", "2025-10-26T00:00:00Z", "2025-10-26T01:00:00Z", "2025-10-26T02:00:00Z"}},
		{"hourly when the clocks go forward: every real hour", "@hourly", "2025-03-29T23:30:00Z", "2025-03-30T02:30:00Z",
			[]string{"2025-03-30T00:00:00Z", "2025-03-30T01:00:00Z", "2025-03-30T02:00:00Z"}},
		{"weekdays", "0 8 * * 1-5", "2025-08-08T00:00:00Z", "2025-08-12T00:00:00Z",
			[]string{"2025-08-08T07:00:00Z", "2025-08-11T07:00:00Z"}},
		{"seconds field", "*/20 0 9 * * *", "2025-08-08T08:00:00Z", "2025-08-08T08:00:40Z",
			[]string{"2025-08-08T08:00:20Z", "2025-08-08T08:00:40Z"}},
		{"every: multiples since the epoch", "@every 90m", "2025-08-08T00:00:00Z", "2025-08-08T04:00:00Z",
			[]string{"2025-08-08T01:30:00Z", "2025-08-08T03:00:00Z"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := bot.ParseSchedule(tt.spec, london(t))
			if err != nil {
				t.Fatal(err)
			}
			if got := formatUTC(s.Slots(utc(tt.from), utc(tt.to))); !slices.Equal(got, tt.want) {
				t.Errorf("Slots(%s, %s) = %v, want %v", tt.from, tt.to, got, tt.want)
			}
		})
	}
}

func TestScheduleEveryFiveSecondsCountsRealTime(t *testing.T) {
	s, err := bot.ParseSchedule("*/5 * * * * *", london(t))
	if err != nil {
		t.Fatal(err)
	}
	days := []struct {
		from, to string
		hours    int
	}{
		{"2025-03-30T00:00:00Z", "2025-03-30T23:00:00Z", 23}, // local midnight to midnight: 23 h
		{"2025-10-25T23:00:00Z", "2025-10-27T00:00:00Z", 25},
	}
	for _, d := range days {
		got := s.Slots(utc(d.from), utc(d.to))
		if len(got) != d.hours*720 {
			t.Errorf("Slots(%s, %s) has %d slots, want %d", d.from, d.to, len(got), d.hours*720)
		}
		for i := 1; i < len(got); i++ {
			if gap := got[i].Sub(got[i-1]); gap != 5*time.Second {
				t.Fatalf("slots %v and %v are %v apart, want 5s", got[i-1], got[i], gap)
			}
		}
	}
}

func TestScheduleNextPrev(t *testing.T) {
	s, err := bot.ParseSchedule("30 1 * * *", london(t))
	if err != nil {
		t.Fatal(err)
	}
	at := utc("2025-03-30T00:00:00Z")
	if got, want := s.Next(at), utc("2025-03-30T01:00:00Z"); !got.Equal(want) {
		t.Errorf("Next(%v) = %v, want %v (the jump over the gap)", at, got, want)
	}
	if got, want := s.Prev(at), utc("2025-03-29T01:30:00Z"); !got.Equal(want) {
		t.Errorf("Prev(%v) = %v, want %v", at, got, want)
	}
	if got, want := s.Prev(utc("2025-03-29T01:30:00Z")), utc("2025-03-28T01:30:00Z"); !got.Equal(want) {
		t.Errorf("Prev of a slot = %v, want the slot before, %v", got, want)
	}
	leap, err := bot.ParseSchedule("0 0 29 2 *", time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := leap.Next(utc("2025-03-01T00:00:00Z")), utc("2028-02-29T00:00:00Z"); !got.Equal(want) {
		t.Errorf("Next leap day = %v, want %v", got, want)
	}
}

func TestParseScheduleRejects(t *testing.T) {
	for _, spec := range []string{"", "0 8 * *", "61 * * * *", "CRON_TZ=Europe/London 0 8 * * *", "@fortnightly"} {
		if _, err := bot.ParseSchedule(spec, time.UTC); err == nil {
			t.Errorf("ParseSchedule(%q) = nil error", spec)
		}
	}
	if _, err := bot.ParseSchedule("0 0 30 2 *", time.UTC); !errors.Is(err, bot.ErrNeverFires) {
		t.Errorf("ParseSchedule(Feb 30) = %v, want ErrNeverFires", err)
	}
}

// BenchmarkSlotsEveryFiveSeconds expands what one scheduler pass of a
// "*/5 * * * * *" digest with a max_lateness of 6h compares with the
// ledger: 4320 slots.
func BenchmarkSlotsEveryFiveSeconds(b *testing.B) {
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		b.Fatal(err)
	}
	s, err := bot.ParseSchedule("*/5 * * * * *", loc)
	if err != nil {
		b.Fatal(err)
	}
	now := utc("2025-08-11T12:00:00Z")
	for b.Loop() {
		if n := len(s.Slots(now.Add(-6*time.Hour), now)); n != 4320 {
			b.Fatalf("%d slots, want 4320", n)
		}
	}
}
