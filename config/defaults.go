package config

import (
	"log/slog"
	"time"
)

// Every default briefbot has is in this file: the environment, the
// configuration file and the flags override these values, never other ones.

// Defaults of the platform settings.
const (
	DefaultSlackAPIURL     = "https://slack.com/api/"
	DefaultSlackEventsAddr = ":3000"
	DefaultDiscordAPIURL   = "https://discord.com/api/v10/"
)

// DefaultHTTPAddr is where the health and metrics endpoint listens when a
// chat platform is configured and no address is given. In the pure console
// it listens only when an address is given.
const DefaultHTTPAddr = "127.0.0.1:9090"

// HTTPOff, as the address, turns the health and metrics endpoint off.
const HTTPOff = "off"

// Log formats.
const (
	LogText = "text"
	LogJSON = "json"
)

// Default returns the configuration used when nothing is set.
func Default() Config {
	return Config{
		CacheTTL:    10 * time.Minute,
		LogLevel:    slog.LevelInfo,
		LogFormat:   LogText,
		MaxFileSize: DefaultMaxFileSize,
		Slack:       Slack{APIURL: DefaultSlackAPIURL, EventsAddr: DefaultSlackEventsAddr},
		Discord:     Discord{APIURL: DefaultDiscordAPIURL},
		Limits:      LimitsDefaults(),
	}
}

// LimitsDefaults returns the flood control used unless the file's limits
// say otherwise: a user may send 20 messages a minute, 10 at once; a
// channel 60 a minute, 20 at once; a user has one expensive query in
// flight at a time.
func LimitsDefaults() Limits {
	return Limits{UserPerMinute: 20, UserBurst: 10, ChannelPerMinute: 60, ChannelBurst: 20, OneQueryPerUser: true}
}

// DigestDefaults returns the values of a digest's optional keys.
func DigestDefaults() Digest {
	return Digest{Timezone: "UTC", Location: time.UTC, Window: 24 * time.Hour, CatchUp: "latest", MaxLateness: 6 * time.Hour, Empty: "skip"}
}

// FeedDefaults returns the values of a feed's optional keys.
func FeedDefaults() Feed {
	return Feed{Interval: 15 * time.Minute, Timeout: 30 * time.Second}
}

// MinFeedInterval is the shortest polling interval a feed may have: a
// feed's server is someone else's.
const MinFeedInterval = time.Minute
