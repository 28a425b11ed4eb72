package discord

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/bot"
)

// noMentions is the allowed_mentions of every message, edit and follow-up
// the bot sends: parse nothing, so no text can ping @everyone, @here, a
// role or a user, and a reply does not ping its author either.
func noMentions() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}

// target is where the messages of an answer go.
type target interface {
	// send posts m; first is true for the answer's first message.
	send(ctx context.Context, first bool, m Message) (id string, err error)
	// channelID is the channel the messages show in: their queue.
	channelID() string
}

// channelTarget posts to a channel; the first message replies to ref when
// ref is set.
type channelTarget struct {
	s       *discordgo.Session
	channel string
	ref     *discordgo.MessageReference
}

func (t channelTarget) channelID() string { return t.channel }

func (t channelTarget) send(ctx context.Context, first bool, m Message) (string, error) {
	data := &discordgo.MessageSend{Content: m.Content, Embeds: orEmpty(m.Embeds), AllowedMentions: noMentions()}
	if first {
		data.Reference = t.ref
	}
	var (
		msg *discordgo.Message
		err error
	)
	if m.nonce != "" {
		msg, err = sendWithNonce(ctx, t.s, t.channel, data, m.nonce)
	} else {
		msg, err = t.s.ChannelMessageSendComplex(t.channel, data, requestOptions(ctx)...)
	}
	if err != nil {
		return "", err
	}
	return msg.ID, nil
}

// interactionTarget answers a deferred interaction: the first message
// edits the original response, the others are follow-ups.
type interactionTarget struct {
	s  *discordgo.Session
	it *discordgo.Interaction
}

func (t interactionTarget) channelID() string { return t.it.ChannelID }

func (t interactionTarget) send(ctx context.Context, first bool, m Message) (string, error) {
	embeds := orEmpty(m.Embeds)
	var (
		msg *discordgo.Message
		err error
	)
	if first {
		msg, err = t.s.InteractionResponseEdit(t.it, &discordgo.WebhookEdit{Content: &m.Content, Embeds: &embeds, AllowedMentions: noMentions()}, requestOptions(ctx)...)
	} else {
		msg, err = t.s.FollowupMessageCreate(t.it, true, &discordgo.WebhookParams{Content: m.Content, Embeds: embeds, AllowedMentions: noMentions()}, requestOptions(ctx)...)
	}
	if err != nil {
		return "", redact(err, t.it.Token)
	}
	if msg == nil {
		return "", nil
	}
	return msg.ID, nil
}

func orEmpty(es []*discordgo.MessageEmbed) []*discordgo.MessageEmbed {
	if es == nil {
		return []*discordgo.MessageEmbed{}
	}
	return es
}

// requestOptions bind a REST call to ctx and turn off the SDK's own retry
// on 429, which sleeps without regard to ctx and never gives up: call
// waits out rate limits instead.
func requestOptions(ctx context.Context) []discordgo.RequestOption {
	return []discordgo.RequestOption{discordgo.WithContext(ctx), discordgo.WithRetryOnRatelimit(false)}
}

// deliver sends msgs to t in order, each once, and returns the first one's
// ID. It first waits its turn in the channel's queue (every answer and post
// to a channel goes through it, so two are never interleaved) and paces
// each message by the channel's bucket. A message with embeds that Discord
// refuses as malformed (400) is sent again as plain content. It stops at
// the first message that cannot be sent, so what arrives is always a
// prefix of the answer.
func (a *Adapter) deliver(ctx context.Context, t target, msgs []Message) (string, error) {
	tk := a.lanes.reserve(t.channelID())
	defer tk.release()
	if err := tk.wait(ctx); err != nil {
		return "", fmt.Errorf("wait for the channel's queue: %w", err)
	}
	firstID, sent := "", 0
	for i, m := range msgs {
		batch := []Message{m}
		for try := 0; try < 2; try++ {
			err := a.sendAll(ctx, tk, t, batch, &sent, &firstID)
			if err == nil {
				break
			}
			if try == 0 && len(m.Embeds) > 0 && statusOf(err) == http.StatusBadRequest {
				a.log.Warn("discord refused an embed; sending plain text instead", "message", i+1, "err", err)
				batch = plainOf(m)
				continue
			}
			return firstID, fmt.Errorf("send message %d of %d: %w", i+1, len(msgs), err)
		}
	}
	return firstID, nil
}

// sendAll sends msgs in order, each when tk's pacing allows, counting in
// sent (the first message of an answer is sent differently) and keeping
// the first one's ID.
func (a *Adapter) sendAll(ctx context.Context, tk *ticket, t target, msgs []Message, sent *int, firstID *string) error {
	for _, m := range msgs {
		if err := tk.pace(ctx); err != nil {
			return err
		}
		var id string
		err := a.call(ctx, func(ctx context.Context) error {
			var err error
			id, err = t.send(ctx, *sent == 0, m)
			return err
		})
		if err != nil {
			return err
		}
		if *sent == 0 {
			*firstID = id
		}
		*sent++
	}
	return nil
}

// call runs one REST call, waiting out a rate limit (Discord's retry_after)
// or a server error (capped backoff with jitter) and trying again, up to
// the adapter's attempts and longest wait. It returns a *bot.RetryError
// when it gives up on a 429 or 5xx; any other failure (401, 403, other
// 4xx, the network, ctx) comes back at once and is never retried, since
// the request may have been processed or cannot succeed.
func (a *Adapter) call(ctx context.Context, fn func(ctx context.Context) error) error {
	for n := 0; ; n++ {
		var at attempt
		err := fn(withAttempt(ctx, &at))
		if err == nil {
			return nil
		}
		if ctx.Err() != nil {
			return err
		}
		if at.status == http.StatusTooManyRequests {
			bot.CountRateLimited(a.opts.Metrics)
		}
		var rl *discordgo.RateLimitError
		var wait time.Duration
		switch {
		case errors.As(err, &rl):
			wait = rl.RetryAfter
		case at.status == http.StatusTooManyRequests:
			// Not Discord's JSON: likely a proxy or a ban. Say when, never hammer.
			return &bot.RetryError{After: at.retryAfter, Err: err}
		case at.status >= 500:
			wait = max(at.retryAfter, a.backoff(n+1))
		default:
			return err
		}
		if n+1 >= a.opts.Attempts || wait > a.opts.MaxWait {
			return &bot.RetryError{After: wait, Err: err}
		}
		a.log.Info("discord asked to wait; retrying", "wait", wait, "attempt", n+1, "status", at.status)
		if err := sleep(ctx, wait); err != nil {
			return &bot.RetryError{After: wait, Err: err}
		}
	}
}

// statusOf returns the HTTP status of a REST error, 0 when unknown.
func statusOf(err error) int {
	var re *discordgo.RESTError
	if errors.As(err, &re) && re.Response != nil {
		return re.Response.StatusCode
	}
	return 0
}

// sleep waits d or until ctx ends.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// redacted is an error whose message hides a secret (an interaction token
// in a webhook URL); Unwrap still gives the original for errors.As.
type redacted struct {
	msg string
	err error
}

func (e *redacted) Error() string { return e.msg }
func (e *redacted) Unwrap() error { return e.err }

// redact hides secret in err's message.
func redact(err error, secret string) error {
	if err == nil || secret == "" || !strings.Contains(err.Error(), secret) {
		return err
	}
	return &redacted{msg: strings.ReplaceAll(err.Error(), secret, "[redacted]"), err: err}
}
