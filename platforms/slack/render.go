package slack

import (
	"fmt"
	"strings"

	slackapi "github.com/slack-go/slack"

	"github.com/briefbot/briefbot/bot"
)

// message is one Slack message: Block Kit blocks and the plain-text
// fallback Slack shows in notifications and to clients without blocks.
type message struct {
	Text   string           `json:"text"`
	Blocks []slackapi.Block `json:"blocks"`
}

// render turns a reply into the messages that carry it, in order, each
// within Slack's limits (see pack): a header with the title, the lead text
// and each section as section blocks (items as bullets citing their source
// "[n]"), the numbered sources as context blocks, and the footer as a
// context block. All text from the reply is escaped; the only links are
// those built from Source.URL. Nothing is cut: a long reply becomes several
// messages numbered "(1/3)".
func render(r bot.Reply) []message {
	var body []unit
	if !titleFits(r.Title) {
		body = append(body, sectionUnits(splitEscaped(r.Title, maxTextObject))...)
	}
	body = append(body, sectionUnits(splitEscaped(r.Text, maxTextObject))...)
	for _, s := range r.Sections {
		body = append(body, sectionUnits(packLines(sectionLines(s, len(r.Sources))))...)
	}
	body = append(body, sourceUnits(r.Sources)...)
	if f := splitEscaped(r.Footer, maxTextObject); len(f) > 0 {
		body = append(body, contextUnits(f)...)
	}
	if len(body) == 0 && r.Title == "" {
		return nil // nothing to say
	}
	return pack(r.Title, body)
}

// sectionLines renders a section as escaped lines: the heading in bold, then
// one bullet an item (cut when longer than a section allows).
func sectionLines(s bot.Section, sources int) []string {
	var lines []string
	if h := escape(strings.TrimSpace(s.Heading)); h != "" {
		if len(h)+2 <= maxTextObject {
			lines = append(lines, "*"+h+"*")
		} else {
			lines = append(lines, splitEscaped(s.Heading, maxTextObject)...)
		}
	}
	for _, it := range s.Items {
		text := "• " + strings.TrimSpace(it.Text)
		if it.Source >= 0 && it.Source < sources {
			text += fmt.Sprintf(" [%d]", it.Source+1)
		}
		lines = append(lines, splitEscaped(text, maxTextObject)...)
	}
	return lines
}

// sourceUnits renders the sources as numbered context elements, ten to a
// context block: "[1] <url|Title> — Outlet, 2025-08-06".
func sourceUnits(sources []bot.Source) []unit {
	var texts []string
	for i, s := range sources {
		title := strings.TrimSpace(s.Title)
		if title == "" {
			title = s.ArticleID
		}
		line := fmt.Sprintf("[%d] %s", i+1, link(s.URL, title))
		var meta []string
		if s.Outlet != "" {
			meta = append(meta, escape(s.Outlet))
		}
		if !s.Published.IsZero() {
			meta = append(meta, s.Published.Format("2006-01-02"))
		}
		if len(meta) > 0 {
			line += " — " + strings.Join(meta, ", ")
		}
		if len(line) > maxTextObject { // an absurd title: drop the link, cut the text
			texts = append(texts, splitEscaped(fmt.Sprintf("[%d] %s", i+1, title), maxTextObject)...)
			continue
		}
		texts = append(texts, line)
	}
	return contextUnits(texts)
}

// sectionUnits makes a mrkdwn section block of each escaped text.
func sectionUnits(texts []string) []unit {
	out := make([]unit, 0, len(texts))
	for _, t := range texts {
		out = append(out, unit{block: slackapi.NewSectionBlock(mrkdwn(t), nil, nil), size: len(t)})
	}
	return out
}

// contextUnits makes context blocks of escaped texts (each at most
// maxTextObject bytes): ten elements and maxTextObject bytes a block at most.
func contextUnits(texts []string) []unit {
	var out []unit
	for len(texts) > 0 {
		n, size := 0, 0
		for n < len(texts) && n < maxContextItems && (n == 0 || size+len(texts[n]) <= maxTextObject) {
			size += len(texts[n])
			n++
		}
		out = append(out, unit{block: contextBlock(texts[:n]), size: size})
		texts = texts[n:]
	}
	return out
}

func contextBlock(texts []string) *slackapi.ContextBlock {
	els := make([]slackapi.MixedElement, len(texts))
	for i, t := range texts {
		els[i] = mrkdwn(t)
	}
	return slackapi.NewContextBlock("", els...)
}

// mrkdwn is a verbatim mrkdwn text object: Slack formats it but neither
// links bare URLs and channel names nor parses bare mentions in it.
func mrkdwn(text string) *slackapi.TextBlockObject {
	return slackapi.NewTextBlockObject(slackapi.MarkdownType, text, false, true)
}
