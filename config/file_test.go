package config_test

import (
	"errors"
	"io/fs"
	"path/filepath"
	"testing"
	"time"

	"github.com/briefbot/briefbot/config"
)

var fileEnv = env(map[string]string{"SLACK_CHANNEL": "C0123456", "ADMIN": "U0123456"})

func TestReadFile(t *testing.T) {
	f, err := config.ReadFile("testdata/digests-ok.yaml", fileEnv)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"slack:U0123456", "discord:123456789012345678"}; len(f.Admins.Users) != 2 || f.Admins.Users[0] != want[0] || f.Admins.Users[1] != want[1] {
		t.Errorf("Admins.Users = %q, want %q", f.Admins.Users, want)
	}
	if len(f.Digests) != 2 {
		t.Fatalf("%d digests, want 2", len(f.Digests))
	}
	m := f.Digests[0]
	if m.Name != "morning" || m.Schedule != "0 8 * * 1-5" || m.Location.String() != "Europe/London" || m.Platform != "slack" ||
		m.Channel != "C0123456" || m.Topic != "sanctions" || m.Window != 36*time.Hour || m.CatchUp != "all" || m.MaxLateness != 2*time.Hour || m.Empty != "post" {
		t.Errorf("morning = %+v", m)
	}
	want := config.DigestDefaults()
	want.Name, want.Schedule, want.Platform, want.Channel = "ticker", "*/5 * * * * *", "console", "console"
	if got := f.Digests[1]; got != want {
		t.Errorf("ticker = %+v, want the defaults %+v", got, want)
	}
}

// TestReadFileRejects reads one fixture per rejection and checks the
// exact message: the file, the digest and the key it is about.
func TestReadFileRejects(t *testing.T) {
	tests := map[string]string{
		"unknown-top-key":      `testdata/unknown-top-key.yaml: line 1: unknown key "digest" (the keys are corpus, state, cache_ttl, http_addr, log, feeds, slack, discord, digests, admins, limits and corpus_files)`,
		"not-mapping":          `testdata/not-mapping.yaml: line 1: the file must be a mapping with the keys corpus, state, cache_ttl, http_addr, log, feeds, slack, discord, digests, admins, limits and corpus_files`,
		"secret-in-file":       `testdata/secret-in-file.yaml: slack.bot_token: secrets are not read from this file: set SLACK_BOT_TOKEN, or slack.bot_token_file to a file holding it`,
		"unknown-section-key":  `testdata/unknown-section-key.yaml: log.colour: unknown key (line 2; the keys are level, format)`,
		"section-not-mapping":  `testdata/section-not-mapping.yaml: slack: must be a mapping of bot_token_file, app_token_file, signing_secret_file, api_url, events_addr`,
		"feeds-not-list":       `testdata/feeds-not-list.yaml: line 1: feeds must be a list`,
		"feed-bad-url":         `testdata/feed-bad-url.yaml: feeds[0].url: "ftp://example.com/feed" is not an http(s) URL`,
		"feed-missing-url":     `testdata/feed-missing-url.yaml: feeds[0].url: missing`,
		"feed-short-interval":  `testdata/feed-short-interval.yaml: feeds[0].interval: "30s" is shorter than 1m0s: the feed's server is someone else's`,
		"feed-bad-interval":    `testdata/feed-bad-interval.yaml: feeds[0].interval: "often" is not a duration (try 15m or 1h)`,
		"feed-long-timeout":    `testdata/feed-long-timeout.yaml: feeds[0].timeout: 2m0s is longer than the interval 1m0s`,
		"feed-duplicate":       `testdata/feed-duplicate.yaml: feeds[1].url: also the url of feeds[0]`,
		"feed-unknown-key":     `testdata/feed-unknown-key.yaml: feeds[0]: unknown key "every" (line 3; the keys are url, interval, timeout)`,
		"digests-not-list":     `testdata/digests-not-list.yaml: line 1: digests must be a list`,
		"syntax":               `testdata/syntax.yaml: yaml: line 2: found unexpected end of stream`,
		"digest-not-mapping":   `testdata/digest-not-mapping.yaml: digest #1 (line 2): must be a mapping of name, schedule, timezone, platform, channel, topic, window, catch_up, max_lateness, empty`,
		"unknown-key":          `testdata/unknown-key.yaml: digest "morning": unknown key "schedul" (line 6; the keys are name, schedule, timezone, platform, channel, topic, window, catch_up, max_lateness, empty)`,
		"duplicate-key":        `testdata/duplicate-key.yaml: digest "morning": platform: given twice (line 6)`,
		"missing-name":         `testdata/missing-name.yaml: digest #1: name: missing`,
		"bad-name":             `testdata/bad-name.yaml: digest "morning/news": name: "morning/news" may hold only letters, digits, - and _ (at most 64)`,
		"duplicate-name":       `testdata/duplicate-name.yaml: digest "morning": name: also the name of digest #1; names must be unique`,
		"missing-schedule":     `testdata/missing-schedule.yaml: digest "morning": schedule: missing`,
		"bad-schedule":         `testdata/bad-schedule.yaml: digest "morning": schedule: "0 8 * *" is not a schedule (5 cron fields, an optional seconds field first, or @daily, @hourly, @every 1h): expected 5 to 6 fields, found 4: [0 8 * *]`,
		"timezone-in-schedule": `testdata/timezone-in-schedule.yaml: digest "morning": schedule: "CRON_TZ=Europe/London 0 8 * * *" names a time zone: use the timezone key`,
		"never-fires":          `testdata/never-fires.yaml: digest "morning": schedule: "0 0 30 2 *" never fires`,
		"bad-timezone":         `testdata/bad-timezone.yaml: digest "morning": timezone: "Europe/Londn" is not an IANA time zone such as Europe/London`,
		"missing-platform":     `testdata/missing-platform.yaml: digest "morning": platform: missing (slack, discord or console)`,
		"bad-platform":         `testdata/bad-platform.yaml: digest "morning": platform: "teams" is not slack, discord or console`,
		"bad-slack-channel":    `testdata/bad-slack-channel.yaml: digest "morning": channel: "#general" is not a Slack channel ID (C, G or D and at least 6 capitals or digits, e.g. C0123456)`,
		"bad-discord-channel":  `testdata/bad-discord-channel.yaml: digest "morning": channel: "C0123456" is not a Discord channel ID (digits only)`,
		"long-topic":           `testdata/long-topic.yaml: digest "morning": topic: longer than 200 characters`,
		"bad-window":           `testdata/bad-window.yaml: digest "morning": window: "1 day" is not a duration (try 24h or 90m)`,
		"negative-window":      `testdata/negative-window.yaml: digest "morning": window: "-1h" must not be negative`,
		"bad-max-lateness":     `testdata/bad-max-lateness.yaml: digest "morning": max_lateness: "soon" is not a duration (try 24h or 90m)`,
		"zero-max-lateness":    `testdata/zero-max-lateness.yaml: digest "morning": max_lateness: "0s" must be more than 0`,
		"bad-catch-up":         `testdata/bad-catch-up.yaml: digest "morning": catch_up: "none" is not skip, latest or all`,
		"bad-empty":            `testdata/bad-empty.yaml: digest "morning": empty: "always" is not skip or post`,
		"unset-env":            `testdata/unset-env.yaml: digest "morning": topic: ${DIGEST_TOPIC} is not set`,
		"list-value":           `testdata/list-value.yaml: digest "morning": schedule: must be a single value`,
		"bad-admin":            `testdata/bad-admin.yaml: admins[0]: "U0123456" is not platform:user, e.g. slack:U0123ABCD`,
		"several": `testdata/several.yaml: digest "morning": schedule: "0 8 * *" is not a schedule (5 cron fields, an optional seconds field first, or @daily, @hourly, @every 1h): expected 5 to 6 fields, found 4: [0 8 * *]
testdata/several.yaml: digest "morning": channel: "general" is not a Slack channel ID (C, G or D and at least 6 capitals or digits, e.g. C0123456)
testdata/several.yaml: digest "morning": catch_up: "never" is not skip, latest or all`,
	}
	files, err := filepath.Glob("testdata/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		name := filepath.Base(f[:len(f)-len(".yaml")])
		if name == "digests-ok" {
			continue
		}
		if _, ok := tests[name]; !ok {
			t.Errorf("fixture %s has no expected message", f)
		}
	}
	for name, want := range tests {
		t.Run(name, func(t *testing.T) {
			_, err := config.ReadFile(filepath.Join("testdata", name+".yaml"), fileEnv)
			if err == nil || err.Error() != want {
				t.Errorf("ReadFile(%s) = %v\nwant %s", name, err, want)
			}
		})
	}
}

// TestExampleFile keeps deploy/briefbot.example.yaml valid.
func TestExampleFile(t *testing.T) {
	f, err := config.ReadFile("../deploy/briefbot.example.yaml", env(map[string]string{"SLACK_DIGEST_CHANNEL": "C0123456", "DISCORD_ADMIN_ID": "42"}))
	if err != nil || len(f.Digests) != 2 || len(f.Admins.Users) != 2 || len(f.Feeds) != 1 || f.Values["http_addr"] != "127.0.0.1:9090" {
		t.Errorf("the example file: %+v, %v", f, err)
	}
}

func TestReadFileMissing(t *testing.T) {
	if _, err := config.ReadFile(filepath.Join(t.TempDir(), "none.yaml"), fileEnv); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("ReadFile of a missing file = %v, want a not-exist error", err)
	}
}

func TestStateFolder(t *testing.T) {
	tests := []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{"BRIEFBOT_STATE": "/srv/briefbot", "HOME": "/home/ann"}, "/srv/briefbot"},
		{map[string]string{"XDG_STATE_HOME": "/home/ann/.state", "HOME": "/home/ann"}, "/home/ann/.state/briefbot"},
		{map[string]string{"XDG_STATE_HOME": "relative", "HOME": "/home/ann"}, "/home/ann/.local/state/briefbot"},
		{nil, ""},
	}
	for _, tt := range tests {
		c, err := config.FromEnv(env(tt.env))
		if err != nil || c.State != tt.want {
			t.Errorf("FromEnv(%v).State = %q, %v; want %q", tt.env, c.State, err, tt.want)
		}
	}
	if c, _ := config.FromEnv(env(map[string]string{"BRIEFBOT_CONFIG": "/etc/briefbot.yaml"})); c.File != "/etc/briefbot.yaml" {
		t.Errorf("File = %q, want BRIEFBOT_CONFIG", c.File)
	}
}
