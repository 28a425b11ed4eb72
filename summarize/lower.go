package summarize

import (
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// lowerSameWidth returns strings.ToLower(s) and whether lowering kept the
// width of every rune, so that for any span [i, j) of s on rune
// boundaries strings.ToLower(s[i:j]) == low[i:j]. When same is false
// (invalid UTF-8, or a rune such as 'İ' whose lower case is shorter or
// longer) low is s and the caller must lower each piece itself. At most
// one allocation per call, instead of one per capitalised word.
func lowerSameWidth(s string) (low string, same bool) {
	i := 0
	for i < len(s) {
		if c := s[i]; c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			break
		}
		i++
	}
	if i == len(s) {
		return s, true // already lower case, and ASCII
	}
	buf := make([]byte, len(s))
	copy(buf, s[:i])
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[i] = c
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			return s, false // strings.ToLower widens an invalid byte to U+FFFD
		}
		if l := unicode.ToLower(r); l != r {
			if utf8.RuneLen(l) != n {
				return s, false
			}
			utf8.EncodeRune(buf[i:], l)
		} else {
			copy(buf[i:], s[i:i+n])
		}
		i += n
	}
	return unsafe.String(unsafe.SliceData(buf), len(buf)), true // buf is never written again
}

// foldASCII writes the lower case of w into buf and returns it, when w is
// ASCII and fits; ok is false otherwise. The result aliases buf: compare
// it, do not keep it.
func foldASCII(w string, buf []byte) (low []byte, ok bool) {
	if len(w) > len(buf) {
		return nil, false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return nil, false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return buf[:len(w)], true
}

// isDayName reports whether w (any case) names a day of the week.
func isDayName(w string) bool {
	var buf [9]byte
	low, ok := foldASCII(w, buf[:])
	if !ok {
		if isASCII(w) {
			return false // longer than any day name
		}
		l := strings.ToLower(w) // 'İ' lowers to 'i'
		return isASCII(l) && isDayName(l)
	}
	switch string(low) { // compared only: no allocation
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday":
		return true
	}
	return false
}

// isMonthName reports whether w (any case) names a month in full.
func isMonthName(w string) bool {
	var buf [9]byte
	low, ok := foldASCII(w, buf[:])
	if !ok {
		if isASCII(w) {
			return false // longer than any month name
		}
		l := strings.ToLower(w)
		return isASCII(l) && isMonthName(l)
	}
	switch string(low) {
	case "january", "february", "march", "april", "may", "june", "july", "august",
		"september", "october", "november", "december":
		return true
	}
	return false
}

// isASCII reports whether s is all ASCII.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
