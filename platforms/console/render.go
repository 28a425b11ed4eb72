package console

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/briefbot/briefbot/bot"
)

// Render formats a reply as plain text for a terminal: the title, the lead
// text, each section's items with their citation number, the numbered
// sources, then the footer. Text from articles and users is sanitised:
// control characters (terminal escape sequences among them) never reach the
// terminal.
func Render(r bot.Reply) string {
	var b strings.Builder
	if r.Title != "" {
		fmt.Fprintf(&b, "%s\n", Sanitize(r.Title))
		b.WriteString(strings.Repeat("=", min(len([]rune(r.Title)), 72)) + "\n")
	}
	if r.Text != "" {
		b.WriteString(Sanitize(r.Text) + "\n")
	}
	for _, s := range r.Sections {
		b.WriteString("\n")
		if s.Heading != "" {
			b.WriteString(Sanitize(s.Heading) + "\n")
		}
		for _, it := range s.Items {
			line := "  - " + indent(Sanitize(it.Text), "    ")
			if it.Source >= 0 && it.Source < len(r.Sources) {
				line += fmt.Sprintf(" [%d]", it.Source+1)
			}
			b.WriteString(line + "\n")
		}
	}
	if len(r.Sources) > 0 {
		b.WriteString("\nSources\n")
		for i, s := range r.Sources {
			fmt.Fprintf(&b, "  [%d] %s\n", i+1, Sanitize(cite(s)))
		}
	}
	if r.Footer != "" {
		b.WriteString("\n" + Sanitize(r.Footer) + "\n")
	}
	return b.String()
}

// cite formats a source as "Title — Outlet, 2006-01-02, URL", leaving out
// what is unknown.
func cite(s bot.Source) string {
	parts := []string{}
	if s.Outlet != "" {
		parts = append(parts, s.Outlet)
	}
	if !s.Published.IsZero() {
		parts = append(parts, s.Published.Format("2006-01-02"))
	} else {
		parts = append(parts, "undated")
	}
	if s.URL != "" {
		parts = append(parts, s.URL)
	}
	return s.Title + " — " + strings.Join(parts, ", ")
}

func indent(s, pad string) string {
	return strings.ReplaceAll(s, "\n", "\n"+pad)
}

// Sanitize makes text from articles or users safe to print on a terminal:
// escape sequences are removed whole (CSI "ESC [ … final", OSC, DCS and the
// other string sequences up to their terminator or the line's end, and
// two-character ones like "ESC c"; their 8-bit forms too), then every other
// control character but newline and tab, the line and paragraph separators,
// and the bidirectional overrides and isolates that could make a line show
// other than it reads. So text cannot move the cursor, recolour, retitle or
// clear a terminal, nor leave stray "[31m" behind. Invalid UTF-8 becomes
// U+FFFD.
func Sanitize(s string) string {
	rs := []rune(strings.ToValidUTF8(s, "\uFFFD"))
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r == '\x1b' && i+1 < len(rs):
			i = skipEscape(rs, i+1, rs[i+1])
			continue
		case r == '\u009b' || r == '\u009d' || r == '\u0090' || r == '\u0098' || r == '\u009e' || r == '\u009f':
			i = skipEscape(rs, i, c1Introducer[r])
			continue
		case r == '\n' || r == '\t':
		case unicode.IsControl(r), r == '\u2028', r == '\u2029',
			r >= '\u202a' && r <= '\u202e', r >= '\u2066' && r <= '\u2069':
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// c1Introducer maps an 8-bit sequence introducer to the character that
// follows ESC in its 7-bit form.
var c1Introducer = map[rune]rune{'\u009b': '[', '\u009d': ']', '\u0090': 'P', '\u0098': 'X', '\u009e': '^', '\u009f': '_'}

// skipEscape returns the index of the last rune of the escape sequence
// whose introducer kind (the rune after ESC) is at rs[i].
func skipEscape(rs []rune, i int, kind rune) int {
	switch kind {
	case '[': // CSI: parameters and intermediates, then one final byte
		for j := i + 1; j < len(rs); j++ {
			if rs[j] >= 0x40 && rs[j] <= 0x7e {
				return j
			}
			if rs[j] < 0x20 || rs[j] > 0x3f && rs[j] < 0x40 || rs[j] > 0x7e {
				return j - 1 // malformed: drop what was read
			}
		}
		return len(rs) - 1
	case ']', 'P', 'X', '^', '_': // string sequences: to BEL, ST or the line's end
		for j := i + 1; j < len(rs); j++ {
			switch {
			case rs[j] == '\a' || rs[j] == '\u009c':
				return j
			case rs[j] == '\x1b' && j+1 < len(rs) && rs[j+1] == '\\':
				return j + 1
			case rs[j] == '\n':
				return j - 1
			}
		}
		return len(rs) - 1
	}
	// ESC, any intermediates (0x20–0x2F), one final character.
	j := i
	for j < len(rs) && rs[j] >= 0x20 && rs[j] <= 0x2f {
		j++
	}
	if j < len(rs) && rs[j] > 0x2f && rs[j] <= 0x7e {
		return j
	}
	return i - 1 // ESC before anything else: drop the ESC alone
}
