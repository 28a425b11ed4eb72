package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/robfig/cron/v3"
	"gopkg.in/yaml.v3"
)

// File is the YAML configuration file (--config FILE or BRIEFBOT_CONFIG).
// Its top-level keys are topKeys: the scalar settings (corpus, state,
// cache_ttl, http_addr, and the sections log, slack and discord), feeds,
// digests, admins and limits. Secrets are not among its keys: only *_file keys
// naming the files that hold them.
type File struct {
	Feeds   []Feed
	Digests []Digest
	// Admins say who may run the admin commands (see Admins); at the
	// console everyone may.
	Admins Admins
	// Limits is the flood control, defaults applied; nil when the file
	// has no limits.
	Limits *Limits
	// Values are the scalar settings given, by key ("slack.api_url",
	// "slack.bot_token_file"), ${NAME} expanded; paths (corpus, state,
	// *_file) are made relative to the file's folder.
	Values map[string]string
}

// topKeys are the file's top-level keys, in the order errors list them.
var topKeys = []string{"corpus", "state", "cache_ttl", "http_addr", "log", "feeds", "slack", "discord", "digests", "admins", "limits", "corpus_files"}

// value returns the scalar setting key of f, which may be nil.
func (f *File) value(key string) (string, bool) {
	if f == nil {
		return "", false
	}
	v, ok := f.Values[key]
	return v, ok
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
// each naming the file and the key (and the digest or feed). With an error
// the File holds what was valid: the digests and feeds without a problem
// and the values given.
func ReadFile(path string, lookup func(string) (string, bool)) (File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return File{}, fmt.Errorf("%s: %w", path, unwrapPath(err))
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
	f := File{Values: map[string]string{}}
	if len(doc.Content) == 0 {
		return f, nil // an empty file
	}
	root := doc.Content[0]
	keys := strings.Join(topKeys[:len(topKeys)-1], ", ") + " and " + topKeys[len(topKeys)-1]
	if root.Kind != yaml.MappingNode {
		return File{}, fmt.Errorf("%s: line %d: the file must be a mapping with the keys %s", name, root.Line, keys)
	}
	dir := filepath.Dir(name)
	var errs []error
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch k.Value {
		case "digests":
			var derrs []error
			f.Digests, derrs = readDigests(v, lookup)
			errs = append(errs, derrs...)
		case "admins":
			var aerrs []error
			f.Admins, aerrs = readAdmins(v, lookup)
			errs = append(errs, aerrs...)
		case "limits":
			l, lerrs := readLimits(v, lookup)
			f.Limits, errs = &l, append(errs, lerrs...)
		case "feeds":
			var ferrs []error
			f.Feeds, ferrs = readFeeds(v, lookup)
			errs = append(errs, ferrs...)
		case "log", "slack", "discord", "corpus_files":
			errs = append(errs, readSection(f.Values, k.Value, v, dir, lookup)...)
		case "corpus", "state", "cache_ttl", "http_addr":
			s, err := expand(v, lookup)
			if err != nil {
				errs = append(errs, fmt.Errorf("%s: %w", k.Value, err))
				continue
			}
			if k.Value == "corpus" || k.Value == "state" {
				s = relativeTo(dir, s)
			}
			f.Values[k.Value] = s
		default:
			errs = append(errs, fmt.Errorf("line %d: unknown key %q (the keys are %s)", k.Line, k.Value, keys))
		}
	}
	for i, e := range errs {
		errs[i] = fmt.Errorf("%s: %w", name, e)
	}
	return f, errors.Join(errs...)
}

// relativeTo resolves path against dir unless it is absolute or empty.
func relativeTo(dir, path string) string {
	if path == "" || filepath.IsAbs(path) {
		return path
	}
	return filepath.Join(dir, path)
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
