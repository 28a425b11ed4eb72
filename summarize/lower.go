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
	buf, same := appendLower(make([]byte, 0, len(s)), s, i)
	if !same {
		return s, false
	}
	return unsafe.String(unsafe.SliceData(buf), len(buf)), true // buf is never written again
}

// lowSent is one sentence in lower case as lowerSameWidth returns it.
type lowSent struct {
	s    string
	same bool
}

// lowerSentences lowers every sentence once (lowerSameWidth), for the
// tokenizers of the people, time and summary rules to share, in one
// allocation for the article.
func lowerSentences(sents []Sentence) []lowSent {
	out, _ := lowerSentencesIn(sents, nil)
	return out
}

// lowerSentencesIn is lowerSentences writing into arena's array when it
// has room for every sentence (an empty slice; nil to allocate one), and
// returning the array used, which the result's strings are made of: the
// caller may reuse it only once it no longer uses them.
func lowerSentencesIn(sents []Sentence, arena []byte) ([]lowSent, []byte) {
	return lowerSentencesInto(sents, arena, nil)
}

// lowerSentencesInto is lowerSentencesIn with the result written into
// out's array when it has room (nil to allocate one).
func lowerSentencesInto(sents []Sentence, arena []byte, out []lowSent) ([]lowSent, []byte) {
	size := 0
	for _, s := range sents {
		size += len(s.Text)
	}
	if cap(arena) < size {
		arena = make([]byte, 0, size)
	}
	arena = arena[:0]
	out = sized(out, len(sents))
	for k, sent := range sents {
		s := sent.Text
		i := 0
		for i < len(s) && s[i] < utf8.RuneSelf && (s[i] < 'A' || s[i] > 'Z') {
			i++
		}
		if i == len(s) {
			out[k] = lowSent{s, true} // already lower case, and ASCII
			continue
		}
		start := len(arena)
		buf, same := appendLower(arena, s, i)
		if !same {
			arena = arena[:start] // not referenced: written over by the next sentence
			out[k] = lowSent{s, false}
			continue
		}
		arena = buf
		// The arena holds every sentence: it never grows, and bytes once
		// lowered are never written again.
		out[k] = lowSent{unsafe.String(&arena[start], len(s)), true}
	}
	return out, arena
}

// lowerOf returns the lower case of sentence i as lowerSameWidth would:
// from lows when given (lowerSentences), else computed.
func lowerOf(lows []lowSent, i int, s string) (string, bool) {
	if lows != nil {
		return lows[i].s, lows[i].same
	}
	return lowerSameWidth(s)
}

// appendLower appends the lower case of s to buf, s[:i] being known to be
// lower-case ASCII, and reports whether lowering kept the width of every
// rune (see lowerSameWidth); when it did not, what it appended is partial.
func appendLower(buf []byte, s string, i int) ([]byte, bool) {
	buf = append(buf, s[:i]...)
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			// A run of ASCII but capitals is appended at once.
			j := i
			for j < len(s) && s[j] < utf8.RuneSelf && asciiClass[s[j]]&cUpper == 0 {
				j++
			}
			if j > i {
				buf = append(buf, s[i:j]...)
				i = j
				continue
			}
			buf = append(buf, c+('a'-'A')) // a capital
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			return buf, false // strings.ToLower widens an invalid byte to U+FFFD
		}
		if l := unicode.ToLower(r); l != r {
			if utf8.RuneLen(l) != n {
				return buf, false
			}
			buf = utf8.AppendRune(buf, l)
		} else {
			buf = append(buf, s[i:i+n]...)
		}
		i += n
	}
	return buf, true
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

// lowerInto returns strings.ToLower(s), lowered into buf when s is ASCII
// and fits, else allocated. The result may alias buf: compare it, do not
// keep it.
func lowerInto(s string, buf []byte) string {
	low, ok := foldASCII(s, buf)
	if !ok || len(low) == 0 {
		return strings.ToLower(s)
	}
	return unsafe.String(&low[0], len(low))
}

// hasLastWord reports whether s ends in a space and then w:
// strings.HasSuffix(s, " "+w) without building " "+w.
func hasLastWord(s, w string) bool {
	return len(s) > len(w) && s[len(s)-len(w)-1] == ' ' && s[len(s)-len(w):] == w
}
