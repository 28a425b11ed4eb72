package discord

import (
	"fmt"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/bot"
)

// embedColor is the stripe colour of every embed, so the embeds of one
// answer read as one block.
const embedColor = 0x5865F2

// Message is one Discord message a reply renders to: plain Content, or up
// to 10 Embeds (and no content but a post's marker line, see Post).
type Message struct {
	Content string
	Embeds  []*discordgo.MessageEmbed
	nonce   string // sent with enforce_nonce when set
}

// Render turns a reply into the messages that carry it, in order. A reply
// with a title, sections or sources becomes embeds: the title, the lead
// text as the description, one field per section (more when a section is
// long), and a footer with the numbered sources and Reply.Footer. A reply
// that is only text becomes plain content (see RenderPlain). Nothing is cut:
// whatever exceeds one of Discord's limits (2,000 characters of content;
// per embed a 256-character title, a 4,096-character description, 25
// fields of 256 + 1,024 characters, a 2,048-character footer; 6,000
// characters across a message's embeds; 10 embeds a message) flows into
// the next embed or message. All text is escaped (see Escape).
func Render(r bot.Reply) []Message {
	if r.Title == "" && len(r.Sections) == 0 && len(r.Sources) == 0 {
		return RenderPlain(r)
	}
	return pack(parts(r))
}

// RenderPlain turns a reply into plain-content messages of markdown, each
// at most 2,000 characters, for text-only replies and as the fallback when
// Discord refuses an embed.
func RenderPlain(r bot.Reply) []Message {
	var paras []string
	if r.Title != "" {
		paras = append(paras, "**"+Escape(r.Title)+"**")
	}
	if r.Text != "" {
		paras = append(paras, Escape(r.Text))
	}
	for _, s := range r.Sections {
		lines := itemLines(r, s)
		if s.Heading != "" {
			lines = append([]string{"**" + Escape(s.Heading) + "**"}, lines...)
		}
		paras = append(paras, strings.Join(lines, "\n"))
	}
	if len(r.Sources) > 0 {
		lines := []string{"**Sources**"}
		for i, src := range r.Sources {
			lines = append(lines, Escape(fmt.Sprintf("[%d] ", i+1)+cite(src, false))+citeURL(src))
		}
		paras = append(paras, strings.Join(lines, "\n"))
	}
	if r.Footer != "" {
		paras = append(paras, Escape(r.Footer))
	}
	return contentMessages(strings.Join(paras, "\n\n"))
}

// contentMessages splits text into plain-content messages.
func contentMessages(text string) []Message {
	var out []Message
	for _, piece := range split(text, maxContent) {
		out = append(out, Message{Content: piece})
	}
	if len(out) == 0 {
		out = append(out, Message{Content: "(no answer)"})
	}
	return out
}

// itemLines formats a section's items as escaped bullet lines with their
// citation numbers.
func itemLines(r bot.Reply, s bot.Section) []string {
	lines := make([]string, 0, len(s.Items))
	for _, it := range s.Items {
		line := "• " + Escape(it.Text)
		if it.Source >= 0 && it.Source < len(r.Sources) {
			line += fmt.Sprintf(" [%d]", it.Source+1)
		}
		lines = append(lines, line)
	}
	return lines
}

// cite formats a source as "Title — Outlet, 2006-01-02[, URL]", leaving out
// what is unknown.
func cite(s bot.Source, withURL bool) string {
	parts := []string{}
	if s.Outlet != "" {
		parts = append(parts, s.Outlet)
	}
	if !s.Published.IsZero() {
		parts = append(parts, s.Published.Format("2006-01-02"))
	} else {
		parts = append(parts, "undated")
	}
	if withURL && s.URL != "" {
		parts = append(parts, s.URL)
	}
	return s.Title + " — " + strings.Join(parts, ", ")
}

// citeURL is a source's URL for markdown, in <> so Discord shows no
// preview for it, or "".
func citeURL(s bot.Source) string {
	if s.URL == "" || strings.ContainsAny(s.URL, " <>\n") {
		return ""
	}
	return ", <" + escapeMentions(s.URL) + ">"
}

// plainOf renders an embed message as plain-content messages, for when
// Discord refuses the embeds. Its content (a marker line) comes last and
// its nonce goes with the first message.
func plainOf(m Message) []Message {
	if len(m.Embeds) == 0 {
		return []Message{m}
	}
	var paras []string
	for _, e := range m.Embeds {
		if e.Title != "" {
			paras = append(paras, "**"+e.Title+"**")
		}
		if d := strings.Trim(e.Description, zwsp); d != "" {
			paras = append(paras, d)
		}
		for _, f := range e.Fields {
			if name := strings.Trim(f.Name, zwsp); name != "" {
				paras = append(paras, "**"+name+"**\n"+f.Value)
			} else {
				paras = append(paras, f.Value)
			}
		}
		if e.Footer != nil && e.Footer.Text != "" {
			paras = append(paras, escapeMarkdown(e.Footer.Text))
		}
	}
	if m.Content != "" {
		paras = append(paras, m.Content)
	}
	out := contentMessages(strings.Join(paras, "\n\n"))
	out[0].nonce = m.nonce
	return out
}
