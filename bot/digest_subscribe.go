package bot

import (
	"context"
	"fmt"
	"slices"
	"strings"
)

// isAdmin reports whether m's author is among the scheduler's own admins
// (SchedulerOptions.Admins), who may run every admin command too.
func (s *Scheduler) isAdmin(m Message) bool { return isAdmin(s.admins, m) }

// adminScheduler returns the scheduler for an admin command, or the reply
// refusing it: digests are off (no scheduler, or no subscriptions when
// needSubs). Only admins get here: Bot.admin checked m's author.
func (b *Bot) adminScheduler(title string, _ Message, needSubs bool) (*Scheduler, *Reply) {
	s := b.sched.Load()
	if s == nil || needSubs && s.subs == nil {
		r := digestsOff(title)
		return nil, &r
	}
	return s, nil
}

// subscribe answers `subscribe daily HH:MM [TZ]`: this channel gets a
// daily digest at that time, replacing its previous subscription.
func subscribe(ctx context.Context, b *Bot, m Message, _ request) (Reply, error) {
	const title = "Subscribe"
	s, refused := b.adminScheduler(title, m, true)
	switch {
	case refused != nil:
		return *refused, nil
	case s.platforms[m.Platform] == nil:
		return Reply{Title: title, Text: fmt.Sprintf("Digests cannot be posted to %s by this briefbot.", m.Platform)}, nil
	}
	usage := "Say `subscribe daily HH:MM [TIMEZONE]`, e.g. `subscribe daily 08:00 Europe/London` (the zone defaults to UTC)."
	args := argsAfter(m.Text, "subscribe")
	if len(args) < 2 || len(args) > 3 || !strings.EqualFold(args[0], "daily") {
		return Reply{Title: title, Text: usage}, nil
	}
	sub := Subscription{Platform: m.Platform, Channel: m.Channel, At: args[1], Timezone: "UTC", By: m.User, Created: b.now()}
	if len(args) == 3 {
		sub.Timezone = args[2]
	}
	hh, mm, err := parseClock(sub.At)
	if err != nil {
		return Reply{Title: title, Text: fmt.Sprintf("%s is not a time of day. %s", quoted(inert(printable(sub.At))), usage)}, nil
	}
	sub.At = fmt.Sprintf("%02d:%02d", hh, mm)
	d, err := subscriptionDigest(sub)
	if err != nil {
		return Reply{Title: title, Text: fmt.Sprintf("%s is not a time zone I know: use an IANA name such as Europe/London or America/New_York.", quoted(inert(printable(sub.Timezone))))}, nil
	}
	for _, c := range s.static {
		if c.Key() == d.Key() {
			return Reply{Title: title, Text: fmt.Sprintf("The configuration file already posts a digest named %s here.", d.Name)}, nil
		}
	}
	dg, err := newDigest(d)
	if err != nil {
		return Reply{}, err
	}
	if err := s.subs.Subscribe(ctx, sub); err != nil {
		return Reply{}, err
	}
	s.poke()
	next := dg.sched.Next(sub.Created)
	return Reply{Title: title, Text: fmt.Sprintf("This channel now gets a daily digest at %s %s of the articles that are new since the one before; the first on %s.",
		sub.At, sub.Timezone, next.In(dg.Location).Format("Mon 2 Jan 2006 15:04 MST"))}, nil
}

// unsubscribe answers `unsubscribe`: the channel's subscription ends.
// Configured digests stay: only the configuration file removes them.
func unsubscribe(ctx context.Context, b *Bot, m Message, _ request) (Reply, error) {
	const title = "Unsubscribe"
	s, refused := b.adminScheduler(title, m, true)
	if refused != nil {
		return *refused, nil
	}
	ok, err := s.subs.Unsubscribe(ctx, m.Platform, m.Channel)
	if err != nil {
		return Reply{}, err
	}
	s.poke()
	r := Reply{Title: title, Text: "This channel had no subscription."}
	if ok {
		r.Text = "This channel's daily digest is cancelled."
	}
	var kept []string
	for _, d := range s.static {
		if d.Platform == m.Platform && d.Channel == m.Channel {
			kept = append(kept, d.Name)
		}
	}
	if len(kept) > 0 {
		r.Text += fmt.Sprintf(" The configuration file's digests (%s) stay: chat cannot remove them.", strings.Join(kept, ", "))
	}
	return r, nil
}

// schedules answers `schedules`: every digest on the platform, configured
// or subscribed, with its next run.
func schedules(ctx context.Context, b *Bot, m Message, _ request) (Reply, error) {
	const title = "Schedules"
	s, refused := b.adminScheduler(title, m, false)
	if refused != nil {
		return *refused, nil
	}
	all, err := s.digests(ctx)
	if err != nil {
		return Reply{}, err
	}
	all = slices.DeleteFunc(all, func(d digest) bool { return d.Platform != m.Platform })
	r := Reply{Title: title}
	if len(all) == 0 {
		r.Text = fmt.Sprintf("No digest is scheduled on %s.", m.Platform)
		return r, nil
	}
	r.Text = fmt.Sprintf("%s on %s.", plural(len(all), "digest"), m.Platform)
	now := b.now()
	var items []Item
	for _, d := range all {
		line := fmt.Sprintf("%s in %s — %s", d.Name, d.Channel, d.sched)
		if d.Topic != "" {
			line += ", on " + quoted(d.Topic)
		}
		if next := d.sched.Next(now); !next.IsZero() {
			line += "; next " + next.In(d.Location).Format("Mon 2 Jan 2006 15:04 MST")
		}
		items = append(items, Item{Text: line + ". " + origin(d), Source: -1})
	}
	r.Sections = []Section{{Items: items}}
	return r, nil
}

// argsAfter returns the words of text after the first word that is word
// (ignoring case and a leading "!" or "/"), as typed: "subscribe daily
// 08:00 Europe/London" keeps its colon and slash, which parse drops.
func argsAfter(text, word string) []string {
	fs := strings.Fields(text)
	for i, f := range fs {
		if strings.EqualFold(strings.TrimLeft(f, "!/"), word) {
			return fs[i+1:]
		}
	}
	return nil
}
