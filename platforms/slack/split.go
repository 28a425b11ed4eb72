package slack

import (
	"fmt"
	"strings"
	"unicode/utf8"

	slackapi "github.com/slack-go/slack"

	"github.com/briefbot/briefbot/bot"
)

// Slack's limits for one message. They are counted here in bytes, which are
// never fewer than Slack's characters, so a message within them is within
// Slack's.
const (
	maxTextObject   = 3000   // a section's or a context element's text
	maxHeader       = 150    // a header block's plain_text
	maxBlocks       = 50     // blocks in a message
	maxMessageText  = 12_000 // all block texts of a message: Slack refuses some above ~13k (bolt-js#2509)
	maxContextItems = 10     // elements in a context block
	partSuffixRoom  = len(" (99/99)")
)

// unit is one block of a reply's body with the text length it adds to a
// message.
type unit struct {
	block slackapi.Block
	size  int
}

// splitEscaped cuts raw text at paragraph, line, then word boundaries (see
// bot.SplitText) into escaped pieces of at most limit bytes each. Escaping
// can grow a piece fivefold ("&" is "&amp;"); such a piece is cut again,
// smaller, so an entity is never cut in two. limit must be at least 20.
func splitEscaped(raw string, limit int) []string {
	return splitEscapedAt(raw, limit, limit)
}

func splitEscapedAt(raw string, cut, limit int) []string {
	var out []string
	for _, p := range bot.SplitText(raw, cut) {
		e := escape(p)
		if len(e) <= limit {
			out = append(out, e)
			continue
		}
		out = append(out, splitEscapedAt(p, max(utf8.UTFMax, len(p)*limit/len(e)), limit)...)
	}
	return out
}

// packLines joins escaped lines into texts of at most maxTextObject bytes
// each, one line a row; a longer line must already be cut.
func packLines(lines []string) []string {
	var out []string
	var b strings.Builder
	for _, l := range lines {
		if b.Len() > 0 && b.Len()+1+len(l) > maxTextObject {
			out = append(out, b.String())
			b.Reset()
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(l)
	}
	if b.Len() > 0 {
		out = append(out, b.String())
	}
	return out
}

// pack distributes body units over as few messages as Slack's limits allow,
// in order, each message starting with the title (numbered "(i/n)" when
// there are several). A message never holds more than maxBlocks blocks or
// maxMessageText bytes of text.
func pack(title string, body []unit) []message {
	var parts [][]unit
	var cur []unit
	size := 0
	reserve := min(len(escape(title)), maxHeader) + partSuffixRoom // the heading of every part
	for _, u := range body {
		if len(cur) > 0 && (len(cur)+2 > maxBlocks || reserve+size+u.size > maxMessageText) {
			parts, cur, size = append(parts, cur), nil, 0
		}
		cur = append(cur, u)
		size += u.size
	}
	if len(cur) > 0 || len(parts) == 0 {
		parts = append(parts, cur)
	}
	out := make([]message, len(parts))
	for i, p := range parts {
		suffix := ""
		if len(parts) > 1 {
			suffix = fmt.Sprintf(" (%d/%d)", i+1, len(parts))
		}
		var blocks []slackapi.Block
		fallback := ""
		switch {
		case title != "":
			h := header(title, suffix)
			blocks = append(blocks, h)
			fallback = h.Text.Text
		case suffix != "":
			blocks = append(blocks, contextBlock([]string{strings.TrimSpace(suffix)}))
		}
		for _, u := range p {
			blocks = append(blocks, u.block)
		}
		if fallback == "" {
			fallback = firstText(p) + suffix
		}
		out[i] = message{Text: fallback, Blocks: blocks}
	}
	return out
}

// header is a header block for title and its part suffix, within the
// header's 150 characters; a longer title is cut at a word with "…" (the
// full title is then the body's first block, see titleUnits).
func header(title, suffix string) *slackapi.HeaderBlock {
	t := escape(title)
	if len(t)+len(suffix) > maxHeader {
		t = splitEscaped(title, maxHeader-len(suffix)-len("…"))[0] + "…"
	}
	return slackapi.NewHeaderBlock(slackapi.NewTextBlockObject(slackapi.PlainTextType, t+suffix, true, false))
}

// titleFits reports whether title fits a header with a part suffix.
func titleFits(title string) bool { return len(escape(title))+partSuffixRoom <= maxHeader }

// firstText is the first text of a part's blocks, for the fallback of a
// reply without a title.
func firstText(p []unit) string {
	for _, u := range p {
		switch b := u.block.(type) {
		case *slackapi.SectionBlock:
			return b.Text.Text
		case *slackapi.ContextBlock:
			if len(b.ContextElements.Elements) > 0 {
				if t, ok := b.ContextElements.Elements[0].(*slackapi.TextBlockObject); ok {
					return t.Text
				}
			}
		}
	}
	return "briefbot"
}
