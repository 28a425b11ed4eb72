package slack_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/platforms/slack"
	"github.com/briefbot/briefbot/platforms/slack/slackfake"
)

// metadata decodes a post's metadata; ok is false when it has none.
func metadata(t *testing.T, p slackfake.Post) (eventType, key string, part, parts int, ok bool) {
	t.Helper()
	if p.Metadata == nil {
		return "", "", 0, 0, false
	}
	var m struct {
		EventType    string `json:"event_type"`
		EventPayload struct {
			Key   string `json:"key"`
			Part  int    `json:"part"`
			Parts int    `json:"parts"`
		} `json:"event_payload"`
	}
	if err := json.Unmarshal(p.Metadata, &m); err != nil {
		t.Fatalf("metadata %s: %v", p.Metadata, err)
	}
	return m.EventType, m.EventPayload.Key, m.EventPayload.Part, m.EventPayload.Parts, true
}

func TestPostCarriesTheKeyInMetadata(t *testing.T) {
	f := newFake(t, 0)
	a, _ := newAdapter(t, f, nil)
	const key = "morning/slack/C1/2025-08-11T07:00:00Z"
	r := longReply("C1", 10, 2900) // 3 messages
	r.Key = key
	if _, err := a.Post(waitCtx(t), r); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Post(waitCtx(t), bot.Reply{Channel: "C1", Title: "No key"}); err != nil {
		t.Fatal(err)
	}
	posts := f.Posts()
	if len(posts) != 4 {
		t.Fatalf("%d posts, want 4", len(posts))
	}
	for i, p := range posts[:3] {
		typ, k, part, parts, ok := metadata(t, p)
		if !ok || typ != slack.MetadataEventType || k != key || part != i+1 || parts != 3 {
			t.Errorf("part %d metadata = %s, want %s with key %q, part %d of 3", i+1, p.Metadata, slack.MetadataEventType, key, i+1)
		}
	}
	if posts[3].Metadata != nil {
		t.Errorf("a reply without a key carries metadata %s", posts[3].Metadata)
	}
}

func TestFindPost(t *testing.T) {
	const key = "morning/slack/C1/2025-08-11T07:00:00Z"
	meta := func(key string, part, parts int) json.RawMessage {
		b, err := json.Marshal(map[string]any{"event_type": slack.MetadataEventType, "event_payload": map[string]any{"key": key, "part": part, "parts": parts}})
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	ours := func(md json.RawMessage) slackfake.Post {
		return slackfake.Post{Channel: "C1", Text: "digest", User: slackfake.BotUserID, BotID: slackfake.BotID, Metadata: md}
	}
	tests := []struct {
		name      string
		setup     func(t *testing.T, f *slackfake.Server, a *slack.Adapter) (wantID string)
		since     time.Duration // from now
		wantFound bool
		wantErr   func(error) bool
		wantLog   string
	}{
		{
			name: "posted: found, the first message's ts",
			setup: func(t *testing.T, f *slackfake.Server, a *slack.Adapter) string {
				r := longReply("C1", 10, 2900)
				r.Key = key
				id, err := a.Post(waitCtx(t), r)
				if err != nil {
					t.Fatal(err)
				}
				f.AddMessage(slackfake.Post{Channel: "C1", Text: "later chat", User: "U2"})
				return id
			},
			since: -time.Minute, wantFound: true,
		},
		{
			name:  "never posted",
			setup: func(*testing.T, *slackfake.Server, *slack.Adapter) string { return "" },
			since: -time.Minute,
		},
		{
			name: "another slot's post",
			setup: func(t *testing.T, f *slackfake.Server, _ *slack.Adapter) string {
				f.AddMessage(ours(meta(key+"x", 1, 1)))
				return ""
			},
			since: -time.Minute,
		},
		{
			name: "someone else's message with the key",
			setup: func(t *testing.T, f *slackfake.Server, _ *slack.Adapter) string {
				p := ours(meta(key, 1, 1))
				p.User, p.BotID = "U2", "B2"
				f.AddMessage(p)
				return ""
			},
			since: -time.Minute,
		},
		{
			name: "posted before since",
			setup: func(t *testing.T, f *slackfake.Server, _ *slack.Adapter) string {
				p := ours(meta(key, 1, 1))
				p.At = time.Now().Add(-time.Hour)
				f.AddMessage(p)
				return ""
			},
			since: -time.Minute,
		},
		{
			name: "found past the first pages",
			setup: func(t *testing.T, f *slackfake.Server, _ *slack.Adapter) string {
				id := f.AddMessage(ours(meta(key, 1, 1)))
				for range 450 {
					f.AddMessage(slackfake.Post{Channel: "C1", Text: "chatter", User: "U2"})
				}
				return id
			},
			since: -time.Minute, wantFound: true,
		},
		{
			name: "rate limited after the first page: judged by the pages read",
			setup: func(t *testing.T, f *slackfake.Server, _ *slack.Adapter) string {
				f.AddMessage(ours(meta(key, 1, 1)))
				for range 450 {
					f.AddMessage(slackfake.Post{Channel: "C1", Text: "chatter", User: "U2"})
				}
				f.FailHistory(slackfake.Failure{}, slackfake.Failure{Status: 429, RetryAfter: 60})
				return ""
			},
			since: -time.Minute, wantLog: "judging by the pages read",
		},
		{
			name: "posted in part",
			setup: func(t *testing.T, f *slackfake.Server, _ *slack.Adapter) string {
				id := f.AddMessage(ours(meta(key, 1, 3)))
				f.AddMessage(ours(meta(key, 2, 3)))
				return id
			},
			since: -time.Minute, wantErr: func(err error) bool { return errors.Is(err, bot.ErrPartialPost) },
		},
		{
			name: "no channels:history scope: not found, and a warning",
			setup: func(t *testing.T, f *slackfake.Server, _ *slack.Adapter) string {
				f.FailHistory(slackfake.Failure{Error: "missing_scope"})
				return ""
			},
			since: -time.Minute, wantLog: "channels:history",
		},
		{
			name: "rate limited",
			setup: func(t *testing.T, f *slackfake.Server, _ *slack.Adapter) string {
				f.FailHistory(slackfake.Failure{Status: 429, RetryAfter: 7})
				return ""
			},
			since: -time.Minute,
			wantErr: func(err error) bool {
				re, ok := errors.AsType[*bot.RetryError](err)
				return ok && re.After == 7*time.Second
			},
		},
		{
			name: "server error",
			setup: func(t *testing.T, f *slackfake.Server, _ *slack.Adapter) string {
				f.FailHistory(slackfake.Failure{Status: 503})
				return ""
			},
			since:   -time.Minute,
			wantErr: func(err error) bool { _, ok := errors.AsType[*bot.RetryError](err); return ok },
		},
		{
			name: "no such channel",
			setup: func(t *testing.T, f *slackfake.Server, _ *slack.Adapter) string {
				f.FailHistory(slackfake.Failure{Error: "channel_not_found"})
				return ""
			},
			since: -time.Minute,
			wantErr: func(err error) bool {
				_, retry := errors.AsType[*bot.RetryError](err)
				return err != nil && !retry && strings.Contains(err.Error(), "channel_not_found")
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFake(t, 0)
			a, logs := newAdapter(t, f, nil)
			wantID := tt.setup(t, f, a)
			id, found, err := a.FindPost(waitCtx(t), "C1", key, time.Now().Add(tt.since))
			switch {
			case tt.wantErr != nil && !tt.wantErr(err):
				t.Fatalf("FindPost() error = %v, not the one wanted", err)
			case tt.wantErr == nil && err != nil:
				t.Fatalf("FindPost() = %v", err)
			}
			if found != tt.wantFound || (found || tt.wantErr != nil) && id != wantID {
				t.Errorf("FindPost() = %q, %v; want %q, %v", id, found, wantID, tt.wantFound)
			}
			if tt.wantLog != "" && !strings.Contains(logs.String(), tt.wantLog) {
				t.Errorf("log lacks %q:\n%s", tt.wantLog, logs)
			}
			reqs := f.HistoryRequests()
			if len(reqs) == 0 || reqs[0].Get("include_all_metadata") != "1" || reqs[0].Get("oldest") == "" || reqs[0].Get("channel") != "C1" {
				t.Errorf("conversations.history requests = %v, want C1 from oldest with include_all_metadata", reqs)
			}
		})
	}
}

func TestLink(t *testing.T) {
	f := newFake(t, 0)
	r := listen(t, f, nil)
	if err := f.WaitConnections(waitCtx(t), 1); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		channel, ts string
		want        string
	}{
		{"C1", "1700001000.000001", "https://fake.slack.test/archives/C1/p1700001000000001"},
		{"C0123456", "1754895600.123456", "https://fake.slack.test/archives/C0123456/p1754895600123456"},
		{"C1", "m1", ""},
		{"C1", "", ""},
		{"", "1700001000.000001", ""},
	}
	for _, tt := range tests {
		if got := r.a.Link(tt.channel, tt.ts); got != tt.want {
			t.Errorf("Link(%q, %q) = %q, want %q", tt.channel, tt.ts, got, tt.want)
		}
	}
}

func TestLinkBeforeConnecting(t *testing.T) {
	f := newFake(t, 0)
	a, _ := newAdapter(t, f, nil)
	if got := a.Link("C1", "1700001000.000001"); got != "" {
		t.Errorf("Link before auth.test = %q, want \"\" (the ID is shown)", got)
	}
}
