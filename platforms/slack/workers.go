package slack

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"sync"
	"time"

	"github.com/briefbot/briefbot/bot"
)

// apology is what a user reads when answering failed for a reason that is
// not theirs to know (the operator reads the log).
const apology = "Sorry, something went wrong."

// AnswerGrace bounds how long the answers in flight when Listen's context
// ends (the handler and the posting of its replies) may go on: they run
// under a context detached from Listen's, canceled this long after it, and
// Listen returns once they are done. It matches the drain bound of
// cmd/briefbot (drainTimeout).
const AnswerGrace = 10 * time.Second

// job is a message waiting for a worker, with its place in its channel's
// queue.
type job struct {
	in inbound
	t  *ticket
}

// pool is a bounded set of workers answering jobs, owned by Listen (or
// ServeEvents): start it, feed it with accept, then stop it, which waits
// for every worker.
type pool struct {
	a       *Adapter
	jobs    chan job
	wg      sync.WaitGroup
	mu      sync.Mutex         // makes "reserve a ticket, enqueue" atomic, so jobs queue in ticket order
	answers context.Context    // jobs are answered under it: it outlives the pool's ctx, until stop
	cancel  context.CancelFunc // ends answers
}

// startPool starts a.opts.Workers workers answering with h until ctx ends.
// A job a worker started by then is answered to the end, under p.answers
// (at most AnswerGrace more); the jobs still queued are dropped.
func (a *Adapter) startPool(ctx context.Context, h bot.Handler) *pool {
	answers, cancel := context.WithCancel(context.WithoutCancel(ctx))
	p := &pool{a: a, jobs: make(chan job, 4*a.opts.Workers), answers: answers, cancel: cancel}
	for range a.opts.Workers {
		p.wg.Go(func() {
			for {
				select {
				case <-ctx.Done():
					return
				case j := <-p.jobs:
					if ctx.Err() != nil { // taken as ctx ended: dropped like the queued ones
						j.t.release()
						return
					}
					a.work(p.answers, h, j)
				}
			}
		})
	}
	return p
}

// accept hands in to a worker unless it was seen before (Slack redelivers
// events it thinks were lost), and reports whether it did. It blocks while
// every worker is busy and the queue is full, until ctx ends.
func (p *pool) accept(ctx context.Context, in inbound) bool {
	if ctx.Err() != nil {
		return false
	}
	if !p.a.seen.add(in.keys...) {
		p.a.log.Debug("duplicate delivery ignored", "kind", in.kind, "keys", in.keys)
		return false
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	t := p.a.lanes.reserve(in.msg.Channel)
	select {
	case p.jobs <- job{in: in, t: t}:
		return true
	case <-ctx.Done():
		t.release()
		return false
	}
}

// stop waits for the workers (their ctx must have ended), canceling the
// answers still in flight after AnswerGrace, and releases the tickets of
// the jobs nobody took, so Post still works on those channels.
func (p *pool) stop() {
	waitBounded(&p.wg, p.cancel, AnswerGrace)
	for {
		select {
		case j := <-p.jobs:
			j.t.release()
		default:
			return
		}
	}
}

// work answers one message: the handler's replies (or an apology) go to
// the channel, in the thread or through the response_url the message came
// with, in the channel's turn. A panic anywhere is logged and the worker
// goes on.
func (a *Adapter) work(ctx context.Context, h bot.Handler, j job) {
	ctx = bot.WithRequestID(ctx, bot.NewRequestID()) // this message's log lines, here and in the bot, share it
	defer j.t.release()
	defer func() {
		if r := recover(); r != nil {
			bot.RequestLogger(ctx, a.log).Error("slack worker panicked", "kind", j.in.kind, "panic", r, "stack", string(debug.Stack()))
		}
	}()
	replies := a.answer(ctx, h, j.in)
	if err := j.t.wait(ctx); err != nil {
		return
	}
	to := &target{channel: j.in.msg.Channel, thread: j.in.replyThread, responseURL: j.in.responseURL}
	var elsewhere []bot.Reply
	for _, r := range replies {
		if r.Channel != "" && r.Channel != to.channel {
			elsewhere = append(elsewhere, r)
			continue
		}
		tt := to
		if r.Thread != "" && r.Thread != to.thread {
			tt = &target{channel: to.channel, thread: r.Thread}
		}
		if _, _, err := a.deliver(ctx, j.t, tt, render(r)); err != nil {
			a.replyFailed(ctx, j.in.kind, to.channel, err)
			return
		}
	}
	j.t.release() // never hold one channel's turn while waiting for another's
	for _, r := range elsewhere {
		if _, err := a.Post(ctx, r); err != nil {
			a.replyFailed(ctx, j.in.kind, r.Channel, err)
		}
	}
}

// replyFailed logs a reply that could not be posted: an error for the
// operator, unless the bot is shutting down.
func (a *Adapter) replyFailed(ctx context.Context, kind, channel string, err error) {
	if ctx.Err() != nil {
		bot.RequestLogger(ctx, a.log).Debug("slack reply dropped at shutdown", "kind", kind, "channel", channel)
		return
	}
	bot.RequestLogger(ctx, a.log).Error("slack reply failed", "kind", kind, "channel", channel, "err", a.scrub(err))
}

// answer runs the handler, turning an error or a panic into the reply the
// user should read: a *bot.Error's message, else an apology.
func (a *Adapter) answer(ctx context.Context, h bot.Handler, in inbound) (replies []bot.Reply) {
	defer func() {
		if r := recover(); r != nil {
			bot.RequestLogger(ctx, a.log).Error("slack handler panicked", "kind", in.kind, "panic", r, "stack", string(debug.Stack()))
			replies = []bot.Reply{{Text: apology}}
		}
	}()
	in.msg.Groups = a.userGroups(ctx, in.msg.User)
	replies, err := h.Handle(ctx, in.msg)
	if err == nil {
		return replies
	}
	if be, ok := errors.AsType[*bot.Error](err); ok {
		return []bot.Reply{{Text: be.Message}}
	}
	if ctx.Err() == nil {
		bot.RequestLogger(ctx, a.log).Error("slack handler failed", "kind", in.kind, "channel", in.msg.Channel, "err", fmt.Sprint(err))
	}
	return []bot.Reply{{Text: apology}}
}

// waitBounded waits for wg; when that takes longer than grace, it calls
// cancel and waits on. It calls cancel in any case.
func waitBounded(wg *sync.WaitGroup, cancel context.CancelFunc, grace time.Duration) {
	defer cancel()
	done := make(chan struct{})
	go func() {
		wg.Wait()
		close(done)
	}()
	t := time.NewTimer(grace)
	defer t.Stop()
	select {
	case <-done:
	case <-t.C:
		cancel()
		<-done
	}
}
