package discord_test

import (
	"slices"
	"testing"

	"github.com/briefbot/briefbot/platforms/discord"
	"github.com/briefbot/briefbot/platforms/discord/discordtest"
)

// TestMemberRolesReachTheBot checks the author's roles in the server come
// with the message to the bot (bot.Message.Roles), for /brief and for a
// mention, and that a DM has none.
func TestMemberRolesReachTheBot(t *testing.T) {
	r := newRig(t, discord.Options{GuildID: "1"}, discordtest.Options{}, nil)
	r.ready()
	if err := r.srv.SendInteraction(discordtest.Interaction{ID: "3000", Token: "itok", ChannelID: "10", GuildID: "1", UserID: "42",
		Data: discordtest.Slash("sources", "", ""), Roles: []string{"777", "888"}}); err != nil {
		t.Fatal(err)
	}
	if m := r.message(); m.User != "42" || !slices.Equal(m.Roles, []string{"777", "888"}) {
		t.Errorf("/brief in a server: handler got %+v, want user 42 with roles [777 888]", m)
	}
	if err := r.srv.SendMessage(discordtest.Msg{ID: "2001", ChannelID: "10", GuildID: "1", AuthorID: "43", Content: "<@900> reload",
		Mentions: []string{"900"}, Roles: []string{"999"}}); err != nil {
		t.Fatal(err)
	}
	if m := r.message(); m.User != "43" || !slices.Equal(m.Roles, []string{"999"}) {
		t.Errorf("a mention in a server: handler got %+v, want user 43 with role 999", m)
	}
	if err := r.srv.SendMessage(discordtest.Msg{ID: "2002", ChannelID: "20", AuthorID: "42", Content: "reload"}); err != nil {
		t.Fatal(err)
	}
	if m := r.message(); m.User != "42" || m.Roles != nil {
		t.Errorf("a DM: handler got %+v, want no roles", m)
	}
}
