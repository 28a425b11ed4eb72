package discord_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/platforms/discord"
	"github.com/briefbot/briefbot/platforms/discord/discordtest"
)

func TestSlashCommandDefersThenEdits(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		guild    string
		data     map[string]any
		wantText string
	}{
		{"subcommand with option", "1", discordtest.Slash("deadline-status", "topic-or-name", "Putin"), "deadline status Putin"},
		{"what did", "1", discordtest.Slash("what-did", "name", "Trump"), "what did Trump say"},
		{"subcommand without option", "1", discordtest.Slash("sources", "", ""), "sources"},
		{"ask", "1", discordtest.Slash("ask", "text", "who is Witkoff?"), "who is Witkoff?"},
		{"in a DM", "", discordtest.Slash("ask", "text", "summary"), "summary"},
		{"unknown subcommand", "1", discordtest.Slash("retired", "", ""), "help"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newRig(t, discord.Options{GuildID: "1"}, discordtest.Options{}, nil)
			r.ready()
			in := discordtest.Interaction{ID: "3000", Token: "itok", ChannelID: "10", GuildID: tt.guild, UserID: "42", Data: tt.data}
			if err := r.srv.SendInteraction(in); err != nil {
				t.Fatal(err)
			}
			sentAt := r.wait(discordtest.Is(discordtest.KindDispatch)).At
			cb := r.wait(discordtest.REST("POST", "interactions/3000/*"))
			if cb.Status != 204 {
				t.Fatalf("deferral = %v, want 204", cb)
			}
			t.Logf("deferral %v after the dispatch (Discord allows 3s)", cb.At.Sub(sentAt))
			m := r.message()
			want := bot.Message{Platform: "discord", Channel: "10", User: "42", Text: tt.wantText}
			if !reflect.DeepEqual(m, want) {
				t.Errorf("handler got %+v, want %+v", m, want)
			}
			edit := r.wait(discordtest.REST("PATCH", "webhooks/800/*"))
			if edit.Status != 200 || !strings.HasSuffix(edit.Path, "/messages/@original") {
				t.Fatalf("answer = %v, want PATCH …/messages/@original → 200", edit)
			}
			if got := sent(t, edit); len(got.Embeds) != 1 || got.Embeds[0].Description != discord.Escape(tt.wantText) {
				t.Errorf("edited response = %+v, want one embed echoing %q", got, tt.wantText)
			}
			mustNotPing(t, edit)
		})
	}
}

func TestLongSlashAnswerFollowsUpInOrder(t *testing.T) {
	long := func(_ context.Context, m bot.Message) ([]bot.Reply, error) {
		return []bot.Reply{{Text: strings.Repeat("word ", 1000)}, {Text: "second reply"}}, nil
	}
	r := newRig(t, discord.Options{}, discordtest.Options{}, handlerFunc(long))
	r.ready()
	if err := r.srv.SendInteraction(discordtest.Interaction{ID: "3000", Token: "itok", ChannelID: "10", GuildID: "1", UserID: "42", Data: discordtest.Slash("ask", "text", "x")}); err != nil {
		t.Fatal(err)
	}
	r.wait(discordtest.REST("POST", "interactions/3000/itok/callback"))
	var got []string
	got = append(got, sent(t, r.wait(discordtest.REST("PATCH", "webhooks/800/itok/messages/@original"))).Content)
	for range 3 {
		e := r.wait(discordtest.REST("POST", "webhooks/800/itok"))
		mustNotPing(t, e)
		got = append(got, sent(t, e).Content)
	}
	// 1,000 words of 5 characters: cut at the last space under 2,000.
	if len(got[0]) != 1999 || len(got[1]) != 1999 || len(got[2]) != 999 || got[3] != "second reply" {
		t.Errorf("pieces of %d, %d, %d characters and %q; want 1999, 1999, 999, then the second reply", len(got[0]), len(got[1]), len(got[2]), got[3])
	}
}

func TestMentionsAndDMsAreAnsweredOthersIgnored(t *testing.T) {
	r := newRig(t, discord.Options{}, discordtest.Options{}, nil)
	r.ready()
	ignored := []discordtest.Msg{
		{ID: "1", ChannelID: "10", GuildID: "1", AuthorID: "42", Content: "deadline status"}, // no mention
		{ID: "2", ChannelID: "10", GuildID: "1", AuthorID: "77", Bot: true, Content: "<@900> hi", Mentions: []string{"900"}},
		{ID: "3", ChannelID: "10", GuildID: "1", AuthorID: "900", Content: "<@900> me", Mentions: []string{"900"}},
		{ID: "4", ChannelID: "10", GuildID: "1", AuthorID: "42", Content: "<@900>", Mentions: []string{"900"}, Type: 7}, // a join notice
		{ID: "5", ChannelID: "20", AuthorID: "77", Bot: true, Content: "a bot's DM"},
	}
	for _, m := range ignored {
		if err := r.srv.SendMessage(m); err != nil {
			t.Fatal(err)
		}
	}
	answered := []struct {
		msg      discordtest.Msg
		wantText string
	}{
		{discordtest.Msg{ID: "11", ChannelID: "10", GuildID: "1", AuthorID: "42", Content: "<@900> deadline status", Mentions: []string{"900"}}, "deadline status"},
		{discordtest.Msg{ID: "12", ChannelID: "10", GuildID: "1", AuthorID: "42", Content: "what did <@!900>   Trump say", Mentions: []string{"900"}}, "what did Trump say"},
		{discordtest.Msg{ID: "13", ChannelID: "10", GuildID: "1", AuthorID: "42", Content: "<@900>", Mentions: []string{"900"}}, "help"},
		{discordtest.Msg{ID: "14", ChannelID: "10", GuildID: "1", AuthorID: "42", Content: "a reply that pings", Mentions: []string{"900"}, Type: 19}, "a reply that pings"},
		{discordtest.Msg{ID: "15", ChannelID: "20", AuthorID: "42", Content: "summary"}, "summary"},
	}
	for _, tt := range answered {
		if err := r.srv.SendMessage(tt.msg); err != nil {
			t.Fatal(err)
		}
		m := r.message()
		want := bot.Message{Platform: "discord", Channel: tt.msg.ChannelID, User: "42", Text: tt.wantText}
		if !reflect.DeepEqual(m, want) {
			t.Errorf("message %s: handler got %+v, want %+v (the ignored ones before it must not reach it)", tt.msg.ID, m, want)
		}
		e := r.wait(discordtest.REST("POST", "channels/"+tt.msg.ChannelID+"/messages"))
		got := sent(t, e)
		if got.Reference == nil || got.Reference.MessageID != tt.msg.ID {
			t.Errorf("message %s: answer references %+v, want a reply to it", tt.msg.ID, got.Reference)
		}
		mustNotPing(t, e)
	}
}

func TestNonCommandInteractionsAreIgnored(t *testing.T) {
	r := newRig(t, discord.Options{}, discordtest.Options{}, nil)
	r.ready()
	for i, typ := range []int{3, 4, 5} { // a button, autocomplete, a modal: ApplicationCommandData would panic on 3 and 5
		if err := r.srv.SendInteraction(discordtest.Interaction{ID: fmt.Sprint(4000 + i), Token: fmt.Sprint("ctok", i), ChannelID: "10", GuildID: "1", UserID: "42", Type: typ, Data: map[string]any{"custom_id": "x", "component_type": 2}}); err != nil {
			t.Fatal(err)
		}
	}
	if err := r.srv.SendInteraction(discordtest.Interaction{ID: "3000", Token: "itok", ChannelID: "10", GuildID: "1", UserID: "42", Data: discordtest.Slash("more", "", "")}); err != nil {
		t.Fatal(err)
	}
	if m := r.message(); m.Text != "more" {
		t.Errorf("handler got %q, want only the slash command", m.Text)
	}
	r.wait(discordtest.REST("PATCH", "webhooks/800/itok/messages/@original"))
	if n := r.srv.Count(discordtest.REST("POST", "interactions/*")); n != 1 {
		t.Errorf("answered %d interactions, want 1", n)
	}
}

func TestHandlerFailuresAnswerWithoutLeaking(t *testing.T) {
	h := handlerFunc(func(_ context.Context, m bot.Message) ([]bot.Reply, error) {
		switch m.Text {
		case "panic":
			panic("index out of range at /srv/secret/path")
		case "user error":
			return nil, &bot.Error{Message: "That message is too long.", Err: errors.New("4001 bytes")}
		case "internal":
			return nil, errors.New("open /srv/secret/path: permission denied")
		}
		return nil, nil
	})
	r := newRig(t, discord.Options{}, discordtest.Options{}, h)
	r.ready()
	tests := []struct{ text, want string }{
		{"panic", "Sorry, something went wrong."},
		{"user error", "That message is too long."},
		{"internal", "Sorry, something went wrong."},
		{"nothing", "(no answer)"},
	}
	for i, tt := range tests {
		got := sent(t, r.askDM(fmt.Sprint(2000+i), tt.text))
		if got.Content != tt.want {
			t.Errorf("%q answered %q, want %q", tt.text, got.Content, tt.want)
		}
	}
	if strings.Contains(fmt.Sprint(r.srv.Events()), "/srv/secret") {
		t.Error("an internal error reached the chat")
	}
	if !strings.Contains(r.logs.String(), "panicked") {
		t.Errorf("the panic was not logged:\n%s", r.logs.String())
	}
}

func TestMentionSafety(t *testing.T) {
	hostile := "@everyone @here <@123> <@!123> <@&456> <#789> @EVERYONE"
	h := handlerFunc(func(_ context.Context, m bot.Message) ([]bot.Reply, error) {
		return []bot.Reply{{
			Title: "Quote: " + hostile, Text: m.Text + " " + hostile,
			Sections: []bot.Section{{Heading: hostile, Items: []bot.Item{{Text: "they said " + hostile, Source: 0}}}},
			Sources:  []bot.Source{{Title: hostile, Outlet: "@here news", URL: "https://example.org/@everyone"}},
			Footer:   hostile,
		}}, nil
	})
	r := newRig(t, discord.Options{}, discordtest.Options{}, h)
	r.ready()
	if err := r.srv.SendMessage(discordtest.Msg{ID: "11", ChannelID: "10", GuildID: "1", AuthorID: "42", Content: "<@900> @everyone look", Mentions: []string{"900"}}); err != nil {
		t.Fatal(err)
	}
	mustNotPing(t, r.wait(discordtest.REST("POST", "channels/10/messages")))
	if err := r.srv.SendInteraction(discordtest.Interaction{ID: "3000", Token: "itok", ChannelID: "10", GuildID: "1", UserID: "42", Data: discordtest.Slash("ask", "text", "<@&456> hi")}); err != nil {
		t.Fatal(err)
	}
	mustNotPing(t, r.wait(discordtest.REST("PATCH", "webhooks/800/itok/messages/@original")))
	if _, err := r.a.Post(r.ctx, bot.Reply{Channel: "30", Title: hostile, Text: hostile}); err != nil {
		t.Fatal(err)
	}
	mustNotPing(t, r.wait(discordtest.REST("POST", "channels/30/messages")))
}
