package config

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// Admins say who may run the admin commands in chat (reload, subscribe,
// unsubscribe, schedules, audit). Nobody may unless named here, bar the
// console's user, who owns the process. The file gives them either as a
// list of users (the first form briefbot read, still accepted):
//
//	admins: [slack:U0123ABCD, discord:123456789012345678]
//
// or as a mapping of four optional lists:
//
//	admins:
//	  users: [slack:U0123ABCD]            # platform:user ID
//	  slack_groups: [S0123ABCD]           # members of these Slack user groups
//	  discord_roles: [987654321098765432] # holders of these Discord roles
//	  channels: [slack:C0123ABCD]         # everyone in these channels
type Admins struct {
	Users        []string // "platform:user ID"
	SlackGroups  []string // Slack user group IDs (S…)
	DiscordRoles []string // Discord role IDs (digits)
	Channels     []string // "platform:channel ID"
}

// adminKeys are the keys of the admins mapping, in the order errors list
// them.
var adminKeys = []string{"users", "slack_groups", "discord_roles", "channels"}

var slackGroupRE = regexp.MustCompile(`^S[A-Z0-9]{6,20}$`)

// readAdmins reads the admins: a list of platform:user entries, or the
// mapping of adminKeys. Every bad entry is reported; the good ones are
// kept.
func readAdmins(n *yaml.Node, lookup func(string) (string, bool)) (Admins, []error) {
	var a Admins
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return a, nil
	}
	if n.Kind == yaml.SequenceNode {
		var errs []error
		a.Users, errs = readAdminList(n, "admins", lookup, checkUser)
		return a, errs
	}
	if n.Kind != yaml.MappingNode {
		return a, []error{fmt.Errorf("admins: must be a list of platform:user entries, or a mapping of %s", strings.Join(adminKeys, ", "))}
	}
	var errs []error
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		key := "admins." + k.Value
		if !slices.Contains(adminKeys, k.Value) {
			errs = append(errs, fmt.Errorf("%s: unknown key (line %d; the keys are %s)", key, k.Line, strings.Join(adminKeys, ", ")))
			continue
		}
		if hasKey(n, k.Value, i) {
			errs = append(errs, fmt.Errorf("%s: given twice (line %d)", key, k.Line))
			continue
		}
		var (
			into  *[]string
			check func(string) string
		)
		switch k.Value {
		case "users":
			into, check = &a.Users, checkUser
		case "slack_groups":
			into, check = &a.SlackGroups, checkSlackGroup
		case "discord_roles":
			into, check = &a.DiscordRoles, checkDiscordRole
		case "channels":
			into, check = &a.Channels, checkAdminChannel
		}
		var lerrs []error
		*into, lerrs = readAdminList(v, key, lookup, check)
		errs = append(errs, lerrs...)
	}
	return a, errs
}

// readAdminList reads the list at key, each entry ${NAME}-expanded and
// checked by check (which returns why an entry is wrong, or "").
func readAdminList(n *yaml.Node, key string, lookup func(string) (string, bool), check func(string) string) ([]string, []error) {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil, nil
	}
	if n.Kind != yaml.SequenceNode {
		return nil, []error{fmt.Errorf("%s: must be a list (line %d)", key, n.Line)}
	}
	var (
		out  []string
		errs []error
	)
	for i, item := range n.Content {
		v, err := expand(item, lookup)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s[%d]: %w", key, i, err))
			continue
		}
		if why := check(v); why != "" {
			errs = append(errs, fmt.Errorf("%s[%d]: %q %s", key, i, v, why))
			continue
		}
		if !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out, errs
}

func checkUser(v string) string {
	platform, user, ok := strings.Cut(v, ":")
	if !ok || user == "" || !slices.Contains([]string{"slack", "discord", "console"}, platform) {
		return "is not platform:user, e.g. slack:U0123ABCD"
	}
	return ""
}

func checkSlackGroup(v string) string {
	if !slackGroupRE.MatchString(v) {
		return "is not a Slack user group ID, e.g. S0123ABCD"
	}
	return ""
}

func checkDiscordRole(v string) string {
	if !isSnowflake(v) {
		return "is not a Discord role ID (digits only)"
	}
	return ""
}

func checkAdminChannel(v string) string {
	platform, ch, _ := strings.Cut(v, ":")
	switch {
	case platform == "slack" && slackChannelRE.MatchString(ch):
	case platform == "discord" && isSnowflake(ch):
	default:
		return "is not platform:channel ID, e.g. slack:C0123ABCD or discord:123456789012345678"
	}
	return ""
}

// adminsNode returns a as the YAML the file takes, for check-config: the
// mapping form, each list in flow style.
func adminsNode(a Admins) *yaml.Node {
	m := &yaml.Node{Kind: yaml.MappingNode}
	for _, kv := range []struct {
		key  string
		vals []string
	}{{"users", a.Users}, {"slack_groups", a.SlackGroups}, {"discord_roles", a.DiscordRoles}, {"channels", a.Channels}} {
		seq := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
		for _, v := range kv.vals {
			seq.Content = append(seq.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: v})
		}
		m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: kv.key}, seq)
	}
	return m
}
