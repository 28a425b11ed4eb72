package summarize

import (
	"unicode"
	"unicode/utf8"
)

// The word scanners of sentenceTraits: strings.FieldsFunc and
// strings.Fields one word at a time, walking ASCII bytes without decoding
// them (summary_traits_equiv_test.go holds them to the strings functions).

// nextWord returns the first word of s[i:] as strings.FieldsFunc(s,
// notWordRune) splits it, and the offset after it; "" when there is none.
// It walks ASCII bytes without decoding them: it runs on every sentence.
func nextWord(s string, i int) (string, int) {
	// Two tight walks, over the separators and then over the word.
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if asciiClass[c]&cAlnum != 0 || c == '\'' {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !notWordRune(r) {
			break
		}
		i += n
	}
	start := i
	for i < len(s) {
		for i < len(s) && asciiWordByte[s[i]] {
			i++
		}
		if i == len(s) {
			break
		}
		if s[i] < utf8.RuneSelf {
			return s[start:i], i
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if notWordRune(r) {
			return s[start:i], i
		}
		i += n
	}
	return s[start:], i
}

// asciiWordByte marks the ASCII bytes of a word nextWord takes: letters,
// digits and the apostrophe.
var asciiWordByte = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = asciiClass[c]&cAlnum != 0 || c == '\''
	}
	return t
}()

// nextField returns the first field of s[i:] as strings.Fields splits it
// (runs of anything but Unicode white space), and the offset after it; ""
// when there is none.
func nextField(s string, i int) (string, int) {
	start := -1
	for i < len(s) {
		c, n := s[i], 1
		var sep bool
		if c < utf8.RuneSelf {
			sep = asciiClass[c]&cSpace != 0
		} else {
			var r rune
			r, n = utf8.DecodeRuneInString(s[i:])
			sep = unicode.IsSpace(r)
		}
		switch {
		case sep && start >= 0:
			return s[start:i], i
		case !sep && start < 0:
			start = i
		}
		i += n
	}
	if start < 0 {
		return "", i
	}
	return s[start:], i
}

// capitalFields counts the fields of s as strings.Fields splits it, and
// those after the first whose first rune past any opening marks (as
// strings.TrimLeft(w, "\"“‘'([") trims them) is upper case. One walk over
// s, without decoding ASCII: it runs on every sentence.
func capitalFields(s string) (fields, caps int) {
	inField, checked := false, false
	for i := 0; i < len(s); {
		if checked && inField {
			// The rest of a field already looked at, to a space or a
			// rune to decode.
			for i < len(s) && s[i] < utf8.RuneSelf && asciiClass[s[i]]&cSpace == 0 {
				i++
			}
			if i == len(s) {
				break
			}
		}
		c, n := s[i], 1
		r := rune(c)
		var sep bool
		if c < utf8.RuneSelf {
			sep = asciiClass[c]&cSpace != 0
		} else {
			r, n = utf8.DecodeRuneInString(s[i:])
			sep = unicode.IsSpace(r)
		}
		i += n
		switch {
		case sep:
			inField = false
			continue
		case !inField:
			inField, checked = true, false
			fields++
		}
		if checked {
			continue
		}
		switch r {
		case '"', '“', '‘', '\'', '(', '[': // trimmed before the test
		default:
			checked = true
			if fields > 1 && unicode.IsUpper(r) {
				caps++
			}
		}
	}
	return fields, caps
}

// edgeFields returns the number of fields of s as strings.Fields cuts it,
// its first, last but one and last field ("" where there is none), without
// building the slice.
func edgeFields(s string) (n int, first, prev, last string) {
	for i := 0; ; {
		w, next := nextField(s, i)
		if w == "" {
			return n, first, prev, last
		}
		i = next
		if n == 0 {
			first = w
		}
		n++
		prev, last = last, w
	}
}
