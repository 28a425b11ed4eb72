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
func split(s string, limit int) []string {
	limit = max(limit, 2)
	var out []string
	s = strings.TrimSpace(s)
	for units(s) > limit {
		cut := cutAt(s, limit)
		if piece := strings.TrimSpace(s[:cut]); piece != "" {
			out = append(out, piece)
		}
		s = strings.TrimSpace(s[cut:])
	}
	if s != "" {
		out = append(out, s)
	}
	return out
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
