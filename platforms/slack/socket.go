package slack

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"math/rand/v2"
	"net/http"
	"sync"
	"time"

	slackapi "github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
	"github.com/slack-go/slack/socketmode"

	"github.com/briefbot/briefbot/bot"
)

// listenSocket runs Socket Mode until ctx ends or Slack refuses a token.
// It owns three kinds of goroutines and waits for all of them: the
// supervised socketmode client, the reader that acks every envelope at once
// and queues the work, and the worker pool.
func (a *Adapter) listenSocket(ctx context.Context, h bot.Handler) error {
	self, err := a.whoAmI(ctx)
	if err != nil {
		if ctx.Err() != nil {
			return nil
		}
		return err
	}
	a.log.Info("slack connecting over socket mode", "bot_user", self.userID)
	sm := socketmode.New(a.api,
		socketmode.OptionPingInterval(a.opts.PingTimeout),
		socketmode.OptionReadLimit(maxEventBody), // unlimited by default; Slack's envelopes are a few kilobytes
		socketmode.OptionLog(log.New(io.Discard, "", 0)))

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	p := a.startPool(ctx, h)
	var wg sync.WaitGroup
	wg.Go(func() {
		for {
			select {
			case <-ctx.Done():
				return
			case evt := <-sm.Events:
				a.onSocketEvent(ctx, sm, p, self, evt)
			}
		}
	})
	err = a.supervise(ctx, sm)
	cancel()
	wg.Wait()
	p.stop()
	return err
}

// supervise runs the socketmode client, which reconnects by itself after a
// disconnect frame or a socket without server pings for PingTimeout. When
// it returns for any reason but a refused token, supervise starts it again
// after a backoff (doubling from MinBackoff to MaxBackoff, reset after a
// minute connected). It returns nil when ctx ends, and an error naming the
// refusal when Slack refuses the app-level token.
func (a *Adapter) supervise(ctx context.Context, sm *socketmode.Client) error {
	b := newBackoff(a.opts.MinBackoff, a.opts.MaxBackoff)
	for {
		start := time.Now()
		err := sm.RunContext(ctx)
		if ctx.Err() != nil {
			return nil
		}
		if code, ok := authFailure(err); ok {
			return fmt.Errorf("socket mode: Slack refused the app-level token (%s)", code)
		}
		if time.Since(start) > time.Minute {
			b.reset()
		}
		d := b.next()
		msg := a.scrub(err)
		if sc, ok := errors.AsType[slackapi.StatusCodeError](err); ok && sc.Code == http.StatusNotFound {
			msg += " (is the Slack API URL right?)"
		}
		a.conn.Lost()
		a.log.Warn("socket mode stopped; reconnecting", "err", msg, "in", d)
		if err := sleep(ctx, d); err != nil {
			return nil
		}
	}
}

// onSocketEvent acks an envelope before anything else (Slack wants it
// within 3 s, or redelivers), then queues what it asks the bot.
func (a *Adapter) onSocketEvent(ctx context.Context, sm *socketmode.Client, p *pool, self identity, evt socketmode.Event) {
	switch evt.Type {
	case socketmode.EventTypeConnecting:
		a.conn.Lost()
		a.log.Debug("slack connecting")
		return
	case socketmode.EventTypeConnected:
		a.conn.Connected(a.opts.Metrics)
		a.log.Info("slack connected")
		return
	case socketmode.EventTypeConnectionError:
		if ce, ok := evt.Data.(*slackapi.ConnectionErrorEvent); ok {
			a.log.Warn("slack connection failed; retrying", "err", a.scrub(ce.ErrorObj), "in", ce.Backoff)
		}
		return
	case socketmode.EventTypeErrorBadMessage:
		// An envelope slack-go could not parse (an unknown inner event):
		// ack it anyway, or Slack sends it again and again.
		if bm, ok := evt.Data.(*socketmode.ErrorBadMessage); ok {
			var env struct {
				ID string `json:"envelope_id"`
			}
			if json.Unmarshal(bm.Message, &env) == nil && env.ID != "" {
				a.ack(ctx, sm, env.ID)
			}
			a.log.Debug("slack envelope not understood", "err", fmt.Sprint(bm.Cause))
		}
		return
	}
	if evt.Request == nil || evt.Request.EnvelopeID == "" { // hello, errors: nothing to ack
		a.log.Debug("slack event", "type", string(evt.Type))
		return
	}
	a.ack(ctx, sm, evt.Request.EnvelopeID)
	switch evt.Type {
	case socketmode.EventTypeEventsAPI:
		if ev, ok := evt.Data.(slackevents.EventsAPIEvent); ok {
			if in, ok := fromEvent(ev, self); ok {
				p.accept(ctx, in)
			}
		}
	case socketmode.EventTypeSlashCommand:
		if c, ok := evt.Data.(slackapi.SlashCommand); ok {
			p.accept(ctx, fromSlash(c))
		}
	}
}

// ack acknowledges envelope id on the socket.
func (a *Adapter) ack(ctx context.Context, sm *socketmode.Client, id string) {
	if err := sm.AckCtx(ctx, id, nil); err != nil && ctx.Err() == nil {
		a.log.Warn("slack ack failed", "envelope", id, "err", a.scrub(err))
	}
}

// backoff is a doubling delay with up to 20 % jitter, capped.
type backoff struct {
	min, max, cur time.Duration
}

func newBackoff(lo, hi time.Duration) *backoff { return &backoff{min: lo, max: hi} }

func (b *backoff) next() time.Duration {
	b.cur = min(max(2*b.cur, b.min), b.max)
	return b.cur + rand.N(b.cur/5+1)
}

func (b *backoff) reset() { b.cur = 0 }
