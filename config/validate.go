package config

import (
	"errors"
	"fmt"
	"os"
	"strings"
)

// Load returns the effective configuration: the defaults, overridden by
// the configuration file (fl.File, else BRIEFBOT_CONFIG; none when both are
// empty), then by the environment, then by the flags. Secrets come only
// from the environment or from the files the file's *_file keys name.
//
// Everything is checked: every value, the settings that depend on each
// other (tokens, the platform of each digest, the state folder digests
// need) and the paths (the corpus exists, secret files are readable). All
// problems are reported in one error, one a line, each naming its setting;
// none shows a secret.
func Load(fl Flags, lookup func(string) (string, bool)) (Config, error) {
	name := fl.File
	if v, ok := lookup(EnvConfig); name == "" && ok {
		name = strings.TrimSpace(v)
	}
	var (
		f    *File
		errs []error
	)
	if name != "" {
		ff, err := ReadFile(name, lookup)
		errs = append(errs, lines(err)...)
		f = &ff
	}
	c, merrs := merge(f, name, lookup, fl)
	errs = append(errs, merrs...)
	errs = append(errs, c.validate()...)
	errs = append(errs, c.checkPaths()...)
	return c, joinLines(errs)
}

// Validate checks the settings that depend on each other; each error names
// the settings involved and never their secret values.
func (c Config) Validate() error { return joinLines(c.validate()) }

func (c Config) validate() []error {
	var errs []error
	bad := func(key, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s: %s", c.name(key), fmt.Sprintf(format, args...)))
	}
	if c.Slack.BotToken != "" && !strings.HasPrefix(c.Slack.BotToken.Reveal(), "xoxb-") {
		bad("slack.bot_token", "a bot token starts with xoxb-")
	}
	if c.Slack.AppToken != "" && !strings.HasPrefix(c.Slack.AppToken.Reveal(), "xapp-") {
		bad("slack.app_token", "an app-level token starts with xapp-")
	}
	if c.Slack.AppToken != "" && c.Slack.BotToken == "" {
		errs = append(errs, fmt.Errorf("%s is set but %s is not", c.name("slack.app_token"), c.name("slack.bot_token")))
	}
	if c.Slack.BotToken != "" && c.Slack.AppToken == "" && c.Slack.SigningSecret == "" {
		errs = append(errs, fmt.Errorf("%s is set: also set %s (Socket Mode) or %s (HTTP Events API)",
			c.name("slack.bot_token"), c.name("slack.app_token"), c.name("slack.signing_secret")))
	}
	for _, u := range []struct{ key, url string }{{"slack.api_url", c.Slack.APIURL}, {"discord.api_url", c.Discord.APIURL}} {
		if !checkURL(u.url) {
			bad(u.key, "%q is not an http(s) URL", u.url)
		}
	}
	if g := c.Discord.GuildID; g != "" && !isSnowflake(g) {
		bad("discord.guild_id", "%q is not a Discord ID (digits only)", g)
	}
	if len(c.Digests) > 0 && c.State == "" {
		errs = append(errs, fmt.Errorf("%s: digests need a state folder: set %s", c.File, EnvState))
	}
	running := map[string]string{"slack": EnvSlackBot, "discord": EnvDiscordToken}
	for _, p := range c.Platforms() {
		running[p] = ""
	}
	for _, d := range c.Digests {
		if env := running[d.Platform]; env != "" {
			errs = append(errs, fmt.Errorf("%s: digest %q: platform: %s is not configured (set %s)", c.File, d.Name, d.Platform, env))
		}
	}
	return errs
}

// checkPaths checks that the corpus exists and the state folder, if it
// exists, is a folder.
func (c Config) checkPaths() []error {
	var errs []error
	if c.Corpus != "" {
		if _, err := os.Stat(c.Corpus); err != nil {
			errs = append(errs, fmt.Errorf("%s: %q cannot be read: %w", c.name("corpus"), c.Corpus, unwrapPath(err)))
		}
	}
	if c.State != "" {
		if fi, err := os.Stat(c.State); err == nil && !fi.IsDir() {
			errs = append(errs, fmt.Errorf("%s: %q is not a folder", c.name("state"), c.State))
		}
	}
	return errs
}

// name returns how an error names setting key: where its value came from,
// else its environment variable.
func (c Config) name(key string) string {
	if f := c.from[key]; f != "" {
		return f
	}
	for _, s := range settings {
		if s.key == key {
			return s.env
		}
	}
	return key
}

// joinLines joins errors one a line; nil when there are none.
func joinLines(errs []error) error {
	var flat []error
	for _, e := range errs {
		flat = append(flat, lines(e)...)
	}
	return errors.Join(flat...)
}

// lines splits a joined error into its errors, so each reports one line.
func lines(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, lines(e)...)
		}
		return out
	}
	return []error{err}
}
