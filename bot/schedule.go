package bot

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/robfig/cron/v3"
)

// cronParser accepts what a digest's schedule may be: 5 fields, an
// optional leading seconds field, or a descriptor (@daily, @hourly,
// @every 1h…). config validates with the same options.
var cronParser = cron.NewParser(cron.SecondOptional | cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow | cron.Descriptor)

// starBit marks a cron field written as "*" (robfig/cron keeps it
// unexported); it changes how day-of-month and day-of-week combine.
const starBit = 1 << 63

// allHours is the Hour bitmask of a field matching every hour.
const allHours = 1<<24 - 1

// Schedule is a parsed digest schedule in a time zone. Its slots are
// computed on the wall clock of the zone, so a daylight-saving change
// neither drops nor doubles a digest:
//
//   - a wall time the clocks jump over (01:30 when 01:00 becomes 02:00) fires
//     at the jump, once, however many slots fell into the gap;
//   - a wall time that happens twice (01:30 when 02:00 becomes 01:00) fires
//     once, at its first occurrence, unless the schedule runs every hour
//     ("*/5 * * * * *", "@hourly"), in which case both occurrences fire, as
//     the hours really pass twice.
//
// "@every D" is a fixed interval: its slots are the whole multiples of D
// since 1970-01-01 00:00 UTC, so every process agrees on them.
type Schedule struct {
	spec  string
	loc   *time.Location
	cron  *cron.SpecSchedule // nil for @every
	every time.Duration
}

// ParseSchedule parses spec in loc (UTC when nil). A "TZ=" or "CRON_TZ="
// prefix is refused: the digest's timezone says where it runs.
func ParseSchedule(spec string, loc *time.Location) (*Schedule, error) {
	if loc == nil {
		loc = time.UTC
	}
	if strings.HasPrefix(spec, "TZ=") || strings.HasPrefix(spec, "CRON_TZ=") {
		return nil, fmt.Errorf("parse schedule %q: give the time zone as the digest's timezone, not in the schedule", spec)
	}
	parsed, err := cronParser.Parse(spec)
	if err != nil {
		return nil, fmt.Errorf("parse schedule %q: %w", spec, err)
	}
	s := &Schedule{spec: spec, loc: loc}
	switch p := parsed.(type) {
	case *cron.SpecSchedule:
		s.cron = p
	case cron.ConstantDelaySchedule:
		s.every = p.Delay
	default:
		return nil, fmt.Errorf("parse schedule %q: unsupported schedule %T", spec, parsed)
	}
	if s.Next(time.Unix(0, 0)).IsZero() && s.Next(time.Now()).IsZero() {
		return nil, fmt.Errorf("parse schedule %q: %w", spec, ErrNeverFires)
	}
	return s, nil
}

// ErrNeverFires is wrapped by ParseSchedule for a schedule with no slot
// in five years ("0 0 30 2 *").
var ErrNeverFires = errors.New("the schedule never fires")

// String returns the schedule as written, with its zone: "0 8 * * 1-5
// (Europe/London)".
func (s *Schedule) String() string { return s.spec + " (" + s.loc.String() + ")" }

// Location returns the schedule's time zone.
func (s *Schedule) Location() *time.Location { return s.loc }

// Slots returns the slots in (from, to], in order, without repeats.
func (s *Schedule) Slots(from, to time.Time) []time.Time {
	if !to.After(from) {
		return nil
	}
	if s.cron == nil {
		return s.everySlots(from, to)
	}
	// Far from a clock change a wall time names exactly one instant. Near
	// one, a wall time may be up to a few hours from the instants it names:
	// look that much further, and resolve each wall time the slow way.
	steady := s.steady(from.Add(-30*time.Hour), to.Add(30*time.Hour))
	margin := time.Duration(0)
	if !steady {
		margin = 3 * time.Hour
	}
	lo, hi := naive(from.In(s.loc)).Add(-margin), naive(to.In(s.loc)).Add(margin)
	var out []time.Time
	for day := civil(lo); !day.After(hi); day = day.AddDate(0, 0, 1) {
		if !s.dayMatches(day) {
			continue
		}
		for h := range 24 {
			hour := day.Add(time.Duration(h) * time.Hour)
			if s.cron.Hour&(1<<h) == 0 || hour.Add(time.Hour).Before(lo) || hour.After(hi) {
				continue
			}
			for m := range 60 {
				if s.cron.Minute&(1<<m) == 0 {
					continue
				}
				for sec := range 60 {
					w := hour.Add(time.Duration(m)*time.Minute + time.Duration(sec)*time.Second)
					if s.cron.Second&(1<<sec) == 0 || w.Before(lo) || w.After(hi) {
						continue
					}
					if steady {
						out = append(out, time.Date(w.Year(), w.Month(), w.Day(), h, m, sec, 0, s.loc))
						continue
					}
					out = append(out, s.instants(w)...)
				}
			}
		}
	}
	out = slices.DeleteFunc(out, func(t time.Time) bool { return !t.After(from) || t.After(to) })
	slices.SortFunc(out, time.Time.Compare)
	return slices.CompactFunc(out, time.Time.Equal)
}

// horizon is how far Next and Prev look.
const horizon = 5 * 366 * 24 * time.Hour

// steady reports whether the zone's offset stays the same from a to b.
func (s *Schedule) steady(a, b time.Time) bool {
	start, end := a.In(s.loc).ZoneBounds()
	return (start.IsZero() || !start.After(a)) && (end.IsZero() || end.After(b))
}

// Next returns the first slot after t, or the zero time when there is
// none within five years.
func (s *Schedule) Next(t time.Time) time.Time {
	span := time.Minute
	if s.cron != nil {
		// robfig/cron's answer is right but for clock changes: search up to
		// it (it may have skipped a slot in a gap), or beyond.
		hint := *s.cron
		hint.Location = s.loc
		if h := hint.Next(t); !h.IsZero() {
			span = min(max(h.Sub(t), time.Second), horizon)
		}
	}
	for ; ; span = min(span*4, horizon) {
		if ss := s.Slots(t, t.Add(span)); len(ss) > 0 {
			return ss[0]
		}
		if span == horizon {
			return time.Time{}
		}
	}
}

// Prev returns the last slot before t, or the zero time when there is none
// within five years.
func (s *Schedule) Prev(t time.Time) time.Time {
	t = t.Add(-time.Nanosecond) // Slots' upper bound is inclusive
	for span := time.Minute; ; span = min(span*4, horizon) {
		if ss := s.Slots(t.Add(-span), t); len(ss) > 0 {
			return ss[len(ss)-1]
		}
		if span == horizon {
			return time.Time{}
		}
	}
}

// everySlots returns the multiples of s.every in (from, to].
func (s *Schedule) everySlots(from, to time.Time) []time.Time {
	d := s.every
	// Integer division rounds toward zero; step back one interval so the
	// first multiple after from is never missed, then filter.
	t := time.Unix(0, 0).Add(from.Sub(time.Unix(0, 0)).Truncate(d) - d)
	var out []time.Time
	for ; !t.After(to); t = t.Add(d) {
		if t.After(from) {
			out = append(out, t.In(s.loc))
		}
	}
	return out
}

// dayMatches applies cron's rule: when either day field is "*", both must
// match; otherwise either may.
func (s *Schedule) dayMatches(day time.Time) bool {
	c := s.cron
	if c.Month&(1<<uint(day.Month())) == 0 {
		return false
	}
	dom := c.Dom&(1<<uint(day.Day())) != 0
	dow := c.Dow&(1<<uint(day.Weekday())) != 0
	if c.Dom&starBit != 0 || c.Dow&starBit != 0 {
		return dom && dow
	}
	return dom || dow
}

// instants returns the instants at which the zone's clock shows the wall
// time w (a time in UTC standing for a wall reading): none is impossible,
// since a wall time in a gap is moved to the end of the gap; two when the
// clocks go back over w and the schedule runs every hour, else the first.
func (s *Schedule) instants(w time.Time) []time.Time {
	var hits []time.Time
	var after time.Time // a candidate whose clock reads later than w: in a gap
	for _, probe := range []time.Time{w.Add(-30 * time.Hour), w, w.Add(30 * time.Hour)} {
		_, off := probe.In(s.loc).Zone()
		t := w.Add(-time.Duration(off) * time.Second)
		switch lw := naive(t.In(s.loc)); {
		case lw.Equal(w):
			hits = append(hits, t)
		case lw.After(w) && (after.IsZero() || t.Before(after)):
			after = t
		}
	}
	slices.SortFunc(hits, time.Time.Compare)
	hits = slices.CompactFunc(hits, time.Time.Equal)
	switch {
	case len(hits) == 0 && !after.IsZero():
		start, _ := after.In(s.loc).ZoneBounds()
		return []time.Time{start}
	case len(hits) > 1 && s.cron.Hour&allHours != allHours:
		return hits[:1]
	}
	return hits
}

// naive returns t's wall reading as a UTC time.
func naive(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.UTC)
}

// civil returns midnight of t's wall date, as a UTC time.
func civil(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}
