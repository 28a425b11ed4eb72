package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestCheckConfigFiveMistakes(t *testing.T) {
	file := "testdata/config/five-mistakes.yaml"
	code, out, errOut := runCmd(t, "", map[string]string{"BRIEFBOT_STATE": t.TempDir(), "DISCORD_BOT_TOKEN": "t"}, "check-config", file)
	want := []string{
		file + `: http_addr: "localhost" is not host:port or off (address localhost: missing port in address)`,
		file + `: feeds[0].url: "feed.example.com/rss" is not an http(s) URL`,
		file + `: digest "morning": schedule: "0 8 * *" is not a schedule (5 cron fields, an optional seconds field first, or @daily, @hourly, @every 1h): expected 5 to 6 fields, found 4: [0 8 * *]`,
		file + `: digest "morning": timezone: "Europe/Londn" is not an IANA time zone such as Europe/London`,
		file + `: digest "evening": channel: "#general" is not a Discord channel ID (digits only)`,
	}
	got := strings.Split(strings.TrimSpace(errOut), "\n")
	if code != exitUsage || out != "" || !slices.Equal(slices.Sorted(slices.Values(got)), slices.Sorted(slices.Values(want))) {
		t.Errorf("check-config %s: exit %d, stdout %q, stderr:\n%s\nwant exit 2 and these five lines:\n%s", file, code, out, errOut, strings.Join(want, "\n"))
	}
}

// TestCheckConfigExample checks deploy/briefbot.example.yaml as shipped,
// with tokens from the environment and one from a file: exit 0, the
// effective configuration printed, no secret in any output.
func TestCheckConfigExample(t *testing.T) {
	dir := t.TempDir()
	tokenFile := filepath.Join(dir, "discord-token")
	if err := os.WriteFile(tokenFile, []byte("discord-FILE-SECRET-7\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(dir, "briefbot.yaml")
	example, err := os.ReadFile("../../deploy/briefbot.example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	// The example, with the commented bot_token_file of discord turned on.
	text := strings.Replace(string(example), "  # bot_token_file: ${CREDENTIALS_DIRECTORY}/discord-bot-token", "  bot_token_file: ${CREDENTIALS_DIRECTORY}/discord-token", 1)
	if text == string(example) {
		t.Fatal("the example no longer shows discord.bot_token_file")
	}
	writeFile(t, cfg, text)
	vars := map[string]string{
		"SLACK_BOT_TOKEN": "xoxb-ENV-SECRET-1", "SLACK_APP_TOKEN": "xapp-ENV-SECRET-2", "CREDENTIALS_DIRECTORY": dir,
		"SLACK_DIGEST_CHANNEL": "C0123456", "DISCORD_ADMIN_ID": "42", "BRIEFBOT_STATE": filepath.Join(dir, "state"),
	}
	for _, args := range [][]string{{"check-config", "../../deploy/briefbot.example.yaml"}, {"check-config", "--config", cfg}} {
		v := vars
		if args[1] != "--config" {
			v = map[string]string{}
			for k, val := range vars {
				v[k] = val
			}
			v["DISCORD_BOT_TOKEN"] = "discord-ENV-SECRET-3"
		}
		code, out, errOut := runCmd(t, "", v, args...)
		if code != exitOK {
			t.Fatalf("%q: exit %d, stderr:\n%s", args, code, errOut)
		}
		for _, want := range []string{"bot_token: '[redacted]' # SLACK_BOT_TOKEN", "interval: 15m", "name: morning", "http_addr: 127.0.0.1:9090"} {
			if !strings.Contains(out, want) {
				t.Errorf("%q lacks %q:\n%s", args, want, out)
			}
		}
		if strings.Contains(out+errOut, "SECRET") {
			t.Errorf("%q shows a secret:\n%s%s", args, out, errOut)
		}
	}
}

func TestVersion(t *testing.T) {
	code, out, _ := runCmd(t, "", nil, "version")
	if code != exitOK || !strings.HasPrefix(out, "briefbot ") || !strings.Contains(out, "(") {
		t.Errorf("version: exit %d, %q", code, out)
	}
}
