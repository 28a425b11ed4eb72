package config

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// Limits are the flood control of chat messages (the console is never
// limited): a token bucket per user and one per channel, and at most one
// expensive query (a question, summary, search…) in flight per user. A
// rate of 0 turns its bucket off. Defaults: LimitsDefaults.
type Limits struct {
	UserPerMinute    float64 // user_per_minute: messages a user may send a minute, on average
	UserBurst        int     // user_burst: … and at once
	ChannelPerMinute float64 // channel_per_minute: messages a channel may send a minute, on average
	ChannelBurst     int     // channel_burst: … and at once
	OneQueryPerUser  bool    // one_query_per_user: one expensive query in flight per user
}

// limitKeys are the keys of the limits section, in the order errors list
// them.
var limitKeys = []string{"user_per_minute", "user_burst", "channel_per_minute", "channel_burst", "one_query_per_user"}

// maxPerMinute bounds a configured rate: more than this is no limit at all.
const maxPerMinute = 6000

// readLimits reads the limits section over LimitsDefaults. Every bad key is
// reported; the others are kept.
func readLimits(n *yaml.Node, lookup func(string) (string, bool)) (Limits, []error) {
	l := LimitsDefaults()
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return l, nil
	}
	if n.Kind != yaml.MappingNode {
		return l, []error{fmt.Errorf("limits: must be a mapping of %s", strings.Join(limitKeys, ", "))}
	}
	var errs []error
	bad := func(key, format string, args ...any) {
		errs = append(errs, fmt.Errorf("limits.%s: %s", key, fmt.Sprintf(format, args...)))
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if !slices.Contains(limitKeys, k.Value) {
			bad(k.Value, "unknown key (line %d; the keys are %s)", k.Line, strings.Join(limitKeys, ", "))
			continue
		}
		if hasKey(n, k.Value, i) {
			bad(k.Value, "given twice (line %d)", k.Line)
			continue
		}
		s, err := expand(v, lookup)
		if err != nil {
			bad(k.Value, "%v", err)
			continue
		}
		switch k.Value {
		case "user_per_minute", "channel_per_minute":
			f, err := strconv.ParseFloat(s, 64)
			if err != nil || f < 0 || f > maxPerMinute {
				bad(k.Value, "%q is not a number of messages a minute from 0 (no limit) to %d", s, maxPerMinute)
				continue
			}
			if k.Value == "user_per_minute" {
				l.UserPerMinute = f
			} else {
				l.ChannelPerMinute = f
			}
		case "user_burst", "channel_burst":
			b, err := strconv.Atoi(s)
			if err != nil || b < 1 || b > 1000 {
				bad(k.Value, "%q is not a whole number of messages from 1 to 1000", s)
				continue
			}
			if k.Value == "user_burst" {
				l.UserBurst = b
			} else {
				l.ChannelBurst = b
			}
		case "one_query_per_user":
			b, err := strconv.ParseBool(s)
			if err != nil {
				bad(k.Value, "%q is not true or false", s)
				continue
			}
			l.OneQueryPerUser = b
		}
	}
	return l, errs
}

// limitsNode returns l as the YAML the file takes, for check-config.
func limitsNode(l Limits) node {
	var n node
	n.add("user_per_minute", strconv.FormatFloat(l.UserPerMinute, 'g', -1, 64), "")
	n.add("user_burst", strconv.Itoa(l.UserBurst), "")
	n.add("channel_per_minute", strconv.FormatFloat(l.ChannelPerMinute, 'g', -1, 64), "")
	n.add("channel_burst", strconv.Itoa(l.ChannelBurst), "")
	n.add("one_query_per_user", strconv.FormatBool(l.OneQueryPerUser), "")
	return n
}
