package discord

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/bot"
)

// History limits of FindPost: messages a page asks for (Discord's
// maximum) and pages read before giving up.
const (
	historyPage  = 100
	historyPages = 10
)

// discordEpoch is when snowflake time starts: 2015-01-01 UTC, in Unix
// milliseconds.
const discordEpoch = 1420070400000

// keyHash is the short hash of a post's key that its marker and nonces
// carry: 16 hex digits.
func keyHash(key string) string {
	sum := sha256.Sum256([]byte(key))
	return hex.EncodeToString(sum[:8])
}

// markerLine is the line part (from 1) of parts of the post with key
// shows: small grey text ("-#" is Discord's subtext markdown).
func markerLine(key string, part, parts int) string {
	line := "-# digest ref " + keyHash(key)
	if parts > 1 {
		line += fmt.Sprintf(" (part %d of %d)", part, parts)
	}
	return line
}

// markerPattern matches a marker line: the hash, and the part and parts
// when the post took several messages.
var markerPattern = regexp.MustCompile(`(?m)^-# digest ref ([0-9a-f]{16})(?: \(part ([0-9]+) of ([0-9]+)\))?$`)

// nonce is the nonce of part of the post with key: at most 25 characters,
// as Discord allows.
func nonce(key string, part int) string {
	return keyHash(key) + "-" + strconv.Itoa(part)
}

// mark gives each message of the post with key its nonce and marker line:
// the content of an embed message, or a line after the text of a content
// message when it fits (a digest always has embeds).
func mark(msgs []Message, key string) []Message {
	out := make([]Message, len(msgs))
	for i, m := range msgs {
		line := markerLine(key, i+1, len(msgs))
		switch {
		case len(m.Embeds) > 0:
			m.Content = line
		case units(m.Content)+1+units(line) <= maxContent:
			m.Content += "\n" + line
		}
		m.nonce = nonce(key, i+1)
		out[i] = m
	}
	return out
}

// FindPost implements bot.PostFinder. It reads channel's messages from
// since on (GET /channels/{id}/messages?after=…, at most historyPages pages
// of historyPage) for the bot's own messages whose marker line (see Post)
// names key. found means every part is there; id is then the first part's
// message ID. Some parts only: the first part found and an error wrapping
// bot.ErrPartialPost.
//
// Reading messages takes the View Channel and Read Message History
// permissions; refused them (403), FindPost logs a warning and reports not
// found. A rate limit or server error that outlasts the adapter's retries
// is a *bot.RetryError; another failure is returned wrapped.
func (a *Adapter) FindPost(ctx context.Context, channel, key string, since time.Time) (string, bool, error) {
	me, err := a.whoAmI(ctx)
	if err != nil {
		return "", false, fmt.Errorf("find post in channel %s: %w", channel, err)
	}
	hash := keyHash(key)
	parts := map[int]string{} // part → message ID
	total := 0
	after := snowflakeAt(since)
	for page := 1; ; page++ {
		var msgs []*discordgo.Message
		err := a.call(ctx, func(ctx context.Context) error {
			var err error
			msgs, err = a.rest.ChannelMessages(channel, historyPage, "", after, "", requestOptions(ctx)...)
			return err
		})
		if statusOf(err) == http.StatusForbidden {
			a.log.Warn("discord refused to read the channel's messages, so a digest cannot be checked for an earlier post; give the bot the Read Message History permission there",
				"channel", channel, "err", err)
			return "", false, nil
		}
		if err != nil {
			return "", false, fmt.Errorf("find post in channel %s: %w", channel, err)
		}
		for _, m := range msgs {
			if m == nil {
				continue
			}
			after = laterID(after, m.ID)
			if m.Author == nil || m.Author.ID != me.userID {
				continue
			}
			for _, sub := range markerPattern.FindAllStringSubmatch(m.Content, -1) {
				if sub[1] != hash {
					continue
				}
				part, n := 1, 1
				if sub[2] != "" {
					part, _ = strconv.Atoi(sub[2]) // digits, by the pattern
					n, _ = strconv.Atoi(sub[3])
				}
				if part >= 1 && part <= n {
					parts[part], total = m.ID, n
				}
			}
		}
		if len(msgs) < historyPage {
			break
		}
		if page == historyPages {
			a.log.Warn("discord channel too busy to check for an earlier post of a digest", "channel", channel, "messages", page*historyPage)
			break
		}
	}
	id, found, err := bot.FoundParts(parts, total)
	if err != nil {
		return id, false, fmt.Errorf("find post in channel %s: %w", channel, err)
	}
	return id, found, nil
}

// whoAmI returns the bot's identity: READY's, else GET /users/@me's.
func (a *Adapter) whoAmI(ctx context.Context) (identity, error) {
	if id := a.self.Load(); id != nil {
		return *id, nil
	}
	var u *discordgo.User
	err := a.call(ctx, func(ctx context.Context) error {
		var err error
		u, err = a.rest.User("@me", requestOptions(ctx)...)
		return err
	})
	if err != nil {
		return identity{}, fmt.Errorf("users/@me: %w", err)
	}
	return identity{userID: u.ID, appID: u.ID}, nil
}

// snowflakeAt is the smallest message ID Discord can give a message at t,
// less one: the after of a request for the messages from t on.
func snowflakeAt(t time.Time) string {
	ms := t.UnixMilli() - discordEpoch
	if ms <= 0 {
		return "0"
	}
	return strconv.FormatUint(uint64(ms)<<22-1, 10)
}

// laterID returns the later of two message IDs.
func laterID(a, b string) string {
	x, errA := strconv.ParseUint(a, 10, 64)
	y, errB := strconv.ParseUint(b, 10, 64)
	if errB != nil || errA == nil && x >= y {
		return a
	}
	return b
}

// nonceMessage is a message to create with a nonce: discordgo v0.29.0's
// MessageSend has no nonce or enforce_nonce.
type nonceMessage struct {
	*discordgo.MessageSend
	Nonce        string `json:"nonce,omitempty"`
	EnforceNonce bool   `json:"enforce_nonce,omitempty"`
}

// sendWithNonce creates data in channel with nonce and enforce_nonce, as
// the SDK's ChannelMessageSendComplex does without (no files here).
func sendWithNonce(ctx context.Context, s *discordgo.Session, channel string, data *discordgo.MessageSend, nonce string) (*discordgo.Message, error) {
	for _, e := range data.Embeds {
		if e.Type == "" {
			e.Type = discordgo.EmbedTypeRich
		}
	}
	endpoint := discordgo.EndpointChannelMessages(channel)
	body, err := s.RequestWithBucketID(http.MethodPost, endpoint, nonceMessage{MessageSend: data, Nonce: nonce, EnforceNonce: true}, endpoint, requestOptions(ctx)...)
	if err != nil {
		return nil, err
	}
	var m discordgo.Message
	if err := discordgo.Unmarshal(body, &m); err != nil {
		return nil, fmt.Errorf("decode the message created: %w", err)
	}
	return &m, nil
}
