package bot

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"
)

// retryPause is how soon a pass runs again after a ledger error.
const retryPause = 5 * time.Second

// pass compares the digest's fresh slots (younger than MaxLateness) with
// the ledger, posts those that are due, and returns when to look again.
// Slots from since on were due while this scheduler ran and are always
// posted; earlier ones were missed and follow the catch-up policy. A slot
// claimed by a process that died is taken over once its lease expires.
func (s *Scheduler) pass(ctx context.Context, d digest, since time.Time) time.Time {
	s.recordSeen(ctx)
	now := time.Now()
	wake := d.sched.Next(now)
	if wake.IsZero() {
		wake = now.Add(s.refresh)
	}
	from := now.Add(-d.MaxLateness)
	expected := d.sched.Slots(from, now)
	if len(expected) == 0 {
		return wake
	}
	rows, err := s.ledger.Slots(ctx, d.Key(), from, now)
	if err != nil {
		if ctx.Err() == nil {
			s.log.Error("read digest ledger", "digest", d.Key(), "err", err)
		}
		return now.Add(retryPause)
	}
	byTime := map[int64]Slot{}
	for _, r := range rows {
		byTime[r.Key.Time.Unix()] = r
	}
	var todo []time.Time
	var lastMissed time.Time
	fresh := map[int64]bool{} // slots not in the ledger yet
	for _, t := range expected {
		row, ok := byTime[t.Unix()]
		fresh[t.Unix()] = !ok
		switch {
		case !ok && !t.Before(since):
			todo = append(todo, t)
		case !ok:
			lastMissed = t
			if d.CatchUp == CatchUpAll {
				todo = append(todo, t)
			}
		case row.Status != SlotClaimed:
			// posted, empty or failed: done
		case row.Owner == s.owner || !row.LeaseUntil.After(now):
			todo = append(todo, t)
		default:
			wake = minTime(wake, row.LeaseUntil)
		}
		if ok && t.Before(since) {
			lastMissed = time.Time{} // the last slot before since is in the ledger
		}
	}
	if d.CatchUp == CatchUpLatest && !lastMissed.IsZero() {
		todo = append(todo, lastMissed)
		slices.SortFunc(todo, time.Time.Compare)
	}
	s.watch.missed(d, expected, byTime, since, todo)
	for _, t := range todo {
		if ctx.Err() != nil {
			return wake
		}
		if err := s.runSlot(ctx, d, t, fresh[t.Unix()]); err != nil {
			if ctx.Err() == nil {
				s.log.Error("run digest slot", "slot", SlotKey{d.Key(), t}, "err", err)
			}
			return minTime(wake, time.Now().Add(retryPause))
		}
	}
	if len(todo) > 0 {
		return time.Now() // look again: a slot may have fallen due meanwhile
	}
	return wake
}

// runSlot claims the slot at t and posts it. A fresh slot (not in the
// ledger yet) reserves the digest's pending articles; one claimed before
// keeps those its first claim reserved, since its post may be out already
// (see deliver) and must not take articles it never showed. It returns an
// error only when the ledger failed; a slot another process holds is left
// to it.
func (s *Scheduler) runSlot(ctx context.Context, d digest, t time.Time, fresh bool) error {
	key := SlotKey{Digest: d.Key(), Time: t}
	now := time.Now()
	deadline := t.Add(d.MaxLateness)
	if !now.Before(deadline) {
		s.watch.done(d, key, SlotOutcomeLate, now)
		return nil
	}
	if !s.watch.enter() {
		return nil // shutting down (Quiesce): the next process takes it
	}
	defer s.watch.leave()
	ix := s.b.state.Load().ix
	prev := d.sched.Prev(t)
	// A slot covers what was seen before the next slot, or before now when
	// it is the latest: a caught-up slot leaves the rest to the next one.
	upTo := now
	if next := d.sched.Next(t); next.Before(upTo) {
		upTo = next
	}
	var cands []string
	if fresh {
		ids, err := s.ledger.Pending(ctx, PendingQuery{Digest: key.Digest, Floor: prev, UpTo: upTo, BacklogSince: backlogSince(t, d.Window)})
		if err != nil {
			return fmt.Errorf("pending articles: %w", err)
		}
		for _, a := range ix.digestArticles(ids, d.Topic) {
			cands = append(cands, ix.arts[a].ID)
		}
	}
	slot, err := s.ledger.Claim(ctx, Claim{Key: key, Owner: s.owner, Now: now, LeaseUntil: now.Add(s.lease), Floor: prev, Articles: cands})
	if err != nil {
		return fmt.Errorf("claim: %w", err)
	}
	if slot.Status != SlotClaimed || slot.Owner != s.owner {
		return nil // another process has it, or it is done
	}
	arts := ix.digestArticles(slot.Articles, "")
	if len(arts) == 0 && d.Empty == EmptySkip {
		s.finish(ctx, key, Outcome{Status: SlotEmpty, At: time.Now()})
		s.watch.done(d, key, SlotOutcomeSkipped, time.Now())
		return nil
	}
	r := ix.digestReply(digestView{
		title: "Digest: " + d.Name + " — " + slotTime(t.In(d.Location)),
		since: prev, at: t, next: d.sched.Next(t), loc: d.Location, topic: d.Topic,
	}, arts)
	r.Channel, r.Key = d.Channel, key.String()
	s.deliver(ctx, d, key, r, slot.Claims)
	return nil
}

// deliver posts r for the slot it holds, retrying while the slot is fresh:
// after the wait a *RetryError asks for, else after a backoff doubling from
// one second up to MaxBackoff. Another error fails the slot at once. When
// ctx ends mid-way the slot is released for another process to take over.
//
// A slot taken over from another owner (claims > 1), or whose last attempt
// timed out, may have been posted already: the platform accepted it but
// the ledger never heard. Before posting such a slot deliver looks for the
// post (see PostFinder): one found is recorded as posted, one found in part
// as failed, and neither is posted again.
func (s *Scheduler) deliver(ctx context.Context, d digest, key SlotKey, r Reply, claims int) {
	deadline := key.Time.Add(d.MaxLateness)
	p := s.platforms[d.Platform]
	unsure := claims > 1
	backoff := firstBackoff
	for attempt := 1; ; attempt++ {
		// Post within half a lease, so nobody takes the slot over mid-post.
		pctx, cancel := context.WithTimeout(ctx, s.lease/2)
		o, err := s.attempt(pctx, p, d, key, r, &unsure)
		cancel()
		now := time.Now()
		if err == nil {
			o.At = now
			s.finish(ctx, key, o)
			if o.Status == SlotPosted {
				s.watch.done(d, key, SlotOutcomePosted, now)
				s.log.Info("digest posted", "slot", key, "message_id", o.MessageID, "attempts", attempt, "claims", claims, "late", now.Sub(key.Time).Round(time.Millisecond))
			} else {
				s.watch.done(d, key, SlotOutcomeFailed, now)
				s.log.Error("digest found partly posted; not posting it again", "slot", key, "message_id", o.MessageID, "claims", claims)
			}
			return
		}
		if ctx.Err() != nil {
			s.finish(ctx, key, Outcome{Status: SlotReleased, At: now})
			return
		}
		var re *RetryError
		if !errors.As(err, &re) && !errors.Is(err, context.DeadlineExceeded) {
			s.watch.done(d, key, SlotOutcomeFailed, now)
			s.log.Error("digest failed", "slot", key, "attempts", attempt, "err", err)
			s.finish(ctx, key, Outcome{Status: SlotFailed, Err: err.Error(), At: now})
			return
		}
		wait := backoff
		if re != nil && re.After > 0 {
			wait = re.After
		}
		backoff = min(backoff*2, s.maxBackoff)
		if !now.Add(wait).Before(deadline) {
			s.watch.done(d, key, SlotOutcomeLate, now)
			s.log.Error("digest failed: too late to retry", "slot", key, "attempts", attempt, "err", err)
			s.finish(ctx, key, Outcome{Status: SlotFailed, Err: fmt.Sprintf("gave up after %d attempts: %v", attempt, err), At: now})
			return
		}
		s.log.Warn("digest post failed, retrying", "slot", key, "attempt", attempt, "wait", wait, "err", err)
		// Keep the slot through the wait.
		held, err := s.ledger.Claim(ctx, Claim{Key: key, Owner: s.owner, Now: now, LeaseUntil: now.Add(wait + s.lease)})
		if err != nil || held.Owner != s.owner || held.Status != SlotClaimed {
			if ctx.Err() == nil {
				s.log.Error("digest slot lost while retrying", "slot", key, "err", err)
			}
			return
		}
		if !sleepUntil(ctx, now.Add(wait)) {
			s.finish(ctx, key, Outcome{Status: SlotReleased, At: time.Now()})
			return
		}
	}
}

// attempt makes one attempt at the slot: when it may be posted already
// (*unsure), it looks for the post first; then it posts. It returns the
// outcome to record (At unset) or the error that stopped it. A post that
// timed out may have arrived: it sets *unsure for the next attempt.
func (s *Scheduler) attempt(ctx context.Context, p Platform, d digest, key SlotKey, r Reply, unsure *bool) (Outcome, error) {
	if *unsure {
		l, id, err := s.findPost(ctx, p, d.Channel, key, r)
		switch {
		case err != nil:
			return Outcome{}, fmt.Errorf("look for an earlier post: %w", err)
		case l == lookupFound:
			s.log.Info("digest found already posted; recording it", "slot", key, "message_id", id)
			return Outcome{Status: SlotPosted, MessageID: id}, nil
		case l == lookupPartial:
			return Outcome{Status: SlotFailed, MessageID: id, Err: "partly posted by an owner that did not finish; not posted again"}, nil
		}
		*unsure = false
	}
	id, err := p.Post(ctx, r)
	if err != nil {
		*unsure = errors.Is(err, context.DeadlineExceeded)
		return Outcome{}, err
	}
	return Outcome{Status: SlotPosted, MessageID: id}, nil
}

// finish records a slot's outcome even when ctx has ended: what the
// platform accepted must be recorded, or the slot would be posted again.
func (s *Scheduler) finish(ctx context.Context, key SlotKey, o Outcome) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	var err error
	for range 3 {
		if err = s.ledger.Finish(ctx, key, s.owner, o); err == nil || errors.Is(err, ErrNotHeld) {
			break
		}
	}
	if err != nil {
		s.log.Error("record digest outcome", "slot", key, "status", o.Status, "err", err)
	}
}

// backlogSince returns the first publication day a backlog article may
// have to enter the digest of slot t: publication dates are days, so the
// window starts at the midnight (UTC) of its first day.
func backlogSince(t time.Time, window time.Duration) time.Time {
	return civil(t.Add(-window).UTC())
}

// slotTime formats a slot for a title: "Mon 11 Aug 2025 08:00 BST", with
// the seconds when it has some.
func slotTime(t time.Time) string {
	if t.Second() != 0 {
		return t.Format("Mon 2 Jan 2006 15:04:05 MST")
	}
	return t.Format("Mon 2 Jan 2006 15:04 MST")
}

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}
