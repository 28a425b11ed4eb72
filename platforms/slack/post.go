package slack

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

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
				err := slackapi.PostWebhookCustomHTTPContext(ctx, to.responseURL, a.http, &slackapi.WebhookMessage{
					Text: m.Text, Blocks: &blocks, ResponseType: slackapi.ResponseTypeInChannel, Parse: "none",
				})
				return "", hideURL(err, to.responseURL)
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
		opts := append(noParse(), slackapi.MsgOptionText(m.Text, false), slackapi.MsgOptionBlocks(m.Blocks...), slackapi.MsgOptionTS(to.thread))
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

// hiddenURL is an error whose message hides a URL that is a credential (a
// slash command's response_url can post to the channel for 30 minutes);
// Unwrap still gives the original for errors.As.
type hiddenURL struct {
	msg string
	err error
}

func (e *hiddenURL) Error() string { return e.msg }
func (e *hiddenURL) Unwrap() error { return e.err }

// hideURL replaces rawURL in err's message with "[response_url]".
func hideURL(err error, rawURL string) error {
	if err == nil || rawURL == "" || !strings.Contains(err.Error(), rawURL) {
		return err
	}
	return &hiddenURL{msg: strings.ReplaceAll(err.Error(), rawURL, "[response_url]"), err: err}
}

// noParse are the options of every chat.postMessage: parse=none and
// link_names=false, so Slack turns no "@here", "@channel", "@name" or
// "#channel" in the text into a mention or a link. The text is escaped as
// well (see escape); these say so to Slack too.
func noParse() []slackapi.MsgOption {
	return []slackapi.MsgOption{slackapi.MsgOptionParse(false), slackapi.MsgOptionLinkNames(false)}
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
