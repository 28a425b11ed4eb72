package config

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// sectionKeys are the keys of the file's sections. A secret has no key of
// its own: the *_file key names the file that holds it.
var sectionKeys = map[string][]string{
	"log":          {"level", "format"},
	"slack":        {"bot_token_file", "app_token_file", "signing_secret_file", "api_url", "events_addr"},
	"discord":      {"bot_token_file", "guild_id", "api_url", "message_content"},
	"corpus_files": {"max_file_size", "follow_symlinks"},
}

// secretKeys are the keys someone may write a secret under; each is
// refused with the way to give it.
var secretKeys = map[string]string{
	"slack.bot_token": EnvSlackBot, "slack.app_token": EnvSlackApp, "slack.signing_secret": EnvSlackSigning,
	"discord.bot_token": EnvDiscordToken, "discord.token": EnvDiscordToken,
}

// readSection reads the mapping section (log, slack or discord) into
// values, as "section.key"; *_file paths are made relative to dir.
func readSection(values map[string]string, section string, n *yaml.Node, dir string, lookup func(string) (string, bool)) []error {
	allowed := sectionKeys[section]
	if n.Kind != yaml.MappingNode {
		return []error{fmt.Errorf("%s: must be a mapping of %s", section, strings.Join(allowed, ", "))}
	}
	var errs []error
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		key := section + "." + k.Value
		if env, ok := secretKeys[key]; ok {
			errs = append(errs, fmt.Errorf("%s: secrets are not read from this file: set %s, or %s_file to a file holding it", key, env, key))
			continue
		}
		if !slices.Contains(allowed, k.Value) {
			errs = append(errs, fmt.Errorf("%s: unknown key (line %d; the keys are %s)", key, k.Line, strings.Join(allowed, ", ")))
			continue
		}
		if hasKey(n, k.Value, i) {
			errs = append(errs, fmt.Errorf("%s: given twice (line %d)", key, k.Line))
			continue
		}
		s, err := expand(v, lookup)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", key, err))
			continue
		}
		if strings.HasSuffix(k.Value, "_file") {
			s = relativeTo(dir, s)
		}
		values[key] = s
	}
	return errs
}

// feedKeys are the keys a feed may have.
var feedKeys = []string{"url", "interval", "timeout"}

// readFeeds reads the feeds list and returns the valid feeds.
func readFeeds(n *yaml.Node, lookup func(string) (string, bool)) ([]Feed, []error) {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil, nil
	}
	if n.Kind != yaml.SequenceNode {
		return nil, []error{fmt.Errorf("line %d: feeds must be a list", n.Line)}
	}
	var (
		out  []Feed
		errs []error
		urls = map[string]int{}
	)
	for i, item := range n.Content {
		f, ferrs := readFeed(item, i, lookup)
		if first, dup := urls[f.URL]; dup && f.URL != "" {
			ferrs = append(ferrs, fmt.Errorf("feeds[%d].url: also the url of feeds[%d]", i, first))
		} else if f.URL != "" {
			urls[f.URL] = i
		}
		errs = append(errs, ferrs...)
		if len(ferrs) == 0 {
			out = append(out, f)
		}
	}
	return out, errs
}

// readFeed reads the feed at index i: a mapping, or a bare URL.
func readFeed(n *yaml.Node, i int, lookup func(string) (string, bool)) (Feed, []error) {
	f := FeedDefaults()
	id := fmt.Sprintf("feeds[%d]", i)
	vals := map[string]string{}
	var errs []error
	switch n.Kind {
	case yaml.ScalarNode:
		s, err := expand(n, lookup)
		if err != nil {
			return f, []error{fmt.Errorf("%s.url: %w", id, err)}
		}
		vals["url"] = s
	case yaml.MappingNode:
		for j := 0; j+1 < len(n.Content); j += 2 {
			k, v := n.Content[j], n.Content[j+1]
			switch {
			case !slices.Contains(feedKeys, k.Value):
				errs = append(errs, fmt.Errorf("%s: unknown key %q (line %d; the keys are %s)", id, k.Value, k.Line, strings.Join(feedKeys, ", ")))
			case hasKey(n, k.Value, j):
				errs = append(errs, fmt.Errorf("%s.%s: given twice (line %d)", id, k.Value, k.Line))
			default:
				s, err := expand(v, lookup)
				if err != nil {
					errs = append(errs, fmt.Errorf("%s.%s: %w", id, k.Value, err))
					continue
				}
				vals[k.Value] = s
			}
		}
	default:
		return f, []error{fmt.Errorf("%s (line %d): must be a URL or a mapping of %s", id, n.Line, strings.Join(feedKeys, ", "))}
	}
	f.URL = vals["url"]
	if f.URL == "" {
		errs = append(errs, fmt.Errorf("%s.url: missing", id))
	} else if !checkURL(f.URL) {
		errs = append(errs, fmt.Errorf("%s.url: %q is not an http(s) URL", id, f.URL))
	}
	for _, d := range []struct {
		key  string
		into *time.Duration
	}{{"interval", &f.Interval}, {"timeout", &f.Timeout}} {
		s, ok := vals[d.key]
		if !ok {
			continue
		}
		v, err := time.ParseDuration(s)
		switch {
		case err != nil:
			errs = append(errs, fmt.Errorf("%s.%s: %q is not a duration (try 15m or 1h)", id, d.key, s))
		case v <= 0:
			errs = append(errs, fmt.Errorf("%s.%s: %q must be more than 0", id, d.key, s))
		default:
			*d.into = v
		}
	}
	if f.Interval < MinFeedInterval {
		errs = append(errs, fmt.Errorf("%s.interval: %q is shorter than %v: the feed's server is someone else's", id, vals["interval"], MinFeedInterval))
	} else if f.Timeout > f.Interval {
		errs = append(errs, fmt.Errorf("%s.timeout: %v is longer than the interval %v", id, f.Timeout, f.Interval))
	}
	return f, errs
}
