package slack

import (
	"net/url"
	"regexp"
	"strings"
	"unicode"

	"github.com/briefbot/briefbot/platforms/internal/textsafe"
)

// zwsp (zero-width space) is put around a formatting character so Slack
// shows it as typed but can never pair it with another.
const zwsp = "\u200b"

// escaper turns Slack's three control characters into entities. Every
// special sequence Slack parses (<!channel>, <!here>, <!everyone>, <@U…>,
// <#C…>, <!subteam^…>, <url|label>) needs a literal "<", so escaped text
// can never ping or link anyone: it shows as typed.
var escaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// unescaper reverses the escaping Slack applies to message text it delivers.
var unescaper = strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&")

// escape makes user- or corpus-derived text safe inside any Slack text
// field (mrkdwn, plain_text and the fallback): the control characters become
// entities (no mention, link or entity can form), and mrkdwn formatting is
// made inert (see neutralize), so the text shows as typed and cannot bold,
// strike or quote the lines after it, nor open a code block that swallows
// them. Slack has no escape for formatting characters; a zero-width space
// on each side of one is invisible and keeps it from pairing.
func escape(s string) string { return neutralize(escaper.Replace(textsafe.Clean(s))) }

// unescape turns delivered message text back into what the user typed.
func unescape(s string) string { return unescaper.Replace(s) }

// formatChars are the mrkdwn characters neutralize guards.
const formatChars = "*_~`"

// neutralize guards entity-escaped text's mrkdwn: each *, _, ~ and ` gets a
// zero-width space on both sides, so none can open or close bold, italics,
// strikethrough, code or a ``` block, and a "&gt;" starting a line gets one
// before it, so it cannot quote. Kept as they are: inline code spans on one
// line (`like this`: the bot's own replies suggest commands so), http(s)
// URLs (a guarded URL would not work when copied), and characters inside a
// word (snake_case), which Slack never formats.
func neutralize(s string) string {
	if !strings.ContainsAny(s, formatChars) && !strings.Contains(s, "&gt;") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + len(s)/4)
	lineStart := true
	for i := 0; i < len(s); {
		// Copy the run up to the next byte that may need a guard at once.
		j := indexSpecial(s[i:])
		if j < 0 {
			b.WriteString(s[i:])
			break
		}
		if j > 0 {
			run := s[i : i+j]
			b.WriteString(run)
			lineStart = lineStart && strings.Trim(run, " \t") == ""
			i += j
		}
		if n := verbatimLen(s, i); n > 0 {
			b.WriteString(s[i : i+n])
			i += n
			lineStart = false
			continue
		}
		c := s[i]
		switch {
		case strings.IndexByte(formatChars, c) >= 0 && !inWord(s, i):
			b.WriteString(zwsp)
			b.WriteByte(c)
			b.WriteString(zwsp)
			i++
			lineStart = false
			continue
		case lineStart && strings.HasPrefix(s[i:], "&gt;"):
			b.WriteString(zwsp)
		}
		b.WriteByte(c)
		lineStart = c == '\n'
		i++
	}
	return b.String()
}

// special marks the bytes neutralize looks at: formatting characters, the
// "&" of "&gt;", the "h" of a URL and newlines.
var special = func() (t [256]bool) {
	for _, c := range []byte(formatChars + "&hH\n") {
		t[c] = true
	}
	return t
}()

// indexSpecial returns the index of the first special byte of s, or -1.
func indexSpecial(s string) int {
	for i := 0; i < len(s); i++ {
		if special[s[i]] {
			return i
		}
	}
	return -1
}

// inWord reports whether the byte at i has a letter or digit on both
// sides, where Slack does not format it.
func inWord(s string, i int) bool {
	return i > 0 && i+1 < len(s) && isWordByte(s[i-1]) && isWordByte(s[i+1]) && s[i] != '`'
}

// verbatimLen returns the length of the inline code span or http(s) URL
// starting at s[i], or 0 when none starts there.
func verbatimLen(s string, i int) int {
	if s[i] == '`' {
		// One backtick, text without backticks or newlines, one backtick.
		if i > 0 && s[i-1] == '`' {
			return 0
		}
		end := strings.IndexAny(s[i+1:], "`\n")
		if end <= 0 || s[i+1+end] != '`' || strings.HasPrefix(s[i+2+end:], "`") {
			return 0
		}
		return end + 2
	}
	if (s[i] == 'h' || s[i] == 'H') && (i == 0 || !isWordByte(s[i-1])) {
		rest := strings.ToLower(s[i:min(len(s), i+8)])
		if strings.HasPrefix(rest, "https://") || strings.HasPrefix(rest, "http://") {
			end := strings.IndexAny(s[i:], " \t\n")
			if end < 0 {
				end = len(s) - i
			}
			if strings.Contains(s[i:i+end], "`") { // could open a code block: guarded instead
				return 0
			}
			return end
		}
	}
	return 0
}

func isWordByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

// urlEscaper keeps a URL from ending the <url|label> sequence it sits in
// (or from holding a code fence).
var urlEscaper = strings.NewReplacer("&", "&amp;", "<", "%3C", ">", "%3E", "|", "%7C", " ", "%20", "`", "%60")

// link returns a Slack link to rawURL labelled with label (escaped), or just
// the escaped label when rawURL is not an absolute http(s) URL or holds an
// invisible or reordering character: a corpus cannot smuggle a control
// sequence in through a URL, nor make a link show other than where it goes.
func link(rawURL, label string) string {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || strings.ContainsFunc(strings.TrimSpace(rawURL), hidden) {
		return escape(label)
	}
	if label == "" {
		label = u.String()
	}
	return "<" + urlEscaper.Replace(u.String()) + "|" + escape(label) + ">"
}

// hidden reports whether r is invisible or changes how text around it
// shows: a control or format (zero-width, bidirectional) character.
func hidden(r rune) bool {
	return unicode.IsControl(r) || unicode.Is(unicode.Cf, r)
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
