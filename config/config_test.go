package config_test

import (
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/config"
)

func env(m map[string]string) func(string) (string, bool) {
	return func(k string) (string, bool) { v, ok := m[k]; return v, ok }
}

func TestFromEnv(t *testing.T) {
	tests := []struct {
		name    string
		env     map[string]string
		check   func(config.Config) error
		wantErr string // substring of the error; "" means no error
	}{
		{name: "defaults", env: nil, check: func(c config.Config) error {
			if c.Corpus != "" || c.CacheTTL != 10*time.Minute || c.LogLevel != slog.LevelInfo || len(c.Platforms()) != 0 {
				return fmt.Errorf("got %+v", c)
			}
			return nil
		}},
		{name: "corpus and ttl", env: map[string]string{"BRIEFBOT_CORPUS": " /news ", "BRIEFBOT_CACHE_TTL": "1h", "BRIEFBOT_LOG_LEVEL": "debug"},
			check: func(c config.Config) error {
				if c.Corpus != "/news" || c.CacheTTL != time.Hour || c.LogLevel != slog.LevelDebug {
					return fmt.Errorf("got %+v", c)
				}
				return nil
			}},
		{name: "bad ttl", env: map[string]string{"BRIEFBOT_CACHE_TTL": "ten"}, wantErr: `BRIEFBOT_CACHE_TTL: "ten" is not a duration`},
		{name: "negative ttl", env: map[string]string{"BRIEFBOT_CACHE_TTL": "-1m"}, wantErr: "must not be negative"},
		{name: "bad level", env: map[string]string{"BRIEFBOT_LOG_LEVEL": "loud"}, wantErr: "BRIEFBOT_LOG_LEVEL"},
		{name: "slack", env: map[string]string{"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "xapp-1", "DISCORD_BOT_TOKEN": "d"},
			check: func(c config.Config) error {
				if got := strings.Join(c.Platforms(), ","); got != "slack,discord" {
					return fmt.Errorf("Platforms() = %q", got)
				}
				return nil
			}},
		{name: "slack bot token needs a mode", env: map[string]string{"SLACK_BOT_TOKEN": "xoxb-1"},
			wantErr: "SLACK_BOT_TOKEN is set: also set SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP Events API)"},
		{name: "slack events api", env: map[string]string{"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s", "SLACK_API_URL": "http://127.0.0.1:8080/api"},
			check: func(c config.Config) error {
				if c.Slack.APIURL != "http://127.0.0.1:8080/api/" || c.Slack.EventsAddr != ":3000" || c.Slack.AppToken != "" {
					return fmt.Errorf("got %+v", c.Slack)
				}
				return nil
			}},
		{name: "discord settings", env: map[string]string{"DISCORD_BOT_TOKEN": "t", "DISCORD_GUILD_ID": "123456789012345678", "BRIEFBOT_DISCORD_MESSAGE_CONTENT": "true"},
			check: func(c config.Config) error {
				if c.Discord.GuildID != "123456789012345678" || !c.Discord.MessageContent || c.Discord.APIURL != config.DefaultDiscordAPIURL {
					return fmt.Errorf("got %+v", c.Discord)
				}
				return nil
			}},
		{name: "bad api url", env: map[string]string{"SLACK_API_URL": "ftp://x"}, wantErr: `SLACK_API_URL: "ftp://x/" is not an http(s) URL`},
		{name: "bad discord url", env: map[string]string{"DISCORD_API_URL": "localhost:9"}, wantErr: "DISCORD_API_URL"},
		{name: "bad guild", env: map[string]string{"DISCORD_GUILD_ID": "my-server"}, wantErr: `DISCORD_GUILD_ID: "my-server" is not a Discord ID`},
		{name: "bad intent flag", env: map[string]string{"BRIEFBOT_DISCORD_MESSAGE_CONTENT": "sometimes"}, wantErr: "BRIEFBOT_DISCORD_MESSAGE_CONTENT"},
		{name: "wrong slack token kind", env: map[string]string{"SLACK_BOT_TOKEN": "xapp-secret-value"}, wantErr: "SLACK_BOT_TOKEN: a bot token starts with xoxb-"},
		{name: "app token alone", env: map[string]string{"SLACK_APP_TOKEN": "xapp-1"}, wantErr: "SLACK_APP_TOKEN is set but SLACK_BOT_TOKEN is not"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := config.FromEnv(env(tt.env))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("FromEnv() error = %v, want it to contain %q", err, tt.wantErr)
				}
				if strings.Contains(err.Error(), "secret-value") {
					t.Errorf("FromEnv() error %q leaks a secret", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("FromEnv() error = %v", err)
			}
			if err := tt.check(c); err != nil {
				t.Error(err)
			}
		})
	}
}

func TestSecretIsRedacted(t *testing.T) {
	s := config.Secret("xoxb-very-secret")
	for _, got := range []string{fmt.Sprint(s), fmt.Sprintf("%v %s %#v", s, s, s), fmt.Sprintf("%+v", config.Slack{BotToken: s})} {
		if strings.Contains(got, "very-secret") {
			t.Errorf("formatted secret %q shows its value", got)
		}
	}
	if s.Reveal() != "xoxb-very-secret" {
		t.Errorf("Reveal() = %q", s.Reveal())
	}
}
