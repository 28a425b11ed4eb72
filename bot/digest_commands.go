package bot

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// Linker is a capability a Platform may have: the link to a message it
// posted, shown by `digest status`. Without it the message ID is shown.
type Linker interface {
	// Link returns a URL that opens message messageID of channel, or ""
	// when the platform cannot build one (then the ID is shown). It makes
	// no request.
	Link(channel, messageID string) string
}

// previewWindow is what `digest` shows in a channel without a digest.
const previewWindow = 24 * time.Hour

// SetScheduler gives the digest commands their scheduler; without one,
// `digest` previews by publication date and the others say digests are
// off.
func (b *Bot) SetScheduler(s *Scheduler) { b.sched.Store(s) }

// act runs a command that depends on the conversation and may read or
// write the ledger: its answer is paged but never cached. An admin command
// goes through the permission check and the audit log (admin).
func (b *Bot) act(ctx context.Context, m Message, req request) ([]Reply, error) {
	if what, ok := adminCommands[req.cmd.Name]; ok {
		return b.admin(ctx, m, req, what)
	}
	r, err := req.cmd.act(ctx, b, m, req)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", req.cmd.Name, err)
	}
	return b.firstPage(m, paginate(r, pageItems)), nil
}

// DigestSince renders, as a digest, the articles published on or after
// since's day (publication dates are days), optionally only those on
// topic: the preview `briefbot digest` prints.
func (b *Bot) DigestSince(since, now time.Time, topic string) Reply {
	ix := b.state.Load().ix
	day := civil(since.UTC())
	var ids []string
	for _, a := range ix.arts {
		if a.HasDate() && !a.Published.Before(day) {
			ids = append(ids, a.ID)
		}
	}
	title := "Digest preview"
	if topic != "" {
		title += ": " + quoted(topic)
	}
	return ix.digestReply(digestView{title: title, since: day, at: now, loc: time.UTC, topic: topic}, ix.digestArticles(ids, topic))
}

// digestPreview answers `digest [NAME]`: what the channel's next digest
// would hold if it ran now. Nothing is written but first-seen times.
func digestPreview(ctx context.Context, b *Bot, m Message, req request) (Reply, error) {
	now := b.now()
	s := b.sched.Load()
	if s == nil {
		return b.DigestSince(now.Add(-previewWindow), now, ""), nil
	}
	s.recordSeen(ctx)
	ix := b.state.Load().ix
	ds, err := s.channelDigests(ctx, m)
	if err != nil {
		return Reply{}, err
	}
	if len(ds) == 0 {
		key := DigestKey{Name: "preview", Platform: m.Platform, Channel: m.Channel}
		ids, err := s.ledger.Pending(ctx, PendingQuery{Digest: key, Floor: now.Add(-previewWindow), UpTo: now, BacklogSince: backlogSince(now, previewWindow)})
		if err != nil {
			return Reply{}, err
		}
		r := ix.digestReply(digestView{title: "Digest preview: the last 24 hours", since: now.Add(-previewWindow), at: now, loc: time.UTC}, ix.digestArticles(ids, ""))
		r.Footer = "No digest is scheduled here; an admin can add one with `subscribe daily 08:00 Europe/London`."
		return r, nil
	}
	d := ds[0]
	var others []string
	for _, o := range ds {
		if strings.EqualFold(o.Name, req.arg) {
			d = o
		}
	}
	for _, o := range ds {
		if o.Name != d.Name {
			others = append(others, "`digest "+o.Name+"`")
		}
	}
	next := d.sched.Next(now)
	prev := d.sched.Prev(next)
	ids, err := s.ledger.Pending(ctx, PendingQuery{Digest: d.Key(), Floor: prev, UpTo: now, BacklogSince: backlogSince(next, d.Window)})
	if err != nil {
		return Reply{}, err
	}
	r := ix.digestReply(digestView{
		title: "Digest preview: " + d.Name, since: prev, at: now, next: next, loc: d.Location, topic: d.Topic,
	}, ix.digestArticles(ids, d.Topic))
	if len(others) > 0 {
		r.Text += " Also scheduled here: " + strings.Join(others, ", ") + "."
	}
	return r, nil
}

// digestStatus answers `digest status`: the last and next run of each of
// the channel's digests, with a link to the last message.
func digestStatus(ctx context.Context, b *Bot, m Message, _ request) (Reply, error) {
	s := b.sched.Load()
	if s == nil {
		return digestsOff("Digest status"), nil
	}
	ds, err := s.channelDigests(ctx, m)
	if err != nil {
		return Reply{}, err
	}
	r := Reply{Title: "Digest status"}
	if len(ds) == 0 {
		r.Text = "No digest is scheduled in this channel. An admin can add one with `subscribe daily 08:00 Europe/London`."
		return r, nil
	}
	r.Text = fmt.Sprintf("%s scheduled in this channel.", plural(len(ds), "digest"))
	now := b.now()
	for _, d := range ds {
		when := func(t time.Time) string { return t.In(d.Location).Format("Mon 2 Jan 2006 15:04 MST") }
		sec := Section{Heading: d.Name + " — " + d.sched.String()}
		last, ok, err := s.ledger.LastPosted(ctx, d.Key())
		switch {
		case err != nil:
			return Reply{}, err
		case !ok:
			sec.Items = append(sec.Items, Item{Text: "Last run: none posted yet.", Source: -1})
		default:
			msg := "message " + last.MessageID
			if l, isLinker := s.platforms[d.Platform].(Linker); isLinker && last.MessageID != "" {
				if link := l.Link(d.Channel, last.MessageID); link != "" {
					msg = link
				}
			}
			if last.MessageID == "" {
				msg = "no message ID"
			}
			sec.Items = append(sec.Items, Item{Text: fmt.Sprintf("Last run: %s, posted %s (%s).", when(last.Key.Time), when(last.Finished), msg), Source: -1})
		}
		if next := d.sched.Next(now); !next.IsZero() {
			sec.Items = append(sec.Items, Item{Text: "Next run: " + when(next) + ".", Source: -1})
		}
		sec.Items = append(sec.Items, Item{Text: origin(d), Source: -1})
		r.Sections = append(r.Sections, sec)
	}
	return r, nil
}

// origin says where a digest comes from.
func origin(d digest) string {
	if sub := d.Subscription; sub != nil {
		return fmt.Sprintf("Subscribed in chat by %s on %s.", sub.By, day(sub.Created))
	}
	return "Set in the configuration file (chat cannot remove it)."
}

// channelDigests returns the digests posting to m's channel.
func (s *Scheduler) channelDigests(ctx context.Context, m Message) ([]digest, error) {
	all, err := s.digests(ctx)
	if err != nil {
		return nil, err
	}
	var out []digest
	for _, d := range all {
		if d.Platform == m.Platform && d.Channel == m.Channel {
			out = append(out, d)
		}
	}
	return out, nil
}

// digestsOff is the answer of a digest command when no scheduler runs.
func digestsOff(title string) Reply {
	return Reply{Title: title, Text: "Scheduled digests are off: briefbot runs without a state folder (set BRIEFBOT_STATE)."}
}
