package slack

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"strings"

	slackapi "github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"

	"github.com/briefbot/briefbot/bot"
)

// identity is who the bot is in the workspace, from auth.test: its own
// messages are never answered, and url is the workspace's address, which
// message permalinks start with.
type identity struct {
	userID string
	botID  string
	url    string // "https://team.slack.com/"
}

// inbound is a message addressed to the bot, ready for a worker.
type inbound struct {
	kind        string // "mention", "dm" or "slash", for logs
	msg         bot.Message
	keys        []string // dedup keys: the event ID and the message's channel/ts
	replyThread string   // the thread to answer in ("" for the channel itself)
	responseURL string   // a slash command's
}

// fromEvent turns an Events API callback into a message for the bot: an
// app_mention, answered in its thread, or a direct message (message.im),
// answered where it was asked. It reports false for everything else,
// including the messages of any bot (ours too), edits, joins and other
// subtypes.
func fromEvent(ev slackevents.EventsAPIEvent, self identity) (inbound, bool) {
	cb, ok := ev.Data.(*slackevents.EventsAPICallbackEvent)
	if !ok || ev.Type != slackevents.CallbackEvent {
		return inbound{}, false
	}
	eventKey := ""
	if cb.EventID != "" {
		eventKey = "event:" + cb.EventID
	}
	switch e := ev.InnerEvent.Data.(type) {
	case *slackevents.AppMentionEvent:
		if e.BotID != "" || e.User == "" || e.User == self.userID || e.Edited != nil {
			return inbound{}, false
		}
		thread := cmp.Or(e.ThreadTimeStamp, e.TimeStamp)
		return inbound{
			kind:        "mention",
			msg:         bot.Message{Platform: "slack", Channel: e.Channel, Thread: thread, User: e.User, Text: stripMention(e.Text, self.userID)},
			keys:        []string{eventKey, "msg:" + e.Channel + "/" + e.TimeStamp},
			replyThread: thread,
		}, true
	case *slackevents.MessageEvent:
		if e.ChannelType != "im" || e.SubType != "" || e.BotID != "" || e.User == "" || e.User == self.userID {
			return inbound{}, false
		}
		return inbound{
			kind:        "dm",
			msg:         bot.Message{Platform: "slack", Channel: e.Channel, Thread: e.ThreadTimeStamp, User: e.User, Text: stripMention(e.Text, self.userID)},
			keys:        []string{eventKey, "msg:" + e.Channel + "/" + e.TimeStamp},
			replyThread: e.ThreadTimeStamp,
		}, true
	}
	return inbound{}, false
}

// fromSlash turns a slash command ("/brief deadline status") into a
// message for the bot, answered through its response_url.
func fromSlash(c slackapi.SlashCommand) inbound {
	key := ""
	if c.TriggerID != "" {
		key = "slash:" + c.TriggerID
	}
	return inbound{
		kind:        "slash",
		msg:         bot.Message{Platform: "slack", Channel: c.ChannelID, User: c.UserID, Text: strings.TrimSpace(unescape(c.Text))},
		keys:        []string{key},
		responseURL: c.ResponseURL,
	}
}

// authCodes are Slack's answers meaning a token will never work: the
// supervisor stops on them instead of reconnecting.
var authCodes = []string{"invalid_auth", "not_authed", "token_revoked", "account_inactive", "token_expired", "not_allowed_token_type"}

// authFailure reports whether err is Slack refusing a token, and which
// refusal.
func authFailure(err error) (string, bool) {
	if err == nil {
		return "", false
	}
	code := err.Error()
	if se, ok := errors.AsType[slackapi.SlackErrorResponse](err); ok {
		code = se.Err
	}
	for _, c := range authCodes {
		if code == c {
			return c, true
		}
	}
	return "", false
}

// whoAmI asks auth.test who the bot token belongs to, retrying with backoff
// until it answers, Slack refuses the token, or ctx ends.
func (a *Adapter) whoAmI(ctx context.Context) (identity, error) {
	b := newBackoff(a.opts.MinBackoff, a.opts.MaxBackoff)
	for {
		id, err := a.authTest(ctx)
		if err == nil {
			return id, nil
		}
		if code, ok := authFailure(err); ok {
			return identity{}, fmt.Errorf("auth.test: Slack refused the bot token (%s)", code)
		}
		if ctx.Err() != nil {
			return identity{}, ctx.Err()
		}
		d := b.next()
		a.log.Warn("auth.test failed; retrying", "err", a.scrub(err), "in", d)
		if err := sleep(ctx, d); err != nil {
			return identity{}, err
		}
	}
}

// authTest asks auth.test once who the bot token belongs to and keeps the
// answer for Link and FindPost.
func (a *Adapter) authTest(ctx context.Context) (identity, error) {
	res, err := a.api.AuthTestContext(ctx)
	if err != nil {
		return identity{}, err
	}
	id := identity{userID: res.UserID, botID: res.BotID, url: res.URL}
	a.self.Store(&id)
	return id, nil
}
