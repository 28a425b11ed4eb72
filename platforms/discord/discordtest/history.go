package discordtest

import (
	"cmp"
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"time"
)

// discordEpoch is when snowflake time starts, in Unix milliseconds.
const discordEpoch = 1420070400000

// DefaultNonceWindow is how long the fake remembers a nonce sent with
// enforce_nonce: Discord documents "the past few minutes".
const DefaultNonceWindow = 2 * time.Minute

// Posted is a message in one of the fake's channels: created by the bot
// (POST /channels/{id}/messages) or added by the test (AddMessage).
type Posted struct {
	ID        string // a snowflake: its time is when the message was created
	ChannelID string
	AuthorID  string
	Nonce     string // as sent; Discord never shows it in history
	Sent      Sent
	At        time.Time

	obj map[string]any // the message object Discord answers with
}

// Messages returns the messages of channel, oldest first.
func (s *Server) Messages(channel string) []Posted {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Posted
	for _, m := range s.posted {
		if m.ChannelID == channel {
			out = append(out, m)
		}
	}
	return out
}

// AddMessage puts a message by author (BotID for the bot's own) into
// channel's history at at (now when zero), without a request or a
// dispatch, and returns its ID: what another process left, or someone
// else's message. IDs never go back in time, so add older messages first.
func (s *Server) AddMessage(channel, author, content string, at time.Time) string {
	if at.IsZero() {
		at = time.Now()
	}
	body, err := json.Marshal(map[string]any{"content": content})
	if err != nil {
		panic(err) // a map of strings always marshals
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.store(channel, author, "", body, at).ID
}

// store records a message created at at and returns it. Call it under
// the lock.
func (s *Server) store(channel, author, nonce string, body []byte, at time.Time) Posted {
	obj := map[string]any{}
	if err := json.Unmarshal(body, &obj); err != nil {
		obj = map[string]any{}
	}
	delete(obj, "nonce")
	delete(obj, "enforce_nonce")
	id := s.snowflake(at)
	obj["id"], obj["channel_id"], obj["type"] = id, channel, 0
	obj["author"] = map[string]any{"id": author, "username": "user" + author, "bot": author == BotID}
	obj["timestamp"] = at.UTC().Format(time.RFC3339Nano)
	var sent Sent
	_ = json.Unmarshal(body, &sent) // checked by checkMessage, or ours
	p := Posted{ID: id, ChannelID: channel, AuthorID: author, Nonce: nonce, Sent: sent, At: at, obj: obj}
	s.posted = append(s.posted, p)
	return p
}

// snowflake returns a new message ID for time t, later than every ID
// given before. Call it under the lock.
func (s *Server) snowflake(t time.Time) string {
	id := uint64(max(t.UnixMilli()-discordEpoch, 0)) << 22
	s.lastSnowflake = max(id, s.lastSnowflake+1)
	return strconv.FormatUint(s.lastSnowflake, 10)
}

// createMessage creates a message in channel, or, when the body has a
// nonce and enforce_nonce and the bot created a message with that nonce
// within NonceWindow, answers that message and creates nothing.
func (s *Server) createMessage(channel string, body []byte) (int, any) {
	if err := checkMessage(body); err != nil {
		return http.StatusBadRequest, apiError(50035, "Invalid Form Body: "+err.Error())
	}
	var n struct {
		Nonce        json.RawMessage `json:"nonce"`
		EnforceNonce bool            `json:"enforce_nonce"`
	}
	if err := json.Unmarshal(body, &n); err != nil {
		return http.StatusBadRequest, apiError(50035, "Invalid Form Body")
	}
	nonce := ""
	if len(n.Nonce) > 0 {
		if err := json.Unmarshal(n.Nonce, &nonce); err != nil {
			nonce = string(n.Nonce) // an integer nonce
		}
		if len(nonce) > 25 {
			return http.StatusBadRequest, apiError(50035, "Invalid Form Body: nonce over 25 characters")
		}
	}
	now := time.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	if nonce != "" && n.EnforceNonce {
		for _, p := range slices.Backward(s.posted) {
			if p.AuthorID == BotID && p.Nonce == nonce && now.Sub(p.At) <= s.opts.NonceWindow {
				s.repeats++
				return http.StatusOK, p.obj
			}
		}
	}
	return http.StatusOK, s.store(channel, BotID, nonce, body, now).obj
}

// NonceRepeats is how many message creations the fake answered with the
// message an earlier one with the same enforced nonce created.
func (s *Server) NonceRepeats() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.repeats
}

// channelMessages answers GET /channels/{id}/messages as Discord does:
// limit (1–100, 50 by default) messages, newest first: those right after
// the after ID, else those right before the before ID (or the latest).
func (s *Server) channelMessages(channel string, q url.Values) (int, any) {
	limit := 50
	if l := q.Get("limit"); l != "" {
		n, err := strconv.Atoi(l)
		if err != nil || n < 1 || n > 100 {
			return http.StatusBadRequest, apiError(50035, "Invalid Form Body: limit")
		}
		limit = n
	}
	id := func(s string) uint64 {
		n, _ := strconv.ParseUint(s, 10, 64) // "" and junk read as 0
		return n
	}
	after, before := id(q.Get("after")), id(q.Get("before"))
	var msgs []Posted
	for _, m := range s.Messages(channel) {
		if q.Has("after") && id(m.ID) <= after || q.Has("before") && id(m.ID) >= before {
			continue
		}
		msgs = append(msgs, m)
	}
	// Oldest first: keep the first limit after "after", else the last limit.
	if q.Has("after") {
		msgs = msgs[:min(limit, len(msgs))]
	} else {
		msgs = msgs[max(len(msgs)-limit, 0):]
	}
	slices.SortFunc(msgs, func(a, b Posted) int { return cmp.Compare(id(b.ID), id(a.ID)) })
	out := make([]map[string]any, 0, len(msgs))
	for _, m := range msgs {
		out = append(out, m.obj)
	}
	return http.StatusOK, out
}
