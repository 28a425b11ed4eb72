package slack

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	slackapi "github.com/slack-go/slack"

	"github.com/briefbot/briefbot/bot"
)

// target is where a reply goes: a channel (in a thread when thread is set)
// or, for a slash command, its response_url first.
type target struct {
	channel     string
	thread      string
	responseURL string // dropped after a failure
	urlPosts    int    // posts made to responseURL
	key         string // Reply.Key: each chat.postMessage carries it in its metadata
}

// maxResponseURLPosts is how many times Slack accepts a post to one
// response_url; further parts go to the channel.
const maxResponseURLPosts = 5

// deliver sends the messages of one reply in order, holding t's turn in the
// channel's queue (the caller has waited for it). It returns the ts of the
// first message posted with chat.postMessage ("" through a response_url)
// and how many messages went out. A response_url that fails is given up for
// chat.postMessage, so a slash command is answered either way.
func (a *Adapter) deliver(ctx context.Context, t *ticket, to *target, msgs []message) (first string, sent int, err error) {
	for i, m := range msgs {
		if to.responseURL != "" && to.urlPosts < maxResponseURLPosts {
			_, err := a.send(ctx, t, func(ctx context.Context) (string, error) {
				blocks := slackapi.Blocks{BlockSet: m.Blocks}
				return "", slackapi.PostWebhookCustomHTTPContext(ctx, to.responseURL, a.http, &slackapi.WebhookMessage{
					Text: m.Text, Blocks: &blocks, ResponseType: slackapi.ResponseTypeInChannel,
				})
			})
			if err == nil {
				to.urlPosts++
				sent++
				continue
			}
			if ctx.Err() != nil {
				return first, sent, err
			}
			a.log.Warn("response_url failed; posting to the channel instead", "channel", to.channel, "err", a.scrub(err))
			to.responseURL = ""
		}
		opts := []slackapi.MsgOption{slackapi.MsgOptionText(m.Text, false), slackapi.MsgOptionBlocks(m.Blocks...), slackapi.MsgOptionTS(to.thread)}
		if to.key != "" {
			opts = append(opts, slackapi.MsgOptionMetadata(postMetadata(to.key, i+1, len(msgs))))
		}
		ts, err := a.send(ctx, t, func(ctx context.Context) (string, error) {
			_, ts, err := a.api.PostMessageContext(ctx, to.channel, opts...)
			return ts, err
		})
		if err != nil {
			return first, sent, err
		}
		if first == "" {
			first = ts
		}
		sent++
	}
	return first, sent, nil
}

// send makes one API call when the channel's pacing allows. On HTTP 429 it
// waits the Retry-After the platform gave and tries again (a refused post
// was not posted, so a retry cannot post twice), up to a.attempts calls and
// as long as Retry-After is at most a.maxRetryWait. It gives up with a
// *bot.RetryError on a rate limit or a server error; any other error is
// returned as is (wrapped). A post that failed in transit is not retried:
// it may have been posted.
func (a *Adapter) send(ctx context.Context, t *ticket, call func(context.Context) (string, error)) (string, error) {
	for attempt := 1; ; attempt++ {
		if err := t.pace(ctx); err != nil {
			return "", fmt.Errorf("post to %s: %w", t.channel, err)
		}
		id, err := call(ctx)
		var rl *slackapi.RateLimitedError
		if errors.As(err, &rl) {
			bot.CountRateLimited(a.opts.Metrics)
			t.sent(rl.RetryAfter)
		} else {
			t.sent(0)
		}
		switch {
		case err == nil:
			return id, nil
		case rl != nil && attempt < a.attempts && rl.RetryAfter <= a.maxRetryWait:
			a.log.Warn("rate limited; retrying", "channel", t.channel, "retry_after", rl.RetryAfter, "attempt", attempt)
			continue
		case rl != nil:
			return "", &bot.RetryError{After: rl.RetryAfter, Err: fmt.Errorf("post to %s: %w", t.channel, err)}
		case retryable(err):
			return "", &bot.RetryError{Err: fmt.Errorf("post to %s: %w", t.channel, err)}
		default:
			return "", fmt.Errorf("post to %s: %w", t.channel, err)
		}
	}
}

// retryable reports whether err is a transient refusal worth retrying
// later: an HTTP 429 without Retry-After, a 5xx, or Slack's own
// "ratelimited" or "service_unavailable" answers.
func retryable(err error) bool {
	var sc slackapi.StatusCodeError
	if errors.As(err, &sc) {
		return sc.Code == http.StatusTooManyRequests || sc.Code >= 500
	}
	var se slackapi.SlackErrorResponse
	if errors.As(err, &se) {
		switch se.Err {
		case "ratelimited", "service_unavailable", "internal_error", "fatal_error":
			return true
		}
	}
	return false
}
