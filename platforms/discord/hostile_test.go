package discord_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/platforms/discord"
	"github.com/briefbot/briefbot/platforms/discord/discordtest"
	"github.com/briefbot/briefbot/platforms/hostiletest"
)

// TestHostileTextOnTheWire runs every hostile text through the adapter as
// an echoed direct message, an echoed /brief and an article-filled Post,
// and checks the messages the fake Discord received: allowed_mentions
// parses nothing, no mention, masked link, code fence, heading or quote
// can form, every message is within Discord's limits (the fake refuses
// one that is not with a 400, which must not happen), and the text shown
// is compared with testdata/hostile.golden.
func TestHostileTextOnTheWire(t *testing.T) {
	r := newRig(t, discord.Options{}, discordtest.Options{}, nil)
	r.ready()
	var golden strings.Builder
	for i, c := range hostiletest.Cases {
		dm, post := fmt.Sprintf("5%02d", i), fmt.Sprintf("6%02d", i)
		if err := r.srv.SendMessage(discordtest.Msg{ID: fmt.Sprintf("9%02d", i), ChannelID: dm, AuthorID: "42", Content: c.Text}); err != nil {
			t.Fatal(err)
		}
		echo := r.wait(discordtest.REST("POST", "channels/"+dm+"/messages"))
		reply := hostiletest.Reply(c)
		reply.Channel = post
		if _, err := r.a.Post(r.ctx, reply); err != nil {
			t.Fatalf("%s: Post() = %v", c.Name, err)
		}
		var posted []discordtest.Event
		for _, e := range r.srv.Events() {
			if e.Kind == discordtest.KindREST && e.Path == "channels/"+post+"/messages" {
				posted = append(posted, e)
			}
		}
		for _, e := range append([]discordtest.Event{echo}, posted...) {
			checkWireMessage(t, c.Name, e)
		}
		if c.Name != "long" {
			fmt.Fprintf(&golden, "== %s\necho: %q\npost: %q\n", c.Name, sent(t, echo).Text(), sent(t, posted[0]).Text())
		}
	}
	if err := r.srv.SendInteraction(discordtest.Interaction{ID: "3000", Token: "itok", ChannelID: "10", GuildID: "1", UserID: "42",
		Data: discordtest.Slash("ask", "text", hostiletest.Cases[0].Text+" "+hostiletest.Cases[4].Text)}); err != nil {
		t.Fatal(err)
	}
	checkWireMessage(t, "slash", r.wait(discordtest.REST("PATCH", "webhooks/800/itok/messages/@original")))
	path := filepath.Join("testdata", "hostile.golden")
	if *update {
		if err := os.WriteFile(path, []byte(golden.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if string(want) != golden.String() {
		t.Errorf("wire texts differ from %s (run with -update to accept):\n%s", path, golden.String())
	}
}

// maskedLink is "](" with its "]" not escaped: the end of a masked link.
var maskedLink = regexp.MustCompile(`(^|[^\\])\]\(`)

// checkWireMessage checks one message as the fake received it.
func checkWireMessage(t *testing.T, name string, e discordtest.Event) {
	t.Helper()
	if e.Status != 200 {
		t.Errorf("%s: %v answered %d: a message over a limit, or malformed", name, e, e.Status)
	}
	mustNotPing(t, e)
	m := sent(t, e)
	texts := []string{m.Content}
	for _, em := range m.Embeds {
		texts = append(texts, em.Title, em.Description)
		for _, f := range em.Fields {
			texts = append(texts, f.Name, f.Value)
		}
	}
	for _, txt := range texts {
		if strings.Contains(txt, "``") {
			t.Errorf("%s: a code fence can open in %q", name, txt)
		}
		if maskedLink.MatchString(txt) {
			t.Errorf("%s: a masked link in %q", name, txt)
		}
		for _, line := range strings.Split(txt, "\n") {
			l := strings.TrimLeft(line, " \t")
			if strings.HasPrefix(l, "#") || strings.HasPrefix(l, ">") || strings.HasPrefix(l, "-#") {
				t.Errorf("%s: a heading or quote in %q", name, txt)
			}
		}
	}
}

var _ = bot.Reply{}
