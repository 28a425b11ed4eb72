package slackfake

import (
	"cmp"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

// FailHistory makes the next conversations.history calls answer fs, one
// each; a zero Failure lets its call through. Failure{Error:
// "missing_scope"} is what Slack answers an app without channels:history.
func (s *Server) FailHistory(fs ...Failure) {
	s.update(func() { s.historyFail = append(s.historyFail, fs...) })
}

// HistoryRequests returns the form of every conversations.history call,
// in order.
func (s *Server) HistoryRequests() []url.Values {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.historyReqs)
}

// AddMessage puts a message the bot did not post into p.Channel's history
// (someone else's, when p.User and p.BotID say so), at p.At (now when
// zero), and returns its ts. It is not among Posts.
func (s *Server) AddMessage(p Post) string {
	if p.At.IsZero() {
		p.At = time.Now()
	}
	s.update(func() {
		p.TS = s.nextTS(p.At)
		s.others = append(s.others, p)
	})
	return p.TS
}

// nextTS returns a ts for a message at t: its Unix time in microseconds,
// later than every ts given before, as Slack's are. Call it under the
// lock.
func (s *Server) nextTS(t time.Time) string {
	s.lastTS = max(t.UnixMicro(), s.lastTS+1)
	return fmt.Sprintf("%d.%06d", s.lastTS/1e6, s.lastTS%1e6)
}

// validMetadata reports whether md is message metadata Slack accepts: an
// event_type and an event_payload object.
func validMetadata(md string) bool {
	var m struct {
		EventType    string         `json:"event_type"`
		EventPayload map[string]any `json:"event_payload"`
	}
	return json.Unmarshal([]byte(md), &m) == nil && m.EventType != "" && m.EventPayload != nil
}

// historyMessage is a message as conversations.history shows it.
type historyMessage struct {
	Type     string          `json:"type"`
	TS       string          `json:"ts"`
	Text     string          `json:"text"`
	User     string          `json:"user,omitempty"`
	BotID    string          `json:"bot_id,omitempty"`
	Blocks   json.RawMessage `json:"blocks,omitempty"`
	Metadata json.RawMessage `json:"metadata,omitempty"`
}

// conversationsHistory answers conversations.history as Slack does: the
// channel's messages between oldest and latest, newest first, limit a page
// (100 by default), the next page through response_metadata.next_cursor,
// and message metadata only with include_all_metadata.
func (s *Server) conversationsHistory(w http.ResponseWriter, r *http.Request) {
	if !s.botTokenOK(r, "conversations.history") {
		writeJSON(w, map[string]any{"ok": false, "error": "invalid_auth"})
		return
	}
	form := r.PostForm
	var fail *Failure
	var msgs []Post
	s.update(func() {
		s.historyReqs = append(s.historyReqs, form)
		if len(s.historyFail) > 0 {
			f := s.historyFail[0]
			s.historyFail = s.historyFail[1:]
			if f != (Failure{}) {
				fail = &f
				return
			}
		}
		for _, p := range append(slices.Clone(s.posts), s.others...) {
			if p.TS != "" && p.Channel == form.Get("channel") {
				msgs = append(msgs, p)
			}
		}
	})
	if fail != nil {
		writeFailure(w, *fail)
		return
	}
	if form.Get("channel") == "" {
		writeJSON(w, map[string]any{"ok": false, "error": "channel_not_found"})
		return
	}
	inclusive := form.Get("inclusive") == "1" || form.Get("inclusive") == "true"
	oldest, latest := tsMicros(form.Get("oldest")), tsMicros(form.Get("latest"))
	msgs = slices.DeleteFunc(msgs, func(p Post) bool {
		t := tsMicros(p.TS)
		return t < oldest || !inclusive && t == oldest || latest > 0 && (t > latest || !inclusive && t == latest)
	})
	slices.SortFunc(msgs, func(a, b Post) int { return cmp.Compare(tsMicros(b.TS), tsMicros(a.TS)) }) // newest first
	limit, err := strconv.Atoi(form.Get("limit"))
	if err != nil || limit <= 0 {
		limit = 100
	}
	limit = min(limit, 999)
	from, _ := strconv.Atoi(strings.TrimPrefix(form.Get("cursor"), "next:"))
	from = min(max(from, 0), len(msgs))
	page := msgs[from:min(from+limit, len(msgs))]
	meta := form.Get("include_all_metadata") == "1" || form.Get("include_all_metadata") == "true"
	out := make([]historyMessage, 0, len(page))
	for _, p := range page {
		m := historyMessage{Type: "message", TS: p.TS, Text: p.Text, User: p.User, BotID: p.BotID, Blocks: p.Blocks}
		if meta {
			m.Metadata = p.Metadata
		}
		out = append(out, m)
	}
	more := from+len(page) < len(msgs)
	next := ""
	if more {
		next = "next:" + strconv.Itoa(from+len(page))
	}
	writeJSON(w, map[string]any{"ok": true, "messages": out, "has_more": more, "response_metadata": map[string]any{"next_cursor": next}})
}

// tsMicros reads a ts as microseconds; 0 when it is empty or not one.
func tsMicros(ts string) int64 {
	sec, frac, _ := strings.Cut(ts, ".")
	s, err := strconv.ParseInt(sec, 10, 64)
	if err != nil {
		return 0
	}
	frac = (frac + "000000")[:6]
	us, err := strconv.ParseInt(frac, 10, 64)
	if err != nil {
		return 0
	}
	return s*1e6 + us
}
