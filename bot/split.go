package bot

import (
	"strings"
	"unicode/utf8"
)

// SplitText cuts s into pieces of at most limit bytes each, for platforms that
// cap a message or a block. It cuts at the last paragraph break ("\n\n")
// that fits, else the last line break, else the last space, and only when a
// single word is longer than limit, inside it (never inside a UTF-8
// character). Joined with the separators it cut at, the pieces give s back
// up to the white space at the cuts. An empty s gives no pieces; a limit
// under 4 (the longest UTF-8 character) is treated as 4.
func SplitText(s string, limit int) []string {
	limit = max(limit, utf8.UTFMax)
	var out []string
	s = strings.TrimSpace(s)
	for len(s) > limit {
		cut := cutAt(s, limit)
		piece := strings.TrimSpace(s[:cut])
		if piece != "" {
			out = append(out, piece)
		}
		s = strings.TrimSpace(s[cut:])
	}
	if s != "" {
		out = append(out, s)
	}
	return out
}

// cutAt returns where to cut s so s[:cut] fits in limit bytes, preferring a
// paragraph break, then a line break, then a space.
func cutAt(s string, limit int) int {
	head := s[:limit+1] // a separator just past the limit still allows a cut there
	for _, sep := range []string{"\n\n", "\n", " "} {
		if i := strings.LastIndex(head, sep); i > 0 {
			return i
		}
	}
	cut := limit
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	if cut == 0 { // invalid UTF-8: no character starts in reach
		cut = limit
	}
	return cut
}
