package config

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// readDigests reads the digests list: each entry checked key by key, every
// problem reported with the digest and the key it is about. It returns the
// valid digests.
func readDigests(n *yaml.Node, lookup func(string) (string, bool)) ([]Digest, []error) {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil, nil
	}
	if n.Kind != yaml.SequenceNode {
		return nil, []error{fmt.Errorf("line %d: digests must be a list", n.Line)}
	}
	var (
		out   []Digest
		errs  []error
		names = map[string]int{}
	)
	for i, item := range n.Content {
		d, derrs := readDigest(item, i, lookup)
		if first, dup := names[d.Name]; dup && d.Name != "" {
			derrs = append(derrs, fmt.Errorf("digest %q: name: also the name of digest #%d; names must be unique", d.Name, first+1))
		} else if d.Name != "" {
			names[d.Name] = i
		}
		errs = append(errs, derrs...)
		if len(derrs) == 0 {
			out = append(out, d) // only valid digests, so none causes a second error
		}
	}
	return out, errs
}

// readDigest reads the digest at index i of the list.
func readDigest(n *yaml.Node, i int, lookup func(string) (string, bool)) (Digest, []error) {
	d := DigestDefaults()
	id := fmt.Sprintf("digest #%d", i+1)
	if n.Kind != yaml.MappingNode {
		return Digest{}, []error{fmt.Errorf("%s (line %d): must be a mapping of %s", id, n.Line, strings.Join(digestKeys, ", "))}
	}
	vals := map[string]string{}
	var errs []error
	failed := map[string]bool{}
	for j := 0; j+1 < len(n.Content); j += 2 {
		k, v := n.Content[j], n.Content[j+1]
		switch {
		case !slices.Contains(digestKeys, k.Value):
			errs = append(errs, fmt.Errorf("unknown key %q (line %d; the keys are %s)", k.Value, k.Line, strings.Join(digestKeys, ", ")))
		case hasKey(n, k.Value, j):
			errs = append(errs, fmt.Errorf("%s: given twice (line %d)", k.Value, k.Line))
		default:
			s, err := expand(v, lookup)
			if err != nil {
				errs = append(errs, fmt.Errorf("%s: %w", k.Value, err))
				failed[k.Value] = true
				continue // reported: apply must not call it missing too
			}
			vals[k.Value] = s
		}
	}
	if name := vals["name"]; name != "" {
		id = fmt.Sprintf("digest %q", name)
	}
	errs = append(errs, d.apply(vals, failed)...)
	for j, e := range errs {
		errs[j] = fmt.Errorf("%s: %w", id, e)
	}
	return d, errs
}

// apply sets d from the keys given, validating each; a key in failed was
// reported already.
func (d *Digest) apply(v map[string]string, failed map[string]bool) []error {
	var errs []error
	bad := func(key, format string, args ...any) {
		if !failed[key] {
			errs = append(errs, fmt.Errorf("%s: %s", key, fmt.Sprintf(format, args...)))
		}
	}
	d.Name = v["name"]
	switch {
	case d.Name == "":
		bad("name", "missing")
	case !nameRE.MatchString(d.Name):
		bad("name", "%q may hold only letters, digits, - and _ (at most 64)", d.Name)
	}
	d.Schedule = v["schedule"]
	switch sched, err := cronParser.Parse(d.Schedule); {
	case d.Schedule == "":
		bad("schedule", "missing")
	case strings.HasPrefix(d.Schedule, "TZ=") || strings.HasPrefix(d.Schedule, "CRON_TZ="):
		bad("schedule", "%q names a time zone: use the timezone key", d.Schedule)
	case err != nil:
		bad("schedule", "%q is not a schedule (5 cron fields, an optional seconds field first, or @daily, @hourly, @every 1h): %v", d.Schedule, err)
	case sched.Next(time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)).IsZero() && sched.Next(time.Now()).IsZero():
		bad("schedule", "%q never fires", d.Schedule)
	}
	if tz := v["timezone"]; tz != "" {
		loc, err := time.LoadLocation(tz)
		if err != nil || tz == "Local" {
			bad("timezone", "%q is not an IANA time zone such as Europe/London", tz)
		} else {
			d.Timezone, d.Location = tz, loc
		}
	}
	d.Platform = v["platform"]
	d.Channel = v["channel"]
	switch d.Platform {
	case "":
		bad("platform", "missing (slack, discord or console)")
	case "console":
		d.Channel = "console" // the console has one channel
	case "slack":
		if !slackChannelRE.MatchString(d.Channel) {
			bad("channel", "%q is not a Slack channel ID (C, G or D and at least 6 capitals or digits, e.g. C0123456)", d.Channel)
		}
	case "discord":
		if !isSnowflake(d.Channel) {
			bad("channel", "%q is not a Discord channel ID (digits only)", d.Channel)
		}
	default:
		bad("platform", "%q is not slack, discord or console", d.Platform)
	}
	d.Topic = v["topic"]
	if len(d.Topic) > 200 {
		bad("topic", "longer than 200 characters")
	}
	duration := func(key string, into *time.Duration, positive bool) {
		s, ok := v[key]
		if !ok || s == "" {
			return
		}
		dur, err := time.ParseDuration(s)
		switch {
		case err != nil:
			bad(key, "%q is not a duration (try 24h or 90m)", s)
		case positive && dur <= 0:
			bad(key, "%q must be more than 0", s)
		case dur < 0:
			bad(key, "%q must not be negative", s)
		default:
			*into = dur
		}
	}
	duration("window", &d.Window, false)
	duration("max_lateness", &d.MaxLateness, true)
	oneOf := func(key string, into *string, allowed ...string) {
		if s := v[key]; s != "" {
			if !slices.Contains(allowed, s) {
				bad(key, "%q is not %s or %s", s, strings.Join(allowed[:len(allowed)-1], ", "), allowed[len(allowed)-1])
				return
			}
			*into = s
		}
	}
	oneOf("catch_up", &d.CatchUp, "skip", "latest", "all")
	oneOf("empty", &d.Empty, "skip", "post")
	return errs
}

// hasKey reports whether mapping n has key before the j-th entry.
func hasKey(n *yaml.Node, key string, j int) bool {
	for i := 0; i < j; i += 2 {
		if n.Content[i].Value == key {
			return true
		}
	}
	return false
}

// stateDir returns the state folder: BRIEFBOT_STATE, else briefbot in
// $XDG_STATE_HOME, else ~/.local/state/briefbot; "" when none can be
// found (no home directory: scheduled digests are then off).
func stateDir(lookup func(string) (string, bool)) string {
	if v, ok := lookup(EnvState); ok && strings.TrimSpace(v) != "" {
		return strings.TrimSpace(v)
	}
	if v, ok := lookup("XDG_STATE_HOME"); ok && filepath.IsAbs(v) {
		return filepath.Join(v, "briefbot")
	}
	if v, ok := lookup("HOME"); ok && filepath.IsAbs(v) {
		return filepath.Join(v, ".local", "state", "briefbot")
	}
	return ""
}
