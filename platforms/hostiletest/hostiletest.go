// Package hostiletest holds the hostile texts every platform adapter's
// tests run through their renderers and fake servers: mention syntax of
// every platform, markup that would break out of formatting, terminal
// escape sequences, and look-alikes that must stay as typed.
//
// The verdict for look-alikes: a full-width "＠everyone" (U+FF20), an
// "@\u200beveryone" already broken by a zero-width space and an
// "@ everyone" with a space ping no one on Slack or Discord (neither
// platform folds them into "@"), so adapters show them unchanged.
package hostiletest

import (
	"strings"
	"time"

	"github.com/briefbot/briefbot/bot"
)

// Case is one hostile text.
type Case struct {
	Name string
	Text string
}

// Cases are the hostile texts, each short enough to show in a golden file
// but one, which is long enough to reach every platform's limits.
var Cases = []Case{
	{"everyone-here", "@everyone @here @channel @EveryOne"},
	{"slack-specials", "<!channel> <!here> <!everyone> <!here|here>"},
	{"slack-subteam", "<!subteam^S123> <!subteam^S123|@team>"},
	{"slack-user-channel", "<@U123> <@U123|bob> <#C123> <#C123|general>"},
	{"discord-mentions", "<@123> <@!123> <@&456> <#789> </brief:1>"},
	{"lookalikes", "＠everyone ＠here @\u200beveryone @ everyone"},
	{"slack-link", "<http://evil.example|click here> <mailto:x@evil.example|mail>"},
	{"entities", "&lt;!channel&gt; &amp; &#60;@U1&#62;"},
	{"inline-markup", "*bold* _italic_ ~strike~ `code` **b** __u__ ~~s~~ ||spoiler||"},
	{"code-fence", "```\nswallow the rest\n``` and ``` open"},
	{"quotes", "> quoted\n>>> quoted to the end\n  > indented"},
	{"masked-link", "[click](http://evil.example) [x]( https://evil.example )"},
	{"headings", "# Heading\n## h2\n-# subtext\n### h3"},
	{"terminal", "\x1b[31mred\x1b[0m \x1b]0;title\x07 \x9b2J bell\a cr\rback\bspace"},
	{"bidi", "abc\u202edcba\u202c \u2066iso\u2069"},
	{"invalid-utf8", "bad \xff\xfe bytes"},
	{"long", strings.Repeat("<!here> @everyone *b* ``` > [x](http://e) ", 800)},
}

// Reply is a reply whose every text field comes from c, as an article
// would fill it: title, lead, a section heading and items, a source (its
// title, outlet and URL) and the footer.
func Reply(c Case) bot.Reply {
	return bot.Reply{
		Title: "Quote: " + short(c.Text),
		Text:  c.Text,
		Sections: []bot.Section{{Heading: short(c.Text), Items: []bot.Item{
			{Text: "said " + c.Text, Source: 0},
			{Text: c.Text, Source: -1},
		}}},
		Sources: []bot.Source{{
			Title: short(c.Text), Outlet: short(c.Text), URL: "https://example.org/a?q=" + short(c.Text),
			Published: time.Date(2025, 8, 6, 0, 0, 0, 0, time.UTC),
		}},
		Footer: short(c.Text),
	}
}

// short is the first 200 bytes of s, as the titles of long texts are.
func short(s string) string {
	if len(s) > 200 {
		return strings.ToValidUTF8(s[:200], "")
	}
	return s
}
