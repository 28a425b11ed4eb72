package corpus

import (
	"unicode"
	"unicode/utf8"
)

// collapsed reports whether collapseSpace(s) is s itself: s is ASCII with
// no white space but single spaces between words. It may report false
// for some collapsed strings (any non-ASCII one); then collapseSpace does
// the work.
func collapsed(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf, c == '\t', c == '\n', c == '\v', c == '\f', c == '\r':
			return false
		case c == ' ' && (i == 0 || i == len(s)-1 || s[i+1] == ' '):
			return false
		}
	}
	return true
}

// collapsesTo reports whether collapseSpace(s) == want, without building
// collapseSpace(s): it compares the fields of s (as strings.Fields splits
// them) with want, one space between each.
func collapsesTo(s, want string) bool {
	pos := 0 // in want
	for i := 0; ; {
		start := skipSpace(s, i)
		if start == len(s) {
			return pos == len(want)
		}
		end := fieldEnd(s, start)
		if pos > 0 {
			if pos >= len(want) || want[pos] != ' ' {
				return false
			}
			pos++
		}
		f := s[start:end]
		if len(want)-pos < len(f) || want[pos:pos+len(f)] != f {
			return false
		}
		pos += len(f)
		i = end
	}
}

// skipSpace returns the index of the first byte at or after i that does
// not start a white-space rune (unicode.IsSpace), or len(s).
func skipSpace(s string, i int) int {
	for i < len(s) {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if !unicode.IsSpace(r) {
			return i
		}
		i += size
	}
	return i
}

// fieldEnd returns the index of the first white-space rune at or after i,
// or len(s).
func fieldEnd(s string, i int) int {
	for i < len(s) {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if unicode.IsSpace(r) {
			return i
		}
		i += size
	}
	return i
}
