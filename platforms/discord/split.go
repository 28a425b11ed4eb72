package discord

import (
	"strings"
	"unicode/utf8"
)

// Discord's limits, in characters. Discord counts characters; we count
// UTF-16 code units (units), which is never fewer, so text measured here
// always fits whichever way the server counts.
const (
	maxContent      = 2000 // a message's content
	maxTitle        = 256  // an embed's title
	maxDescription  = 4096 // an embed's description
	maxFieldName    = 256
	maxFieldValue   = 1024
	maxFields       = 25   // fields in one embed
	maxFooter       = 2048 // an embed footer's text
	maxEmbedsTotal  = 6000 // characters across all the embeds of one message
	maxEmbedsPerMsg = 10
)

// units returns the length of s as Discord's limits count it, in UTF-16
// code units: 1 for most characters, 2 for those outside the BMP (emoji).
func units(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// split cuts s into pieces of at most limit units, at the last paragraph
// break that fits, else the last line break, else the last space, and only
// inside a word longer than limit, never inside a character nor right after
// a backslash (which would orphan a markdown escape). White space at the
// cuts is dropped; nothing else is. An empty s gives no pieces.
//
// A cut makes a new line start, so a piece after the first that starts
// with a quote, heading or subtext marker (">", "#", "-#": escaped text
// has them unescaped only mid-line) gets a backslash, room for which is
// kept: a cut never turns text into a quote or a heading.
func split(s string, limit int) []string {
	limit = max(limit, 3)
	var out []string
	s = strings.TrimSpace(s)
	room := limit // the first piece needs no guard
	for units(s) > room {
		cut := cutAt(s, room)
		if piece := strings.TrimSpace(s[:cut]); piece != "" {
			out = append(out, guardStart(piece, len(out) > 0))
		}
		s = strings.TrimSpace(s[cut:])
		room = limit - 1
	}
	if s != "" {
		out = append(out, guardStart(s, len(out) > 0))
	}
	return out
}

// guardStart backslash-escapes a line-start marker opening piece, when
// the piece is not the first (see split).
func guardStart(piece string, after bool) string {
	if after && (piece[0] == '>' || piece[0] == '#' || strings.HasPrefix(piece, "-#")) {
		return `\` + piece
	}
	return piece
}

// cutAt returns the byte offset to cut s at so s[:cut] fits in limit units.
// s is longer than limit units.
func cutAt(s string, limit int) int {
	end, n := 0, 0 // end: the byte offset just past the last character that fits
	for end < len(s) {
		r, size := utf8.DecodeRuneInString(s[end:])
		w := 1
		if r >= 0x10000 {
			w = 2
		}
		if n+w > limit {
			break
		}
		n += w
		end += size
	}
	// A separator just past the limit still allows a cut there.
	_, next := utf8.DecodeRuneInString(s[end:])
	head := s[:end+next]
	for _, sep := range []string{"\n\n", "\n", " "} {
		if i := strings.LastIndex(head, sep); i > 0 {
			return i
		}
	}
	cut := end
	if trailing := len(s[:cut]) - len(strings.TrimRight(s[:cut], `\`)); trailing%2 == 1 && cut > trailing {
		cut-- // keep an escaping backslash with the character it escapes
	}
	if cut == 0 { // a single character wider than the limit: take it anyway
		_, w := utf8.DecodeRuneInString(s)
		cut = w
	}
	return cut
}
