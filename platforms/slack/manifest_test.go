package slack_test

import (
	"os"
	"slices"
	"testing"

	"gopkg.in/yaml.v3"
)

// TestManifest checks that the app manifest in deploy/ asks for what the
// adapter uses: the scopes, the events, /brief and Socket Mode.
func TestManifest(t *testing.T) {
	raw, err := os.ReadFile("../../deploy/slack-manifest.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Features struct {
			AppHome struct {
				MessagesTab bool `yaml:"messages_tab_enabled"`
			} `yaml:"app_home"`
			SlashCommands []struct {
				Command string `yaml:"command"`
			} `yaml:"slash_commands"`
		} `yaml:"features"`
		OAuth struct {
			Scopes struct {
				Bot []string `yaml:"bot"`
			} `yaml:"scopes"`
		} `yaml:"oauth_config"`
		Settings struct {
			Events struct {
				Bot []string `yaml:"bot_events"`
			} `yaml:"event_subscriptions"`
			SocketMode bool `yaml:"socket_mode_enabled"`
		} `yaml:"settings"`
	}
	if err := yaml.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"app_mentions:read", "chat:write", "commands", "im:history", "im:read", "channels:history", "groups:history"} {
		if !slices.Contains(m.OAuth.Scopes.Bot, s) {
			t.Errorf("manifest lacks the bot scope %s", s)
		}
	}
	for _, e := range []string{"app_mention", "message.im"} {
		if !slices.Contains(m.Settings.Events.Bot, e) {
			t.Errorf("manifest lacks the event %s", e)
		}
	}
	for _, e := range []string{"message.channels", "message.groups"} {
		if slices.Contains(m.Settings.Events.Bot, e) {
			t.Errorf("manifest subscribes to %s: history is read only to find a digest", e)
		}
	}
	if len(m.Features.SlashCommands) != 1 || m.Features.SlashCommands[0].Command != "/brief" {
		t.Errorf("slash commands = %+v, want /brief", m.Features.SlashCommands)
	}
	if !m.Settings.SocketMode || !m.Features.AppHome.MessagesTab {
		t.Errorf("socket mode %v, messages tab %v: want both on", m.Settings.SocketMode, m.Features.AppHome.MessagesTab)
	}
}
