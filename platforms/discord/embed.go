package discord

import (
	"fmt"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/bot"
)

// partKind says where in an embed a part goes.
type partKind int

const (
	partTitle partKind = iota
	partDescription
	partField
	partFooter
)

// part is one piece of an embed, already escaped and within its own limit.
type part struct {
	kind        partKind
	name, value string // name: a field's name; value: the text
}

func (p part) size() int { return units(p.name) + units(p.value) }

// parts lays a reply out as embed parts, in reading order: the title, the
// description pieces, the fields of each section, and the footer (the
// numbered sources and Reply.Footer). What does not fit the footer becomes
// fields, so nothing is dropped.
func parts(r bot.Reply) []part {
	var ps []part
	text := Escape(r.Text)
	if r.Title != "" {
		titles := split(Escape(r.Title), maxTitle)
		ps = append(ps, part{kind: partTitle, value: titles[0]})
		if len(titles) > 1 { // the rest of a very long title opens the description
			text = strings.TrimSpace(strings.Join(titles[1:], " ") + "\n\n" + text)
		}
	}
	for _, d := range split(text, maxDescription) {
		ps = append(ps, part{kind: partDescription, value: d})
	}
	for _, s := range r.Sections {
		ps = append(ps, fields(Escape(s.Heading), itemLines(r, s))...)
	}
	var sources []string
	for i, src := range r.Sources {
		sources = append(sources, EscapePlain(fmt.Sprintf("[%d] %s", i+1, cite(src, true))))
	}
	footer := strings.Join(sources, "\n")
	if r.Footer != "" {
		footer = strings.TrimSpace(footer + "\n\n" + EscapePlain(r.Footer))
	}
	if units(footer) > maxFooter {
		lines := make([]string, len(sources))
		for i, src := range r.Sources {
			lines[i] = Escape(fmt.Sprintf("[%d] ", i+1)+cite(src, false)) + citeURL(src)
		}
		ps = append(ps, fields("Sources", lines)...)
		footer = EscapePlain(r.Footer)
		if units(footer) > maxFooter {
			ps = append(ps, fields("", []string{Escape(r.Footer)})...)
			footer = ""
		}
	}
	if footer != "" {
		ps = append(ps, part{kind: partFooter, value: footer})
	}
	return ps
}

// fields packs lines under a heading into embed fields of at most 1,024
// characters, cutting a longer line. The first field carries the heading;
// the others (and all, when there is no heading) a zero-width space, as
// Discord requires a name. A heading over 256 characters opens the first
// value instead.
func fields(heading string, lines []string) []part {
	name := heading
	if units(heading) > maxFieldName {
		lines = append([]string{heading}, lines...)
		name = ""
	}
	var chunks []string
	cur := ""
	for _, line := range lines {
		for _, piece := range split(line, maxFieldValue) {
			switch {
			case cur == "":
				cur = piece
			case units(cur)+1+units(piece) <= maxFieldValue:
				cur += "\n" + piece
			default:
				chunks = append(chunks, cur)
				cur = piece
			}
		}
	}
	if cur != "" {
		chunks = append(chunks, cur)
	}
	out := make([]part, 0, len(chunks))
	for i, c := range chunks {
		n := zwsp
		if i == 0 && name != "" {
			n = name
		}
		out = append(out, part{kind: partField, name: n, value: c})
	}
	return out
}

// pack fills embeds with parts in order and embeds into messages, within
// every per-embed and per-message limit. Each part fits an empty embed, so
// a new embed (or message) always takes the part that did not fit.
func pack(ps []part) []Message {
	var (
		msgs  []Message
		cur   *discordgo.MessageEmbed
		total int // characters across the current message's embeds
	)
	newEmbed := func(size int) {
		if len(msgs) == 0 || len(msgs[len(msgs)-1].Embeds) == maxEmbedsPerMsg || total+size > maxEmbedsTotal {
			msgs = append(msgs, Message{})
			total = 0
		}
		cur = &discordgo.MessageEmbed{Color: embedColor}
		m := &msgs[len(msgs)-1]
		m.Embeds = append(m.Embeds, cur)
	}
	for _, p := range ps {
		size := p.size()
		full := cur == nil || total+size > maxEmbedsTotal
		switch p.kind {
		case partTitle:
			full = true
		case partDescription:
			full = full || cur.Description != "" || len(cur.Fields) > 0 || cur.Footer != nil
		case partField:
			full = full || len(cur.Fields) == maxFields || cur.Footer != nil
		case partFooter:
			full = full || cur.Footer != nil
		}
		if full {
			if p.kind == partFooter {
				size++ // it stands alone, with a zero-width description
			}
			newEmbed(size)
		}
		total += size
		switch p.kind {
		case partTitle:
			cur.Title = p.value
		case partDescription:
			cur.Description = p.value
		case partField:
			cur.Fields = append(cur.Fields, &discordgo.MessageEmbedField{Name: p.name, Value: p.value})
		case partFooter:
			cur.Footer = &discordgo.MessageEmbedFooter{Text: p.value}
			if cur.Title == "" && cur.Description == "" && len(cur.Fields) == 0 {
				cur.Description = zwsp // an embed of a footer alone may be refused
			}
		}
	}
	return msgs
}
