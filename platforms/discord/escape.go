package discord

import (
	"strings"
	"unicode"

	"github.com/briefbot/briefbot/platforms/internal/textsafe"
)

// zwsp (zero-width space) is put inside a mention's syntax so Discord shows
// the text but can never parse a mention from it.
const zwsp = "\u200b"

// mentionBreaker makes every mention syntax inert: @everyone, @here, users
// <@…>/<@!…>, roles <@&…> and channels <#…>.
var mentionBreaker = strings.NewReplacer(
	"<@", "<"+zwsp+"@",
	"<#", "<"+zwsp+"#",
)

// Escape returns text from articles or users made safe to show in Discord
// markdown (message content, embed titles, descriptions and fields): no
// mention can form (@everyone, @here, <@user>, <@&role>, <#channel> get a
// zero-width space), markdown characters are backslash-escaped so the text
// cannot open bold, italics, strikethrough, spoilers, links, headings or
// quotes that spill over the rest of the message, and control characters
// other than newline and tab are dropped. Inline code spans (`like this`,
// on one line) and URLs are kept as they are, bar the mention guard: the
// bot's own replies use code spans, and an escaped URL would break the link.
func Escape(s string) string {
	return escapeMentions(escapeMarkdown(textsafe.Clean(s)))
}

// EscapePlain returns text for places Discord shows without markdown (an
// embed's footer): only mentions are made inert and control characters
// dropped.
func EscapePlain(s string) string {
	return escapeMentions(textsafe.Clean(s))
}

// escapeMentions puts a zero-width space into each mention's syntax.
func escapeMentions(s string) string {
	s = mentionBreaker.Replace(s)
	lower := strings.ToLower(s)
	if !strings.Contains(lower, "@everyone") && !strings.Contains(lower, "@here") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		b.WriteByte(s[i])
		if s[i] == '@' && (strings.HasPrefix(lower[i+1:], "everyone") || strings.HasPrefix(lower[i+1:], "here")) {
			b.WriteString(zwsp)
		}
	}
	return b.String()
}

// markdownChars are escaped wherever they appear outside code and URLs.
const markdownChars = "\\*_~`|[]"

// escapeMarkdown backslash-escapes markdown outside code spans and URLs,
// and the line-start syntax of quotes (>), headings (#) and subtext (-#).
func escapeMarkdown(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	lineStart := true
	for i := 0; i < len(s); {
		if n := verbatimLen(s, i); n > 0 {
			b.WriteString(s[i : i+n])
			i += n
			lineStart = false
			continue
		}
		c := s[i]
		switch {
		case strings.IndexByte(markdownChars, c) >= 0:
			b.WriteByte('\\')
		case lineStart && (c == '>' || c == '#' || (c == '-' && strings.HasPrefix(s[i+1:], "#"))):
			b.WriteByte('\\')
		}
		b.WriteByte(c)
		switch {
		case c == '\n':
			lineStart = true
		case c != ' ' && c != '\t':
			lineStart = false
		}
		i++
	}
	return b.String()
}

// verbatimLen returns the length of the code span or URL starting at s[i],
// or 0 when none starts there.
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
			end := strings.IndexFunc(s[i:], unicode.IsSpace)
			if end < 0 {
				end = len(s) - i
			}
			return end
		}
	}
	return 0
}

func isWordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}
