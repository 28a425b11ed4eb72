package summarize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// paragraphs returns the byte spans of the body's non-blank paragraphs.
func paragraphs(body string) [][2]int {
	out, _ := paragraphsIn(body, nil, nil)
	return out
}

// paraLine is one line of a body, by byte offsets; start == end marks a
// blank line.
type paraLine struct{ start, end int }

// paragraphsIn is paragraphs with the spans appended to out, and its
// working lines to lines (both empty, reused for their arrays). It also
// returns the lines array as grown, for the caller to reuse.
func paragraphsIn(body string, lines []paraLine, out [][2]int) ([][2]int, []paraLine) {
	blankBetween, seenText, pendingBlank := false, false, false
	for off := 0; off < len(body); {
		nl := strings.IndexByte(body[off:], '\n')
		end := len(body)
		if nl >= 0 {
			end = off + nl
		}
		if strings.TrimSpace(body[off:end]) == "" {
			pendingBlank = seenText
			lines = append(lines, paraLine{off, off}) // blank marker
		} else {
			if pendingBlank {
				blankBetween = true
			}
			seenText, pendingBlank = true, false
			lines = append(lines, paraLine{off, end})
		}
		off = end + 1
	}
	cur := [2]int{-1, -1}
	flush := func() {
		if cur[0] >= 0 {
			out = append(out, cur)
		}
		cur = [2]int{-1, -1}
	}
	for i, l := range lines {
		if l.start == l.end {
			flush()
			continue
		}
		if cur[0] >= 0 && (!blankBetween || lineStartsParagraph(body, lines[i-1].start, lines[i-1].end, l.start, l.end)) {
			flush()
		}
		if cur[0] < 0 {
			cur[0] = l.start
		}
		cur[1] = l.end
	}
	flush()
	return out, lines[:0]
}

// lineStartsParagraph reports whether the line [s,e) begins a new paragraph
// although no blank line precedes it: after a heading, at a list item, or
// after a short unpunctuated line when this one starts with a capital.
func lineStartsParagraph(body string, ps, pe, s, e int) bool {
	prev := strings.TrimSpace(body[ps:pe])
	cur := strings.TrimSpace(body[s:e])
	if strings.HasPrefix(prev, "#") || strings.HasPrefix(cur, "#") || isListItem(cur) {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(prev)
	first, _ := utf8.DecodeRuneInString(cur)
	return len(strings.Fields(prev)) <= 8 && !strings.ContainsRune(".?!:;,\"”’)…-", last) && unicode.IsUpper(first)
}

func isListItem(l string) bool {
	if strings.HasPrefix(l, "- ") || strings.HasPrefix(l, "* ") || strings.HasPrefix(l, "• ") {
		return true
	}
	i := 0
	for i < len(l) && l[i] >= '0' && l[i] <= '9' {
		i++
	}
	return i > 0 && i+1 < len(l) && (l[i] == '.' || l[i] == ')') && l[i+1] == ' '
}
