package config_test

import (
	"bytes"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/config"
)

// TestLoadRejects loads one fixture per rejection that needs the whole
// configuration (values, paths, settings that depend on each other) and
// checks the exact message.
func TestLoadRejects(t *testing.T) {
	tests := map[string]string{
		"bad-http-addr":       `testdata/load/bad-http-addr.yaml: http_addr: "localhost" is not host:port or off (address localhost: missing port in address)`,
		"bad-log-level":       `testdata/load/bad-log-level.yaml: log.level: "loud" is not one of debug, info, warn, error`,
		"bad-log-format":      `testdata/load/bad-log-format.yaml: log.format: "xml" is not text or json`,
		"bad-cache-ttl":       `testdata/load/bad-cache-ttl.yaml: cache_ttl: "soon" is not a duration (try 10m or 1h)`,
		"missing-corpus":      `testdata/load/missing-corpus.yaml: corpus: "testdata/load/nowhere" cannot be read: no such file or directory`,
		"missing-secret-file": `testdata/load/missing-secret-file.yaml: slack.bot_token_file: "testdata/load/none.txt" cannot be read: no such file or directory`,
		"digest-platform-off": `testdata/load/digest-platform-off.yaml: digest "morning": platform: slack is not configured (set SLACK_BOT_TOKEN)`,
		"bad-api-url":         `testdata/load/bad-api-url.yaml: slack.api_url: "ftp://x/" is not an http(s) URL`,
		"bad-guild":           `testdata/load/bad-guild.yaml: discord.guild_id: "my-server" is not a Discord ID (digits only)`,
	}
	files, err := filepath.Glob("testdata/load/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if name := strings.TrimSuffix(filepath.Base(f), ".yaml"); name != "ok" && tests[name] == "" {
			t.Errorf("fixture %s has no expected message", f)
		}
	}
	for name, want := range tests {
		t.Run(name, func(t *testing.T) {
			_, err := config.Load(config.Flags{File: "testdata/load/" + name + ".yaml"}, env(map[string]string{"BRIEFBOT_STATE": t.TempDir()}))
			if err == nil || err.Error() != want {
				t.Errorf("Load(%s) = %v\nwant %s", name, err, want)
			}
		})
	}
}

// TestLoadPrecedence reads every kind of setting from the file, then
// overrides some from the environment and the flags.
func TestLoadPrecedence(t *testing.T) {
	file := "testdata/load/ok.yaml"
	c, err := config.Load(config.Flags{File: file}, env(nil))
	if err != nil {
		t.Fatal(err)
	}
	if c.Slack.BotToken.Reveal() != "xoxb-from-file-SECRET" || c.Slack.AppToken.Reveal() != "xapp-from-file-SECRET" {
		t.Errorf("tokens from the *_file keys = %q, %q", c.Slack.BotToken.Reveal(), c.Slack.AppToken.Reveal())
	}
	if c.Corpus != filepath.Join("testdata/load", "../../../cmd/briefbot/testdata/seed") || c.CacheTTL != time.Hour ||
		c.LogLevel != slog.LevelDebug || !c.LogLevelSet || c.LogFormat != "json" || c.HTTPListen() != "127.0.0.1:0" ||
		c.Slack.APIURL != "http://127.0.0.1:1/api/" || c.Discord.GuildID != "42" || len(c.Feeds) != 1 || c.Feeds[0].Interval != 15*time.Minute {
		t.Errorf("Load(%s) = %+v", file, c)
	}
	if got := c.From("slack.bot_token"); got != file+": slack.bot_token_file" {
		t.Errorf("From(slack.bot_token) = %q", got)
	}
	c, err = config.Load(config.Flags{File: file, LogLevel: "warn"}, env(map[string]string{
		"SLACK_BOT_TOKEN": "xoxb-from-env", "BRIEFBOT_LOG_LEVEL": "error", "BRIEFBOT_LOG_FORMAT": "text", "BRIEFBOT_HTTP_ADDR": "off",
	}))
	if err != nil {
		t.Fatal(err)
	}
	if c.Slack.BotToken.Reveal() != "xoxb-from-env" || c.LogLevel != slog.LevelWarn || c.LogFormat != "text" || c.HTTPListen() != "" {
		t.Errorf("environment and flags over the file: %+v", c)
	}
}

func TestHTTPListenDefaults(t *testing.T) {
	tests := []struct {
		env  map[string]string
		want string
	}{
		{nil, ""}, // the console: off unless given
		{map[string]string{"BRIEFBOT_HTTP_ADDR": "127.0.0.1:8080"}, "127.0.0.1:8080"},
		{map[string]string{"DISCORD_BOT_TOKEN": "t"}, "127.0.0.1:9090"},
		{map[string]string{"DISCORD_BOT_TOKEN": "t", "BRIEFBOT_HTTP_ADDR": "off"}, ""},
	}
	for _, tt := range tests {
		c, err := config.FromEnv(env(tt.env))
		if err != nil || c.HTTPListen() != tt.want {
			t.Errorf("FromEnv(%v).HTTPListen() = %q, %v; want %q", tt.env, c.HTTPListen(), err, tt.want)
		}
	}
}

// TestEffectiveNeverShowsSecrets writes the effective configuration with
// secrets from the environment and from files: neither value appears.
func TestEffectiveNeverShowsSecrets(t *testing.T) {
	c, err := config.Load(config.Flags{File: "testdata/load/ok.yaml"}, env(map[string]string{
		"DISCORD_BOT_TOKEN": "discord-env-SECRET", "SLACK_SIGNING_SECRET": "signing-env-SECRET",
	}))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := c.WriteYAML(&out); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out.String(), "-SECRET") {
		t.Errorf("the effective configuration shows a secret:\n%s", out.String())
	}
	for _, want := range []string{"bot_token: '[redacted]' # testdata/load/ok.yaml: slack.bot_token_file", "bot_token: '[redacted]' # DISCORD_BOT_TOKEN", "format: json"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the effective configuration lacks %q:\n%s", want, out.String())
		}
	}
}
