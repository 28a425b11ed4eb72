package slack

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"time"

	slackapi "github.com/slack-go/slack"

	"github.com/briefbot/briefbot/bot"
)

// MetadataEventType is the event_type of the message metadata a post with
// a bot.Reply.Key carries; its event_payload holds the key, the message's
// part (from 1) and the number of parts.
const MetadataEventType = "briefbot_digest"

// History limits of FindPost: messages a conversations.history page asks
// for, and pages read before giving up.
const (
	historyPage  = 200
	historyPages = 10
)

// postMetadata is the metadata of part of parts of a post made with key.
func postMetadata(key string, part, parts int) slackapi.SlackMetadata {
	return slackapi.SlackMetadata{
		EventType:    MetadataEventType,
		EventPayload: map[string]any{"key": key, "part": part, "parts": parts},
	}
}

// tsPattern is a message ts: seconds, a dot, microseconds.
var tsPattern = regexp.MustCompile(`^([0-9]+)\.([0-9]{6})$`)

// Link implements bot.Linker: the permalink of message ts in channel,
// https://TEAM.slack.com/archives/CHANNEL/pTSWITHOUTDOT, built from the
// workspace URL of the last auth.test (made when the adapter connects, or
// by FindPost). It returns "" before the adapter has one, or when ts is not
// a message ts.
func (a *Adapter) Link(channel, ts string) string {
	id := a.self.Load()
	m := tsPattern.FindStringSubmatch(ts)
	if id == nil || id.url == "" || m == nil || channel == "" {
		return ""
	}
	base, err := url.Parse(id.url)
	if err != nil || (base.Scheme != "https" && base.Scheme != "http") || base.Host == "" {
		return ""
	}
	return base.JoinPath("archives", channel, "p"+m[1]+m[2]).String()
}

// FindPost implements bot.PostFinder. It reads channel's history from
// since on, newest first (conversations.history with include_all_metadata,
// at most historyPages pages of historyPage messages), for the bot's own
// messages whose metadata (see MetadataEventType) names key. found means
// every part is there; id is then the first part's ts. Some parts only:
// the first part found and an error wrapping bot.ErrPartialPost.
//
// Reading history takes the channels:history scope (groups:history for a
// private channel). Without it (missing_scope), or outside the channel
// (not_in_channel), FindPost logs a warning and reports not found. A rate
// limit or server error on the first page is a *bot.RetryError; a rate
// limit on a later page ends the search with the pages read. Another
// failure is returned wrapped.
func (a *Adapter) FindPost(ctx context.Context, channel, key string, since time.Time) (string, bool, error) {
	self := a.self.Load()
	if self == nil {
		id, err := a.authTest(ctx)
		if err != nil {
			return "", false, historyError(channel, fmt.Errorf("auth.test: %w", err))
		}
		self = &id
	}
	params := &slackapi.GetConversationHistoryParameters{
		ChannelID: channel, Oldest: slackTS(since), Inclusive: true, Limit: historyPage, IncludeAllMetadata: true,
	}
	parts := map[int]string{} // part → ts
	total := 0
	for page := 1; ; page++ {
		res, err := a.api.GetConversationHistoryContext(ctx, params)
		if err != nil {
			if code, ok := historyRefusal(err); ok {
				a.log.Warn("slack refused to read the channel's history, so a digest cannot be checked for an earlier post; give the app the channels:history (groups:history for a private channel) scope",
					"channel", channel, "error", code)
				return "", false, nil
			}
			err = historyError(channel, err)
			if _, limited := errors.AsType[*bot.RetryError](err); limited && page > 1 {
				// Some apps may read one page a minute: judge by the pages read
				// rather than start again forever.
				a.log.Warn("slack history rate limited; judging by the pages read", "channel", channel, "pages", page-1, "err", err)
				break
			}
			return "", false, err
		}
		for _, m := range res.Messages {
			if !own(m, *self) || m.Metadata.EventType != MetadataEventType || m.Metadata.EventPayload["key"] != key {
				continue
			}
			part, n := number(m.Metadata.EventPayload["part"]), number(m.Metadata.EventPayload["parts"])
			if part < 1 || n < part {
				part, n = 1, 1 // not ours to number: the whole post
			}
			parts[part], total = m.Timestamp, n
		}
		params.Cursor = res.ResponseMetaData.NextCursor
		if !res.HasMore || params.Cursor == "" {
			break
		}
		if page == historyPages {
			a.log.Warn("slack history too long to check for an earlier post of a digest", "channel", channel, "messages", page*historyPage)
			break
		}
	}
	id, found, err := bot.FoundParts(parts, total)
	if err != nil {
		return id, false, fmt.Errorf("find post %s in %s: %w", key, channel, err)
	}
	return id, found, nil
}

// own reports whether m was posted by the bot.
func own(m slackapi.Message, self identity) bool {
	return (self.botID != "" && m.BotID == self.botID) || (self.userID != "" && m.User == self.userID)
}

// number reads a JSON number of event_payload; 0 when it is not one.
func number(v any) int {
	switch n := v.(type) {
	case float64:
		return int(n)
	case string:
		i, err := strconv.Atoi(n)
		if err == nil {
			return i
		}
	}
	return 0
}

// historyRefusal reports whether err is Slack refusing to show the
// history at all, and which refusal.
func historyRefusal(err error) (string, bool) {
	if se, ok := errors.AsType[slackapi.SlackErrorResponse](err); ok {
		switch se.Err {
		case "missing_scope", "not_in_channel":
			return se.Err, true
		}
	}
	return "", false
}

// historyError wraps a failure to read channel's history: a rate limit
// or a transient failure as a *bot.RetryError.
func historyError(channel string, err error) error {
	err = fmt.Errorf("read history of %s: %w", channel, err)
	if rl, ok := errors.AsType[*slackapi.RateLimitedError](err); ok {
		return &bot.RetryError{After: rl.RetryAfter, Err: err}
	}
	if retryable(err) {
		return &bot.RetryError{Err: err}
	}
	return err
}

// slackTS formats t as a Slack ts.
func slackTS(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	us := t.UnixMicro()
	return fmt.Sprintf("%d.%06d", us/1e6, us%1e6)
}
