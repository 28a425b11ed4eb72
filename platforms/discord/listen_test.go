package discord_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/platforms/discord"
	"github.com/briefbot/briefbot/platforms/discord/discordtest"
)

func TestListenIdentifiesRegistersAndCloses(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name           string
		guild          string
		messageContent bool
		wantIntents    int
		wantPath       string
	}{
		{"guild", discordtest.GuildID, false, 1 | 1<<9 | 1<<12, "applications/800/guilds/1/commands"},
		{"global", "", false, 1 | 1<<9 | 1<<12, "applications/800/commands"},
		{"message content", discordtest.GuildID, true, 1 | 1<<9 | 1<<12 | 1<<15, "applications/800/guilds/1/commands"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newRig(t, discord.Options{GuildID: tt.guild, MessageContent: tt.messageContent},
				discordtest.Options{AllowMessageContent: true}, nil)
			id := r.wait(discordtest.Is(discordtest.KindIdentify))
			if id.Intents != tt.wantIntents {
				t.Errorf("IDENTIFY intents = %d, want %d", id.Intents, tt.wantIntents)
			}
			r.wait(discordtest.Is(discordtest.KindHeartbeat)) // the fake answers it with op 11
			reg := r.wait(discordtest.REST("PUT", "applications/*"))
			if reg.Path != tt.wantPath || reg.Status != 200 {
				t.Errorf("registration = %v, want PUT %s → 200", reg, tt.wantPath)
			}
			r.cancel()
			if err := r.result(); err != nil {
				t.Errorf("Listen() after cancel = %v, want nil", err)
			}
			if c := r.wait(discordtest.Is(discordtest.KindClientClose)); c.Code != 1000 {
				t.Errorf("closed the gateway with %d, want 1000 (session over)", c.Code)
			}
		})
	}
}

// testRegistry is a fixed registry, so the golden file does not change
// when the bot gains a command.
var testRegistry = []bot.Command{
	{Name: "help", Usage: "help [COMMAND]", Arg: "COMMAND", Help: "List the commands, or explain one."},
	{Name: "what did", Usage: "what did NAME say [about TOPIC]", Arg: "NAME", ArgRequired: true,
		Help: "What one person or organisation said, by full name, surname or alias."},
	{Name: "deadline status", Usage: "deadline status [TOPIC|NAME]", Arg: "TOPIC|NAME",
		Help: "Each deadline: who set it for whom, its history, when it is due and where it stands today, and more words to pass the limit."},
	{Name: "more", Usage: "more", Help: "The next page of your last long answer."},
	{Name: "Bad/Name", Usage: "Bad/Name", Help: "Left to ask: not a valid subcommand name."},
}

// TestRegisteredCommandGolden pins /brief as generated from a registry:
// one subcommand per command (an option for its argument, required when
// the command requires it), plus ask.
func TestRegisteredCommandGolden(t *testing.T) {
	r := newRig(t, discord.Options{GuildID: discordtest.GuildID, Commands: testRegistry}, discordtest.Options{}, nil)
	r.ready()
	var pretty bytes.Buffer
	if err := json.Indent(&pretty, r.srv.Commands(), "", "  "); err != nil {
		t.Fatal(err)
	}
	golden(t, "commands.golden", pretty.String()+"\n")
}

func TestRegistryTooBigForSubcommandsGetsOneTextOption(t *testing.T) {
	var cmds []bot.Command
	for _, w := range strings.Fields("a b c d e f g h i j k l m n o p q r s t u v w x y z") {
		cmds = append(cmds, bot.Command{Name: "cmd " + w, Usage: "cmd " + w, Help: "Does " + w + "."})
	}
	r := newRig(t, discord.Options{Commands: cmds}, discordtest.Options{}, nil)
	r.ready()
	var got []struct {
		Options []struct {
			Type     int    `json:"type"`
			Name     string `json:"name"`
			Required bool   `json:"required"`
		} `json:"options"`
	}
	if err := json.Unmarshal(r.srv.Commands(), &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || len(got[0].Options) != 1 || got[0].Options[0].Name != "text" || got[0].Options[0].Type != 3 || !got[0].Options[0].Required {
		t.Fatalf("registered %s, want /brief with one required string option text", r.srv.Commands())
	}
	if err := r.srv.SendInteraction(discordtest.Interaction{ID: "3000", Token: "itok", ChannelID: "10", GuildID: "1", UserID: "42",
		Data: map[string]any{"id": "77", "name": "brief", "type": 1, "options": []any{map[string]any{"type": 3, "name": "text", "value": "cmd q now"}}}}); err != nil {
		t.Fatal(err)
	}
	if m := r.message(); m.Text != "cmd q now" {
		t.Errorf("handler got %q, want the text option", m.Text)
	}
}

func TestListenTwiceFails(t *testing.T) {
	r := newRig(t, discord.Options{}, discordtest.Options{}, nil)
	r.ready()
	if err := r.a.Listen(r.ctx, echo); err == nil {
		t.Error("a second Listen while the first runs = nil, want an error")
	}
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden (go test -update creates it): %v", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file:\ngot\n%s\nwant\n%s", name, got, want)
	}
}
