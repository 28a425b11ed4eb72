package config

import (
	"errors"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/robfig/cron/v3"
	"gopkg.in/yaml.v3"
)

// Environment variables of the state folder and the configuration file.
const (
	EnvState  = "BRIEFBOT_STATE"
	EnvConfig = "BRIEFBOT_CONFIG"
)

// File is the YAML configuration file (--config FILE or BRIEFBOT_CONFIG):
// the scheduled digests, and who may subscribe channels to digests in chat.
// Its top-level keys are digests and admins, nothing else.
type File struct {
	Digests []Digest
	// Admins are "platform:user ID" entries ("slack:U0123ABCD") who may
	// subscribe and unsubscribe channels and list the schedules; at the
	// console everyone may.
	Admins []string
}

// Digest is one entry of the file's digests, validated and with defaults
// applied. Its keys are exactly the fields' yaml names.
type Digest struct {
	Name        string         // name: unique in the file
	Schedule    string         // schedule: 5-field cron, an optional leading seconds field, or @daily, @hourly, @every D
	Timezone    string         // timezone: IANA, default UTC
	Location    *time.Location // Timezone, loaded
	Platform    string         // platform: slack, discord or console
	Channel     string         // channel: the platform's channel ID; "console" for the console, whatever is given
	Topic       string         // topic: optional filter
	Window      time.Duration  // window: backlog articles published this long before a slot are included, default 24h
	CatchUp     string         // catch_up: skip, latest or all, default latest
	MaxLateness time.Duration  // max_lateness: how late a slot may still be posted, default 6h
	Empty       string         // empty: skip or post, default skip
}

// digestKeys are the keys a digest may have, in the order errors list them.
var digestKeys = []string{"name", "schedule", "timezone", "platform", "channel", "topic", "window", "catch_up", "max_lateness", "empty"}

// DigestDefaults returns the values of a digest's optional keys.
func DigestDefaults() Digest {
	return Digest{Timezone: "UTC", Location: time.UTC, Window: 24 * time.Hour, CatchUp: "latest", MaxLateness: 6 * time.Hour, Empty: "skip"}
}

// cronParser accepts the same schedules as the bot's scheduler.
var cronParser = cron.NewParser(cron.SecondOptional | cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow | cron.Descriptor)

var (
	nameRE         = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$`)
	slackChannelRE = regexp.MustCompile(`^[CGD][A-Z0-9]{6,20}$`)
	envRE          = regexp.MustCompile(`\$\{([A-Za-z_][A-Za-z0-9_]*)\}`)
)

// ReadFile reads and validates the configuration file at path. ${NAME} in
// a value is replaced by the environment variable NAME, read through
// lookup; an unset one is an error. Every problem is reported, one a line,
// each naming the file, the digest and the key.
func ReadFile(path string, lookup func(string) (string, bool)) (File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return File{}, fmt.Errorf("config file: %w", err)
	}
	return ParseFile(path, data, lookup)
}

// ParseFile parses data as the configuration file called name (for the
// errors), as ReadFile does.
func ParseFile(name string, data []byte, lookup func(string) (string, bool)) (File, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return File{}, fmt.Errorf("%s: %w", name, err)
	}
	var f File
	if len(doc.Content) == 0 {
		return f, nil // an empty file
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return File{}, fmt.Errorf("%s: line %d: the file must be a mapping with the keys digests and admins", name, root.Line)
	}
	var errs []error
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch k.Value {
		case "digests":
			var derrs []error
			f.Digests, derrs = readDigests(v, lookup)
			errs = append(errs, derrs...)
		case "admins":
			var err error
			if f.Admins, err = readAdmins(v, lookup); err != nil {
				errs = append(errs, err)
			}
		default:
			errs = append(errs, fmt.Errorf("line %d: unknown key %q (the keys are digests and admins)", k.Line, k.Value))
		}
	}
	for i, e := range errs {
		errs[i] = fmt.Errorf("%s: %w", name, e)
	}
	if err := errors.Join(errs...); err != nil {
		return File{}, err
	}
	return f, nil
}

// readAdmins reads the admins list.
func readAdmins(n *yaml.Node, lookup func(string) (string, bool)) ([]string, error) {
	if n.Kind != yaml.SequenceNode {
		return nil, fmt.Errorf("admins: must be a list of platform:user entries")
	}
	var out []string
	for i, item := range n.Content {
		v, err := expand(item, lookup)
		if err != nil {
			return nil, fmt.Errorf("admins[%d]: %w", i, err)
		}
		platform, user, ok := strings.Cut(v, ":")
		if !ok || user == "" || !slices.Contains([]string{"slack", "discord", "console"}, platform) {
			return nil, fmt.Errorf("admins[%d]: %q is not platform:user, e.g. slack:U0123ABCD", i, v)
		}
		out = append(out, v)
	}
	return out, nil
}

// expand returns a scalar node's value with ${NAME} replaced.
func expand(n *yaml.Node, lookup func(string) (string, bool)) (string, error) {
	if n.Kind != yaml.ScalarNode {
		return "", errors.New("must be a single value")
	}
	var missing []string
	v := envRE.ReplaceAllStringFunc(n.Value, func(m string) string {
		name := envRE.FindStringSubmatch(m)[1]
		val, ok := lookup(name)
		if !ok {
			missing = append(missing, m)
		}
		return val
	})
	if len(missing) > 0 {
		return "", fmt.Errorf("%s is not set", strings.Join(missing, ", "))
	}
	return strings.TrimSpace(v), nil
}
