package config

import (
	"io"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// WriteYAML writes the effective configuration as YAML in the file's
// shape, each setting commented with where its value came from (its
// variable, flag or file key; "default" otherwise). Secrets are shown as
// "[redacted]", or "" when unset: never their values.
func (c Config) WriteYAML(w io.Writer) error {
	var root node
	from := func(key string) string { return cmpOr(c.from[key], "default") }
	httpNote := from("http_addr")
	if c.HTTPAddr == "" {
		httpNote = "default: on with a chat platform, off in the console"
	}
	root.add("corpus", cmpOr(c.Corpus, "(the example corpus built in)"), from("corpus"))
	var files node
	files.add("max_file_size", FormatSize(c.MaxFileSize), from("corpus_files.max_file_size"))
	files.add("follow_symlinks", strconv.FormatBool(c.FollowSymlinks), from("corpus_files.follow_symlinks"))
	root.addNode("corpus_files", files)
	root.add("state", cmpOr(c.State, "(none: digests are off)"), from("state"))
	root.add("cache_ttl", duration(c.CacheTTL), from("cache_ttl"))
	root.add("http_addr", cmpOr(c.HTTPListen(), HTTPOff), httpNote)
	var log node
	log.add("level", strings.ToLower(c.LogLevel.String()), from("log.level"))
	log.add("format", c.LogFormat, from("log.format"))
	root.addNode("log", log)
	var slack node
	slack.add("bot_token", c.Slack.BotToken.String(), from("slack.bot_token"))
	slack.add("app_token", c.Slack.AppToken.String(), from("slack.app_token"))
	slack.add("signing_secret", c.Slack.SigningSecret.String(), from("slack.signing_secret"))
	slack.add("api_url", c.Slack.APIURL, from("slack.api_url"))
	slack.add("events_addr", c.Slack.EventsAddr, from("slack.events_addr"))
	root.addNode("slack", slack)
	var discord node
	discord.add("bot_token", c.Discord.BotToken.String(), from("discord.bot_token"))
	discord.add("guild_id", c.Discord.GuildID, from("discord.guild_id"))
	discord.add("api_url", c.Discord.APIURL, from("discord.api_url"))
	discord.add("message_content", strconv.FormatBool(c.Discord.MessageContent), from("discord.message_content"))
	root.addNode("discord", discord)
	feeds := &yaml.Node{Kind: yaml.SequenceNode}
	for _, f := range c.Feeds {
		var n node
		n.add("url", f.URL, "")
		n.add("interval", duration(f.Interval), "")
		n.add("timeout", duration(f.Timeout), "")
		feeds.Content = append(feeds.Content, &n.Node)
	}
	root.addSeq("feeds", feeds)
	root.Content = append(root.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: "admins"}, adminsNode(c.Admins))
	root.addNode("limits", limitsNode(c.Limits))
	digests := &yaml.Node{Kind: yaml.SequenceNode}
	for _, d := range c.Digests {
		var n node
		for _, kv := range [][2]string{{"name", d.Name}, {"schedule", d.Schedule}, {"timezone", d.Timezone}, {"platform", d.Platform},
			{"channel", d.Channel}, {"topic", d.Topic}, {"window", duration(d.Window)}, {"catch_up", d.CatchUp},
			{"max_lateness", duration(d.MaxLateness)}, {"empty", d.Empty}} {
			n.add(kv[0], kv[1], "")
		}
		digests.Content = append(digests.Content, &n.Node)
	}
	root.addSeq("digests", digests)
	root.HeadComment = "The effective configuration: defaults, then the file, the environment and the flags.\nEach comment says where the value came from. Secrets are never shown."
	if c.File != "" {
		root.HeadComment += "\nFile: " + c.File
	}
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(&yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{&root.Node}}); err != nil {
		return err
	}
	return enc.Close()
}

// node is a YAML mapping under construction.
type node struct{ yaml.Node }

func (n *node) add(key, value, comment string) {
	n.Kind = yaml.MappingNode
	v := &yaml.Node{Kind: yaml.ScalarNode, Value: value, LineComment: comment}
	if value == "" {
		v.Style = yaml.DoubleQuotedStyle
	}
	n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: key}, v)
}

func (n *node) addNode(key string, v node) {
	n.Kind = yaml.MappingNode
	n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: key}, &v.Node)
}

func (n *node) addSeq(key string, seq *yaml.Node) {
	n.Kind = yaml.MappingNode
	if len(seq.Content) == 0 {
		seq.Style = yaml.FlowStyle
	}
	n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: key}, seq)
}

// duration formats d without zero units: 24h, 90m → 1h30m, 10m.
func duration(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}

func cmpOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
