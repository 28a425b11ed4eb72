// Package config holds briefbot's settings: their defaults, how they are
// read from the environment, and their validation. Every value is checked
// once, at start-up, with an error that names the setting.
package config

import (
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Config is briefbot's effective configuration.
type Config struct {
	// Corpus is the folder (or file) of articles; "" means the example
	// corpus embedded in the binary.
	Corpus string
	// CacheTTL is how long an answer is reused while the corpus is unchanged.
	CacheTTL time.Duration
	// LogLevel is the least severe level logged (to stderr).
	LogLevel slog.Level
	// State is the folder of the durable state (the digest ledger, chat
	// subscriptions): BRIEFBOT_STATE, else the user's state folder; ""
	// when there is none, and scheduled digests are off (see file.go).
	State string
	// File is the configuration file (BRIEFBOT_CONFIG, or --config):
	// scheduled digests and admins; "" for none.
	File string

	Slack   Slack
	Discord Discord
}

// Slack holds the Slack settings. A Slack adapter runs when BotToken is
// set: over Socket Mode when AppToken is set, else over the HTTP Events API
// (SigningSecret required).
type Slack struct {
	BotToken      Secret // SLACK_BOT_TOKEN, xoxb-…
	AppToken      Secret // SLACK_APP_TOKEN, xapp-… (Socket Mode)
	SigningSecret Secret // SLACK_SIGNING_SECRET (HTTP Events API)
	APIURL        string // SLACK_API_URL: the Web API base, ending in "/"
	EventsAddr    string // BRIEFBOT_SLACK_EVENTS_ADDR: where the Events API endpoint listens
}

// Discord holds the Discord settings. A Discord adapter runs when BotToken
// is set.
type Discord struct {
	BotToken       Secret // DISCORD_BOT_TOKEN
	GuildID        string // DISCORD_GUILD_ID: register /brief in this guild only (instant), else globally
	APIURL         string // DISCORD_API_URL: the REST base, ending in "/"
	MessageContent bool   // BRIEFBOT_DISCORD_MESSAGE_CONTENT: ask for the privileged message-content intent
}

// Defaults of the platform settings.
const (
	DefaultSlackAPIURL     = "https://slack.com/api/"
	DefaultSlackEventsAddr = ":3000"
	DefaultDiscordAPIURL   = "https://discord.com/api/v10/"
)

// Secret is a credential. It prints as "[redacted]" (or "" when unset) so it
// cannot leak through logs or formatted errors; Reveal returns the value.
type Secret string

// String implements fmt.Stringer with the value hidden.
func (s Secret) String() string {
	if s == "" {
		return ""
	}
	return "[redacted]"
}

// GoString hides the value from %#v too.
func (s Secret) GoString() string { return `"` + s.String() + `"` }

// Reveal returns the secret's value, for the one call that needs it.
func (s Secret) Reveal() string { return string(s) }

// Default returns the configuration used when nothing is set.
func Default() Config {
	return Config{
		CacheTTL: 10 * time.Minute,
		LogLevel: slog.LevelInfo,
		Slack:    Slack{APIURL: DefaultSlackAPIURL, EventsAddr: DefaultSlackEventsAddr},
		Discord:  Discord{APIURL: DefaultDiscordAPIURL},
	}
}

// Environment variables briefbot reads.
const (
	EnvCorpus       = "BRIEFBOT_CORPUS"
	EnvCacheTTL     = "BRIEFBOT_CACHE_TTL"
	EnvLogLevel     = "BRIEFBOT_LOG_LEVEL"
	EnvSlackBot     = "SLACK_BOT_TOKEN"
	EnvSlackApp     = "SLACK_APP_TOKEN"
	EnvSlackSigning = "SLACK_SIGNING_SECRET"
	EnvSlackAPIURL  = "SLACK_API_URL"
	EnvSlackEvents  = "BRIEFBOT_SLACK_EVENTS_ADDR"
	EnvDiscordToken = "DISCORD_BOT_TOKEN"
	EnvDiscordGuild = "DISCORD_GUILD_ID"
	EnvDiscordAPI   = "DISCORD_API_URL"
	EnvDiscordMsg   = "BRIEFBOT_DISCORD_MESSAGE_CONTENT"
)

// FromEnv returns the default configuration overridden by the environment,
// read through lookup (os.LookupEnv in production). All problems are
// reported together, one per line, each naming its variable.
func FromEnv(lookup func(string) (string, bool)) (Config, error) {
	c := Default()
	var errs []error
	if v, ok := lookup(EnvCorpus); ok {
		c.Corpus = strings.TrimSpace(v)
	}
	if v, ok := lookup(EnvCacheTTL); ok && strings.TrimSpace(v) != "" {
		d, err := time.ParseDuration(strings.TrimSpace(v))
		switch {
		case err != nil:
			errs = append(errs, fmt.Errorf("%s: %q is not a duration (try 10m or 1h)", EnvCacheTTL, v))
		case d < 0:
			errs = append(errs, fmt.Errorf("%s: %q must not be negative", EnvCacheTTL, v))
		default:
			c.CacheTTL = d
		}
	}
	if v, ok := lookup(EnvLogLevel); ok && strings.TrimSpace(v) != "" {
		if err := c.LogLevel.UnmarshalText([]byte(strings.TrimSpace(v))); err != nil {
			errs = append(errs, fmt.Errorf("%s: %q is not one of debug, info, warn, error", EnvLogLevel, v))
		}
	}
	secret := func(name string) Secret {
		v, _ := lookup(name)
		return Secret(strings.TrimSpace(v))
	}
	plain := func(name, def string) string {
		if v, ok := lookup(name); ok && strings.TrimSpace(v) != "" {
			return strings.TrimSpace(v)
		}
		return def
	}
	c.Slack = Slack{
		BotToken: secret(EnvSlackBot), AppToken: secret(EnvSlackApp), SigningSecret: secret(EnvSlackSigning),
		APIURL: withSlash(plain(EnvSlackAPIURL, c.Slack.APIURL)), EventsAddr: plain(EnvSlackEvents, c.Slack.EventsAddr),
	}
	c.State, c.File = stateDir(lookup), plain(EnvConfig, "")
	c.Discord = Discord{
		BotToken: secret(EnvDiscordToken), GuildID: plain(EnvDiscordGuild, ""),
		APIURL: withSlash(plain(EnvDiscordAPI, c.Discord.APIURL)),
	}
	if v := plain(EnvDiscordMsg, ""); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %q is not true or false", EnvDiscordMsg, v))
		}
		c.Discord.MessageContent = b
	}
	if err := c.Validate(); err != nil {
		errs = append(errs, err)
	}
	return c, errors.Join(errs...)
}

// Validate checks values that depend on each other; each error names the
// settings involved and never their secret values.
func (c Config) Validate() error {
	var errs []error
	if c.Slack.BotToken != "" && !strings.HasPrefix(c.Slack.BotToken.Reveal(), "xoxb-") {
		errs = append(errs, fmt.Errorf("%s: a bot token starts with xoxb-", EnvSlackBot))
	}
	if c.Slack.AppToken != "" && !strings.HasPrefix(c.Slack.AppToken.Reveal(), "xapp-") {
		errs = append(errs, fmt.Errorf("%s: an app-level token starts with xapp-", EnvSlackApp))
	}
	if c.Slack.AppToken != "" && c.Slack.BotToken == "" {
		errs = append(errs, fmt.Errorf("%s is set but %s is not", EnvSlackApp, EnvSlackBot))
	}
	if c.Slack.BotToken != "" && c.Slack.AppToken == "" && c.Slack.SigningSecret == "" {
		errs = append(errs, fmt.Errorf("%s is set: also set %s (Socket Mode) or %s (HTTP Events API)", EnvSlackBot, EnvSlackApp, EnvSlackSigning))
	}
	for _, u := range []struct{ env, url string }{{EnvSlackAPIURL, c.Slack.APIURL}, {EnvDiscordAPI, c.Discord.APIURL}} {
		if p, err := url.Parse(u.url); err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
			errs = append(errs, fmt.Errorf("%s: %q is not an http(s) URL", u.env, u.url))
		}
	}
	if g := c.Discord.GuildID; g != "" && !isSnowflake(g) {
		errs = append(errs, fmt.Errorf("%s: %q is not a Discord ID (digits only)", EnvDiscordGuild, g))
	}
	return errors.Join(errs...)
}

// withSlash makes a base URL end in "/", so paths join onto it.
func withSlash(u string) string {
	if u == "" || strings.HasSuffix(u, "/") {
		return u
	}
	return u + "/"
}

// isSnowflake reports whether s looks like a Discord ID: 1–20 digits.
func isSnowflake(s string) bool {
	if len(s) == 0 || len(s) > 20 {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// Platforms returns the chat platforms the configuration enables, in a
// fixed order; none means the console.
func (c Config) Platforms() []string {
	var p []string
	if c.Slack.BotToken != "" {
		p = append(p, "slack")
	}
	if c.Discord.BotToken != "" {
		p = append(p, "discord")
	}
	return p
}
