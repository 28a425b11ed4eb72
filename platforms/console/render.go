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

// Sanitize removes control characters other than newline and tab, so text
// from articles or users cannot move the cursor, recolour or clear a
// terminal; invalid UTF-8 becomes U+FFFD.
func Sanitize(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' {
			return r
		}
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return -1
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
}
