package bot

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// wordScanner yields the words of a text one at a time, lowercased, without
// allocating: the words are exactly those of words(text) (lowercase runs of
// letters and digits), each written into a buffer the caller passes and
// passes again, so that a buffer on the caller's stack serves every word
// that fits it:
//
//	var buf [64]byte
//	sc := wordScanner{s: text}
//	for w, ok := sc.next(buf[:0]); ok; w, ok = sc.next(w) { … }
//
// (A scanner never keeps the buffer: one that did would move itself and
// the buffer to the heap.) ASCII bytes take a fast path; other runes are
// lowercased and classified one by one, as strings.ToLower and
// strings.FieldsFunc would.
type wordScanner struct {
	s string
	i int
}

// reset starts scanning s.
func (sc *wordScanner) reset(s string) { sc.s, sc.i = s, 0 }

// next writes the next word over w (from w[:0], growing it if need be)
// and returns it, or false at the end of the text.
func (sc *wordScanner) next(w []byte) ([]byte, bool) {
	w = w[:0]
	s := sc.s
	for i := sc.i; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			if l := asciiLower[c]; l != 0 {
				w = append(w, l)
				continue
			}
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			i += size
			// strings.ToLower maps every rune (an invalid byte becomes
			// U+FFFD, no letter) before FieldsFunc classifies it.
			if lr := unicode.ToLower(r); unicode.IsLetter(lr) || unicode.IsDigit(lr) {
				w = utf8.AppendRune(w, lr)
				continue
			}
		}
		if len(w) > 0 {
			sc.i = i
			return w, true
		}
	}
	sc.i = len(s)
	return w, len(w) > 0
}

// asciiLower maps an ASCII letter or digit to its lowercase, any other
// ASCII byte to 0.
var asciiLower = func() (t [utf8.RuneSelf]byte) {
	for c := range byte(utf8.RuneSelf) {
		switch {
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			t[c] = c
		case 'A' <= c && c <= 'Z':
			t[c] = c + 'a' - 'A'
		}
	}
	return t
}()

// words splits s into lowercase runs of letters and digits. An apostrophe
// ends a word, so "Russia's" gives "russia" and "s".
func words(s string) []string {
	if !isASCII(s) {
		return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r)
		})
	}
	// One lowercase copy (none when s has no capitals), cut into words.
	s = strings.ToLower(s)
	var out []string
	start := -1
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'a' <= c && c <= 'z' || '0' <= c && c <= '9' {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			out = append(out, s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
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

// terms returns the index terms of s in order: its words without English
// stopwords, stemmed with the Snowball English stemmer.
func terms(s string) []string {
	return appendTerms(nil, s)
}

// appendTerms appends the terms of s to dst, as terms returns them.
func appendTerms(dst []string, s string) []string {
	var sc wordScanner
	var buf [64]byte
	sc.reset(s)
	for w, ok := sc.next(buf[:0]); ok; w, ok = sc.next(w) {
		if e := lookupWord(w); !e.stop {
			dst = append(dst, e.stem)
		}
	}
	return dst
}

// stem returns the Snowball English stem of a lowercase word.
func stem(w string) string {
	return lookupWord([]byte(w)).stem
}

// queryTerms returns the distinct terms of a query; with question set it
// also drops question filler.
func queryTerms(s string, question bool) []string {
	var out []string
	var sc wordScanner
	var buf [64]byte
	sc.reset(s)
	for w, ok := sc.next(buf[:0]); ok; w, ok = sc.next(w) {
		e := lookupWord(w)
		if e.stop || question && questionFiller[string(w)] {
			continue
		}
		if !containsString(out, e.stem) {
			out = append(out, e.stem)
		}
	}
	return out
}

// containsString is slices.Contains for the few terms of a query.
func containsString(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// appendNorm appends normName(s) to dst: the words of s (as words gives
// them) one space apart.
func appendNorm(dst []byte, s string) []byte {
	start := len(dst)
	var sc wordScanner
	var buf [64]byte
	sc.reset(s)
	for w, ok := sc.next(buf[:0]); ok; w, ok = sc.next(w) {
		if len(dst) > start {
			dst = append(dst, ' ')
		}
		dst = append(dst, w...)
	}
	return dst
}

// normIs reports whether normName(s) == norm without building it: the
// words of s, in order, are those of norm, one space apart.
func normIs(s, norm string) bool {
	var sc wordScanner
	var buf [64]byte
	sc.reset(s)
	at := 0
	for w, ok := sc.next(buf[:0]); ok; w, ok = sc.next(w) {
		if at > 0 {
			if at >= len(norm) || norm[at] != ' ' {
				return false
			}
			at++
		}
		if len(norm)-at < len(w) || norm[at:at+len(w)] != string(w) {
			return false
		}
		at += len(w)
	}
	return at == len(norm)
}
