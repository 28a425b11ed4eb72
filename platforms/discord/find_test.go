package discord_test

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/platforms/discord"
	"github.com/briefbot/briefbot/platforms/discord/discordtest"
)

const slotKey = "morning/discord/30/2025-08-11T07:00:00Z"

// marker is the line a post made with key shows, written out here so a
// change to the format fails a test.
func marker(key string, part, parts int) string {
	sum := sha256.Sum256([]byte(key))
	line := "-# digest ref " + hex.EncodeToString(sum[:8])
	if parts > 1 {
		line += fmt.Sprintf(" (part %d of %d)", part, parts)
	}
	return line
}

// longDigest is a digest in channel 30 that takes several messages.
func longDigest() bot.Reply {
	r := bot.Reply{Channel: "30", Title: "Digest: morning", Text: "Lots of news.", Key: slotKey}
	for i := range 12 {
		r.Sections = append(r.Sections, bot.Section{Heading: fmt.Sprintf("Story %d", i), Items: []bot.Item{
			{Text: strings.Repeat(fmt.Sprintf("story %d words ", i), 60), Source: -1},
		}})
	}
	return r
}

func TestPostWithAKeyIsMarkedAndRefusedTwice(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		reply bot.Reply
		parts int
	}{
		{"one message", bot.Reply{Channel: "30", Title: "Digest: morning", Text: "Nothing new.", Key: slotKey}, 1},
		{"several messages", longDigest(), 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := prepareRig(t, discord.Options{}, discordtest.Options{})
			id, err := r.a.Post(r.ctx, tt.reply)
			if err != nil {
				t.Fatal(err)
			}
			msgs := r.srv.Messages("30")
			if len(msgs) != tt.parts || msgs[0].ID != id {
				t.Fatalf("Post() = %q; channel holds %d messages, want %d, the first with that ID", id, len(msgs), tt.parts)
			}
			nonces := map[string]bool{}
			for i, m := range msgs {
				e := r.wait(discordtest.REST("POST", "channels/30/messages"))
				var body struct {
					Nonce        string `json:"nonce"`
					EnforceNonce bool   `json:"enforce_nonce"`
				}
				if err := json.Unmarshal(e.Body, &body); err != nil {
					t.Fatal(err)
				}
				if body.Nonce == "" || len(body.Nonce) > 25 || !body.EnforceNonce || nonces[body.Nonce] {
					t.Errorf("message %d: nonce %q, enforce_nonce %v; want a unique nonce of at most 25 characters, enforced", i+1, body.Nonce, body.EnforceNonce)
				}
				nonces[body.Nonce] = true
				if want := marker(slotKey, i+1, len(msgs)); m.Sent.Content != want {
					t.Errorf("message %d content = %q, want the marker %q", i+1, m.Sent.Content, want)
				}
				mustNotPing(t, e)
			}
			// The same post again, as a successor would send it within minutes.
			again, err := r.a.Post(r.ctx, tt.reply)
			if err != nil || again != id {
				t.Errorf("Post() again = %q, %v; want %q, the message Discord already has", again, err, id)
			}
			if n := len(r.srv.Messages("30")); n != len(msgs) || r.srv.NonceRepeats() != len(msgs) {
				t.Errorf("after posting again: %d messages, %d refused repeats; want %d and %d", n, r.srv.NonceRepeats(), len(msgs), len(msgs))
			}
		})
	}
}

func TestPostWithoutAKeyHasNoNonce(t *testing.T) {
	r := prepareRig(t, discord.Options{}, discordtest.Options{})
	if _, err := r.a.Post(r.ctx, bot.Reply{Channel: "30", Title: "Digest", Text: "news"}); err != nil {
		t.Fatal(err)
	}
	e := r.wait(discordtest.REST("POST", "channels/30/messages"))
	if strings.Contains(string(e.Body), "nonce") || sent(t, e).Content != "" {
		t.Errorf("an answer without a key sent %s", e.Body)
	}
}

func TestFindPost(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		setup     func(t *testing.T, r *rig) (wantID string)
		wantFound bool
		wantErr   func(error) bool
		wantLog   string
	}{
		{
			name: "posted in several messages: found, the first one",
			setup: func(t *testing.T, r *rig) string {
				id, err := r.a.Post(r.ctx, longDigest())
				if err != nil {
					t.Fatal(err)
				}
				r.srv.AddMessage("30", "42", "later chat", time.Time{})
				return id
			},
			wantFound: true,
		},
		{
			name:  "never posted",
			setup: func(*testing.T, *rig) string { return "" },
		},
		{
			name: "another slot's post",
			setup: func(t *testing.T, r *rig) string {
				r.srv.AddMessage("30", discordtest.BotID, marker(slotKey+"x", 1, 1), time.Time{})
				return ""
			},
		},
		{
			name: "someone else's message with the marker",
			setup: func(t *testing.T, r *rig) string {
				r.srv.AddMessage("30", "42", marker(slotKey, 1, 1), time.Time{})
				return ""
			},
		},
		{
			name: "the marker inside a line is not one",
			setup: func(t *testing.T, r *rig) string {
				r.srv.AddMessage("30", discordtest.BotID, "quoting "+marker(slotKey, 1, 1), time.Time{})
				return ""
			},
		},
		{
			name: "posted before since",
			setup: func(t *testing.T, r *rig) string {
				r.srv.AddMessage("30", discordtest.BotID, marker(slotKey, 1, 1), time.Now().Add(-time.Hour))
				return ""
			},
		},
		{
			name: "found past the first pages",
			setup: func(t *testing.T, r *rig) string {
				for i := range 250 {
					r.srv.AddMessage("30", "42", fmt.Sprintf("chatter %d", i), time.Time{})
				}
				return r.srv.AddMessage("30", discordtest.BotID, marker(slotKey, 1, 1), time.Time{})
			},
			wantFound: true,
		},
		{
			name: "posted in part",
			setup: func(t *testing.T, r *rig) string {
				id := r.srv.AddMessage("30", discordtest.BotID, marker(slotKey, 1, 3), time.Time{})
				r.srv.AddMessage("30", discordtest.BotID, marker(slotKey, 2, 3), time.Time{})
				return id
			},
			wantErr: func(err error) bool { return errors.Is(err, bot.ErrPartialPost) },
		},
		{
			name: "no Read Message History: not found, and a warning",
			setup: func(t *testing.T, r *rig) string {
				r.srv.Fail(discordtest.Fault{Method: "GET", Path: "channels/30/messages", Status: 403})
				return ""
			},
			wantLog: "Read Message History",
		},
		{
			name: "rate limited beyond the longest wait",
			setup: func(t *testing.T, r *rig) string {
				r.srv.Fail(discordtest.Fault{Method: "GET", Path: "channels/30/messages", Status: 429, RetryAfter: 2 * time.Minute})
				return ""
			},
			wantErr: func(err error) bool {
				re, ok := isRetry(err)
				return ok && re.After == 2*time.Minute
			},
		},
		{
			name: "unknown channel",
			setup: func(t *testing.T, r *rig) string {
				r.srv.Fail(discordtest.Fault{Method: "GET", Path: "channels/30/messages", Status: 404})
				return ""
			},
			wantErr: func(err error) bool { _, retry := isRetry(err); return err != nil && !retry },
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := prepareRig(t, discord.Options{}, discordtest.Options{})
			wantID := tt.setup(t, r)
			id, found, err := r.a.FindPost(r.ctx, "30", slotKey, time.Now().Add(-time.Minute))
			switch {
			case tt.wantErr != nil && !tt.wantErr(err):
				t.Fatalf("FindPost() error = %v, not the one wanted", err)
			case tt.wantErr == nil && err != nil:
				t.Fatalf("FindPost() = %v", err)
			}
			if found != tt.wantFound || (found || tt.wantErr != nil) && id != wantID {
				t.Errorf("FindPost() = %q, %v; want %q, %v", id, found, wantID, tt.wantFound)
			}
			if tt.wantLog != "" && !strings.Contains(r.logs.String(), tt.wantLog) {
				t.Errorf("log lacks %q:\n%s", tt.wantLog, r.logs)
			}
			r.wait(discordtest.REST("GET", "channels/30/messages"))
		})
	}
}

func TestFindPostAsksForMessagesAfterSince(t *testing.T) {
	r := prepareRig(t, discord.Options{}, discordtest.Options{})
	since := time.Date(2025, 8, 11, 7, 0, 0, 0, time.UTC)
	if _, _, err := r.a.FindPost(r.ctx, "30", slotKey, since); err != nil {
		t.Fatal(err)
	}
	me := r.wait(discordtest.REST("GET", "users/@me"))
	if me.Status != 200 {
		t.Errorf("users/@me = %v", me)
	}
	r.wait(discordtest.REST("GET", "channels/30/messages"))
	// The request's query is not in the event's path: check it made it
	// through by what the fake answered for a message just before since.
	r.srv.AddMessage("30", discordtest.BotID, marker(slotKey, 1, 1), since.Add(-time.Millisecond))
	if _, found, err := r.a.FindPost(r.ctx, "30", slotKey, since); err != nil || found {
		t.Errorf("FindPost() = %v, %v; want a message before since not found", found, err)
	}
	id := r.srv.AddMessage("30", discordtest.BotID, marker(slotKey, 1, 1), since)
	if got, found, err := r.a.FindPost(r.ctx, "30", slotKey, since); err != nil || !found || got != id {
		t.Errorf("FindPost() = %q, %v, %v; want %q, a message at since", got, found, err, id)
	}
}

func TestLink(t *testing.T) {
	r := newRig(t, discord.Options{}, discordtest.Options{}, nil)
	r.ready()
	err := r.srv.Dispatch("GUILD_CREATE", map[string]any{
		"id": "1", "name": "Team", "unavailable": false,
		"channels": []any{map[string]any{"id": "10", "type": 0, "name": "news"}},
		"threads":  []any{map[string]any{"id": "11", "type": 11, "name": "digest-thread", "guild_id": "1"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	r.wait(discordtest.Is(discordtest.KindDispatch))
	if err := r.srv.SendMessage(discordtest.Msg{ID: "2000", ChannelID: "20", AuthorID: "42", Content: "help"}); err != nil {
		t.Fatal(err)
	}
	r.message() // handled: the DM's channel is known by now
	if err := r.srv.SendMessage(discordtest.Msg{ID: "2001", ChannelID: "12", GuildID: "2", AuthorID: "42", Mentions: []string{discordtest.BotID}}); err != nil {
		t.Fatal(err)
	}
	r.message()
	tests := []struct {
		channel, id, want string
	}{
		{"10", "5001", "https://discord.com/channels/1/10/5001"},
		{"11", "5002", "https://discord.com/channels/1/11/5002"},
		{"20", "5003", "https://discord.com/channels/@me/20/5003"},
		{"12", "5004", "https://discord.com/channels/2/12/5004"},
		{"99", "5005", ""}, // unknown, and no guild configured
		{"10", "", ""},
		{"10", "m1", ""},
	}
	for _, tt := range tests {
		if got := r.a.Link(tt.channel, tt.id); got != tt.want {
			t.Errorf("Link(%q, %q) = %q, want %q", tt.channel, tt.id, got, tt.want)
		}
	}
}

func TestLinkFallsBackToTheConfiguredGuild(t *testing.T) {
	a, err := discord.New(discord.Options{Token: secret, GuildID: "1"})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := a.Link("10", "5001"), "https://discord.com/channels/1/10/5001"; got != want {
		t.Errorf("Link() = %q, want %q", got, want)
	}
}

func TestPostWithAKeyKeepsItsMarkerAsPlainText(t *testing.T) {
	r := prepareRig(t, discord.Options{}, discordtest.Options{})
	r.srv.Fail(discordtest.Fault{Method: "POST", Path: "channels/30/messages", Status: 400})
	id, err := r.a.Post(r.ctx, bot.Reply{Channel: "30", Title: "Digest", Text: "news", Key: slotKey})
	if err != nil {
		t.Fatalf("Post() = %v", err)
	}
	refused := r.wait(discordtest.REST("POST", "channels/30/messages"))
	plain := r.wait(discordtest.REST("POST", "channels/30/messages"))
	nonceOf := func(e discordtest.Event) string {
		var b struct {
			Nonce string `json:"nonce"`
		}
		if err := json.Unmarshal(e.Body, &b); err != nil {
			t.Fatal(err)
		}
		return b.Nonce
	}
	if got := sent(t, plain); len(got.Embeds) != 0 || !strings.HasSuffix(got.Content, "\n\n"+marker(slotKey, 1, 1)) {
		t.Errorf("fallback content = %q, want the reply ending in its marker", got.Content)
	}
	if nonceOf(plain) == "" || nonceOf(plain) != nonceOf(refused) {
		t.Errorf("fallback nonce %q, refused one %q: want the same", nonceOf(plain), nonceOf(refused))
	}
	if got, found, err := r.a.FindPost(r.ctx, "30", slotKey, time.Now().Add(-time.Minute)); err != nil || !found || got != id {
		t.Errorf("FindPost() = %q, %v, %v; want %q", got, found, err, id)
	}
}
