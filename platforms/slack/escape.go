package slack

import (
	"net/url"
	"regexp"
	"strings"
)

// escaper turns Slack's three control characters into entities. Every
// special sequence Slack parses (<!channel>, <!here>, <!everyone>, <@U…>,
// <#C…>, <!subteam^…>, <url|label>) needs a literal "<", so escaped text
// can never ping or link anyone: it shows as typed.
var escaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// unescaper reverses the escaping Slack applies to message text it delivers.
var unescaper = strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&")

// escape makes user- or corpus-derived text safe inside any Slack text
// field (mrkdwn, plain_text and the fallback).
func escape(s string) string { return escaper.Replace(s) }

// unescape turns delivered message text back into what the user typed.
func unescape(s string) string { return unescaper.Replace(s) }

// urlEscaper keeps a URL from ending the <url|label> sequence it sits in.
var urlEscaper = strings.NewReplacer("&", "&amp;", "<", "%3C", ">", "%3E", "|", "%7C", " ", "%20")

// link returns a Slack link to rawURL labelled with label (escaped), or just
// the escaped label when rawURL is not an absolute http(s) URL: a corpus
// cannot smuggle a control sequence in through a URL.
func link(rawURL, label string) string {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return escape(label)
	}
	if label == "" {
		label = u.String()
	}
	return "<" + urlEscaper.Replace(u.String()) + "|" + escape(label) + ">"
}

// leadingMention matches a mention at the start of a message: <@U123> or
// <@U123|name>.
var leadingMention = regexp.MustCompile(`^\s*<@([A-Z0-9]+)(?:\|[^>]*)?>`)

// stripMention removes a leading mention of userID from delivered text and
// unescapes the rest. Mentions of anyone else are left in place.
func stripMention(text, userID string) string {
	if m := leadingMention.FindStringSubmatchIndex(text); m != nil && text[m[2]:m[3]] == userID {
		text = text[m[1]:]
	}
	return strings.TrimSpace(unescape(text))
}
