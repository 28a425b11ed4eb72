// Package textsafe holds what every chat adapter does to text from articles
// and users before it renders it: drop what could hide or reorder what a
// line shows.
package textsafe

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Clean drops control characters other than newline and tab (a terminal
// escape sequence loses its ESC and shows as inert text) and the
// bidirectional overrides and isolates that could reorder what a line
// shows, and turns invalid UTF-8 into U+FFFD. Text that needs none of it
// (the common case) is returned as it is, without allocating.
func Clean(s string) string {
	if isClean(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			return r
		case unicode.IsControl(r), r >= '\u202a' && r <= '\u202e', r >= '\u2066' && r <= '\u2069':
			return -1
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
}

// isClean reports whether Clean would leave s as it is: valid UTF-8
// without C0 or C1 controls (but newline and tab) or bidirectional
// controls, checked a byte at a time.
func isClean(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20 && c != '\n' && c != '\t', c == 0x7f:
			return false
		case c == 0xc2 && i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] <= 0x9f: // U+0080–U+009F
			return false
		case c == 0xe2 && i+2 < len(s) && (s[i+1] == 0x80 && s[i+2] >= 0xaa && s[i+2] <= 0xae || s[i+1] == 0x81 && s[i+2] >= 0xa6 && s[i+2] <= 0xa9):
			return false // U+202A–U+202E, U+2066–U+2069
		}
	}
	return utf8.ValidString(s)
}
