// Package config holds briefbot's settings: their defaults (defaults.go),
// how they are read from the configuration file, the environment and the
// flags, and their validation. Every value is checked once, at start-up,
// with an error that names the setting: the environment variable, the flag,
// or the file and its key.
package config

import (
	"log/slog"
	"strings"
	"time"
)

// Config is briefbot's effective configuration.
type Config struct {
	// Corpus is the folder (or file) of articles; "" means the example
	// corpus embedded in the binary.
	Corpus string
	// MaxFileSize is the largest corpus file read, in bytes; larger ones
	// are skipped with a line saying so. FollowSymlinks lets a link in the
	// corpus that leads outside its folder be followed. See CorpusFiles.
	MaxFileSize    int64
	FollowSymlinks bool
	// CacheTTL is how long an answer is reused while the corpus is unchanged.
	CacheTTL time.Duration
	// LogLevel is the least severe level logged (to stderr); LogLevelSet
	// says whether it was given rather than defaulted.
	LogLevel    slog.Level
	LogLevelSet bool
	// LogFormat is LogText or LogJSON.
	LogFormat string
	// HTTPAddr is where the health and metrics endpoint listens as given:
	// "" when not given, HTTPOff, or host:port. See HTTPListen.
	HTTPAddr string
	// State is the folder of the durable state (the digest ledger, chat
	// subscriptions): BRIEFBOT_STATE, else the user's state folder; ""
	// when there is none, and scheduled digests are off.
	State string
	// File is the configuration file (--config, or BRIEFBOT_CONFIG); ""
	// for none.
	File string

	Feeds   []Feed   // the file's feeds, polled on their own interval
	Digests []Digest // the file's scheduled digests
	Admins  Admins   // the file's admins: who may run the admin commands
	Limits  Limits   // the file's limits, else LimitsDefaults

	Slack   Slack
	Discord Discord

	// from names where each setting given came from ("SLACK_API_URL",
	// "--corpus", "briefbot.yaml: slack.api_url"), by setting key.
	from map[string]string
}

// Slack holds the Slack settings. A Slack adapter runs when BotToken is
// set: over Socket Mode when AppToken is set, else over the HTTP Events API
// (SigningSecret required).
type Slack struct {
	BotToken      Secret // SLACK_BOT_TOKEN or slack.bot_token_file, xoxb-…
	AppToken      Secret // SLACK_APP_TOKEN or slack.app_token_file, xapp-… (Socket Mode)
	SigningSecret Secret // SLACK_SIGNING_SECRET or slack.signing_secret_file (HTTP Events API)
	APIURL        string // SLACK_API_URL: the Web API base, ending in "/"
	EventsAddr    string // BRIEFBOT_SLACK_EVENTS_ADDR: where the Events API endpoint listens
}

// Discord holds the Discord settings. A Discord adapter runs when BotToken
// is set.
type Discord struct {
	BotToken       Secret // DISCORD_BOT_TOKEN or discord.bot_token_file
	GuildID        string // DISCORD_GUILD_ID: register /brief in this guild only (instant), else globally
	APIURL         string // DISCORD_API_URL: the REST base, ending in "/"
	MessageContent bool   // BRIEFBOT_DISCORD_MESSAGE_CONTENT: ask for the privileged message-content intent
}

// Feed is one feed URL the corpus polls, with defaults applied.
type Feed struct {
	URL      string        // url: http(s)
	Interval time.Duration // interval: how often it is polled, at least MinFeedInterval
	Timeout  time.Duration // timeout: of one request, at most Interval
}

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

// Environment variables briefbot reads. They are an interface: never
// rename one.
const (
	EnvCorpus       = "BRIEFBOT_CORPUS"
	EnvMaxFileSize  = "BRIEFBOT_MAX_FILE_SIZE"
	EnvFollowLinks  = "BRIEFBOT_FOLLOW_SYMLINKS"
	EnvCacheTTL     = "BRIEFBOT_CACHE_TTL"
	EnvLogLevel     = "BRIEFBOT_LOG_LEVEL"
	EnvLogFormat    = "BRIEFBOT_LOG_FORMAT"
	EnvHTTPAddr     = "BRIEFBOT_HTTP_ADDR"
	EnvState        = "BRIEFBOT_STATE"
	EnvConfig       = "BRIEFBOT_CONFIG"
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
// read through lookup (os.LookupEnv in production), without a file. All
// problems are reported together, one per line, each naming its variable.
func FromEnv(lookup func(string) (string, bool)) (Config, error) {
	name, _ := lookup(EnvConfig)
	c, errs := merge(nil, strings.TrimSpace(name), lookup, Flags{})
	return c, joinLines(append(errs, c.validate()...))
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

// HTTPListen returns the address the health and metrics endpoint listens
// on: HTTPAddr when given, DefaultHTTPAddr when a chat platform is
// configured, else "" (off); "" as well for HTTPOff.
func (c Config) HTTPListen() string {
	switch {
	case c.HTTPAddr == HTTPOff:
		return ""
	case c.HTTPAddr != "":
		return c.HTTPAddr
	case len(c.Platforms()) > 0:
		return DefaultHTTPAddr
	}
	return ""
}

// HTTPAddrGiven reports whether the endpoint's address was given rather
// than defaulted: a given address that cannot be bound is fatal, the
// default one only a warning (another briefbot may share the host).
func (c Config) HTTPAddrGiven() bool { return c.HTTPAddr != "" }

// From names where setting key ("corpus", "slack.bot_token") came from:
// its environment variable, flag, or file and key; "" when defaulted.
func (c Config) From(key string) string { return c.from[key] }
