package config

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"
)

// setting is one scalar setting: its key in the file, its environment
// variable and its flag. A secret is never read from the file itself, only
// from its environment variable or from the file named by key+"_file".
type setting struct {
	key, env, flag string
	secret         bool
}

// settings are every scalar setting, in the order they are reported.
var settings = []setting{
	{key: "corpus", env: EnvCorpus, flag: "--corpus"},
	{key: "corpus_files.max_file_size", env: EnvMaxFileSize},
	{key: "corpus_files.follow_symlinks", env: EnvFollowLinks},
	{key: "state", env: EnvState},
	{key: "cache_ttl", env: EnvCacheTTL},
	{key: "http_addr", env: EnvHTTPAddr, flag: "--http-addr"},
	{key: "log.level", env: EnvLogLevel, flag: "--log-level"},
	{key: "log.format", env: EnvLogFormat, flag: "--log-format"},
	{key: "slack.bot_token", env: EnvSlackBot, secret: true},
	{key: "slack.app_token", env: EnvSlackApp, secret: true},
	{key: "slack.signing_secret", env: EnvSlackSigning, secret: true},
	{key: "slack.api_url", env: EnvSlackAPIURL},
	{key: "slack.events_addr", env: EnvSlackEvents},
	{key: "discord.bot_token", env: EnvDiscordToken, secret: true},
	{key: "discord.guild_id", env: EnvDiscordGuild},
	{key: "discord.api_url", env: EnvDiscordAPI},
	{key: "discord.message_content", env: EnvDiscordMsg},
}

// Flags are the command-line settings, which override the environment;
// "" means not given.
type Flags struct {
	File, Corpus, HTTPAddr, LogLevel, LogFormat string
}

// merge builds the configuration from the defaults, then f (the file
// called name; nil for none), then the environment, then the flags, and
// parses each setting once, wherever it came from. Cross-setting checks
// are validate's.
func merge(f *File, name string, lookup func(string) (string, bool), fl Flags) (Config, []error) {
	c := Default()
	c.File, c.from = name, map[string]string{}
	raw := map[string]string{}
	flags := map[string]string{"--corpus": fl.Corpus, "--http-addr": fl.HTTPAddr, "--log-level": fl.LogLevel, "--log-format": fl.LogFormat}
	var errs []error
	for _, s := range settings {
		if v, ok := f.value(s.key); ok && !s.secret {
			raw[s.key], c.from[s.key] = v, name+": "+s.key
		}
		if v, ok := lookup(s.env); ok && strings.TrimSpace(v) != "" {
			raw[s.key], c.from[s.key] = strings.TrimSpace(v), s.env
		}
		if v := flags[s.flag]; s.flag != "" && v != "" {
			raw[s.key], c.from[s.key] = v, s.flag
		}
		if _, ok := raw[s.key]; s.secret && !ok {
			if path, ok := f.value(s.key + "_file"); ok {
				c.from[s.key] = name + ": " + s.key + "_file"
				v, err := readSecret(path)
				if err != nil {
					errs = append(errs, fmt.Errorf("%s: %w", c.from[s.key], err))
					continue
				}
				raw[s.key] = v
			}
		}
	}
	bad := func(key, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s: %s", c.from[key], fmt.Sprintf(format, args...)))
	}
	c.Corpus = raw["corpus"]
	readCorpusFiles(&c, raw, bad)
	c.State = raw["state"]
	if c.State == "" {
		c.State = stateDir(lookup)
	}
	if v, ok := raw["cache_ttl"]; ok {
		switch d, err := time.ParseDuration(v); {
		case err != nil:
			bad("cache_ttl", "%q is not a duration (try 10m or 1h)", v)
		case d < 0:
			bad("cache_ttl", "%q must not be negative", v)
		default:
			c.CacheTTL = d
		}
	}
	if v, ok := raw["log.level"]; ok {
		if err := c.LogLevel.UnmarshalText([]byte(v)); err != nil {
			bad("log.level", "%q is not one of debug, info, warn, error", v)
		}
		c.LogLevelSet = true
	}
	if v, ok := raw["log.format"]; ok {
		if v != LogText && v != LogJSON {
			bad("log.format", "%q is not text or json", v)
		}
		c.LogFormat = v
	}
	if v, ok := raw["http_addr"]; ok {
		if err := checkAddr(v); v != HTTPOff && err != nil {
			bad("http_addr", "%q is not host:port or %s (%v)", v, HTTPOff, err)
		}
		c.HTTPAddr = v
	}
	c.Slack.BotToken, c.Slack.AppToken = Secret(raw["slack.bot_token"]), Secret(raw["slack.app_token"])
	c.Slack.SigningSecret, c.Discord.BotToken = Secret(raw["slack.signing_secret"]), Secret(raw["discord.bot_token"])
	if v, ok := raw["slack.api_url"]; ok {
		c.Slack.APIURL = withSlash(v)
	}
	if v, ok := raw["slack.events_addr"]; ok {
		if err := checkAddr(v); err != nil {
			bad("slack.events_addr", "%q is not host:port (%v)", v, err)
		}
		c.Slack.EventsAddr = v
	}
	c.Discord.GuildID = raw["discord.guild_id"]
	if v, ok := raw["discord.api_url"]; ok {
		c.Discord.APIURL = withSlash(v)
	}
	if v, ok := raw["discord.message_content"]; ok {
		b, err := strconv.ParseBool(v)
		if err != nil {
			bad("discord.message_content", "%q is not true or false", v)
		}
		c.Discord.MessageContent = b
	}
	if f != nil {
		c.Feeds, c.Digests, c.Admins = f.Feeds, f.Digests, f.Admins
		if f.Limits != nil {
			c.Limits = *f.Limits
		}
	}
	return c, errs
}

// readSecret reads a secret from a file (a Docker or systemd credential):
// its content without surrounding white space. Its errors never hold the
// content.
func readSecret(path string) (string, error) {
	fi, err := os.Stat(path)
	switch {
	case err != nil:
		return "", fmt.Errorf("%q cannot be read: %w", path, unwrapPath(err))
	case !fi.Mode().IsRegular():
		return "", fmt.Errorf("%q is not a file", path)
	case fi.Size() > 64<<10:
		return "", fmt.Errorf("%q is too large for a token (%d bytes)", path, fi.Size())
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("%q cannot be read: %w", path, unwrapPath(err))
	}
	v := strings.TrimSpace(string(data))
	if v == "" {
		return "", fmt.Errorf("%q is empty", path)
	}
	return v, nil
}

// unwrapPath drops an *os.PathError's repetition of the path.
func unwrapPath(err error) error {
	if pe, ok := errors.AsType[*os.PathError](err); ok {
		return pe.Err
	}
	return err
}

// checkAddr checks a listening address: host:port, the port a number.
func checkAddr(addr string) error {
	_, port, err := net.SplitHostPort(addr)
	if err != nil {
		return err
	}
	if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
		return fmt.Errorf("port %q is not a number from 0 to 65535", port)
	}
	return nil
}

// checkURL reports whether u is an absolute http(s) URL.
func checkURL(u string) bool {
	p, err := url.Parse(u)
	return err == nil && (p.Scheme == "http" || p.Scheme == "https") && p.Host != ""
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
