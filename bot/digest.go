package bot

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Digest is a scheduled digest: what cmd/briefbot copies in from a config
// file's digests, or a channel's chat subscription.
type Digest struct {
	Name     string // unique per platform and channel
	Schedule string // cron: 5 fields, an optional leading seconds field, or @daily, @hourly, @every D
	Location *time.Location
	Platform string // "slack", "discord" or "console"
	Channel  string
	Topic    string // "" for every article

	// Window admits backlog articles (those present when the ledger was
	// created) published within Window before the slot.
	Window time.Duration
	// CatchUp says which slots missed while no scheduler ran are posted.
	CatchUp CatchUp
	// MaxLateness is how long after its slot a digest may still be posted,
	// retries included.
	MaxLateness time.Duration
	// Empty says whether a run with nothing new posts "nothing new".
	Empty Empty

	// Subscription is the chat subscription the digest comes from; nil
	// for a configured digest, which chat cannot remove.
	Subscription *Subscription
}

// CatchUp is a policy for slots missed while no scheduler ran.
type CatchUp string

// The catch-up policies. Slots still younger than MaxLateness are the only
// ones ever posted.
const (
	CatchUpSkip   CatchUp = "skip"   // post none of them
	CatchUpLatest CatchUp = "latest" // post the last one
	CatchUpAll    CatchUp = "all"    // post each, oldest first
)

// Empty is a policy for a run with nothing new.
type Empty string

// The empty policies.
const (
	EmptySkip Empty = "skip" // post nothing
	EmptyPost Empty = "post" // post "Nothing new since …"
)

// The settings of a chat subscription, which only names a time and zone.
const (
	subscriptionName        = "daily"
	subscriptionWindow      = 24 * time.Hour
	subscriptionMaxLateness = 6 * time.Hour
)

// Key returns the digest's ledger key.
func (d Digest) Key() DigestKey {
	return DigestKey{Name: d.Name, Platform: d.Platform, Channel: d.Channel}
}

// digest is a Digest with its schedule parsed.
type digest struct {
	Digest
	sched *Schedule
}

// newDigest checks d and parses its schedule.
func newDigest(d Digest) (digest, error) {
	var errs []error
	if d.Name == "" || strings.ContainsAny(d.Name, "/\x00") {
		errs = append(errs, fmt.Errorf("name %q is empty or holds a slash", d.Name))
	}
	if d.Platform == "" || d.Channel == "" {
		errs = append(errs, errors.New("platform and channel are required"))
	}
	if d.CatchUp != CatchUpSkip && d.CatchUp != CatchUpLatest && d.CatchUp != CatchUpAll {
		errs = append(errs, fmt.Errorf("catch_up %q is not skip, latest or all", d.CatchUp))
	}
	if d.Empty != EmptySkip && d.Empty != EmptyPost {
		errs = append(errs, fmt.Errorf("empty %q is not skip or post", d.Empty))
	}
	if d.MaxLateness <= 0 || d.Window < 0 {
		errs = append(errs, fmt.Errorf("max_lateness %v must be positive and window %v not negative", d.MaxLateness, d.Window))
	}
	s, err := ParseSchedule(d.Schedule, d.Location)
	if err != nil {
		errs = append(errs, err)
	}
	if err := errors.Join(errs...); err != nil {
		return digest{}, fmt.Errorf("digest %s: %w", d.Key(), err)
	}
	d.Location = s.Location()
	return digest{Digest: d, sched: s}, nil
}

// subscriptionDigest turns a chat subscription into its daily digest: the
// articles of the last day, the latest missed run caught up within six
// hours, nothing posted when nothing is new.
func subscriptionDigest(sub Subscription) (Digest, error) {
	hh, mm, err := parseClock(sub.At)
	if err != nil {
		return Digest{}, err
	}
	loc, err := time.LoadLocation(sub.Timezone)
	if err != nil {
		return Digest{}, fmt.Errorf("time zone %q: %w", sub.Timezone, err)
	}
	return Digest{
		Name: subscriptionName, Schedule: fmt.Sprintf("%d %d * * *", mm, hh), Location: loc,
		Platform: sub.Platform, Channel: sub.Channel,
		Window: subscriptionWindow, CatchUp: CatchUpLatest, MaxLateness: subscriptionMaxLateness, Empty: EmptySkip,
		Subscription: &sub,
	}, nil
}

// parseClock reads "08:00" or "8:00" as hours and minutes.
func parseClock(s string) (hh, mm int, err error) {
	h, m, ok := strings.Cut(strings.TrimSpace(s), ":")
	if ok {
		hh, err = strconv.Atoi(h)
		if err == nil {
			mm, err = strconv.Atoi(m)
		}
	}
	if !ok || err != nil || len(m) != 2 || hh < 0 || hh > 23 || mm < 0 || mm > 59 {
		return 0, 0, fmt.Errorf("%q is not a time of day like 08:00", s)
	}
	return hh, mm, nil
}
