package summarize

import (
	"unicode"
	"unicode/utf8"
)

// quoting returns the share of the letters of s inside quotation marks
// (straight or curly double ones, and curly single ones opening at a word
// start) and whether s is part of a longer quotation: a mark left unclosed,
// or one closing what s did not open.
func quoting(s string) (share float64, part bool) {
	double, single, unopened := 0, 0, false
	inside, total := 0, 0
	prev := ' '
	for i := 0; i < len(s); {
		// A run of ASCII without '"', the bulk of a sentence: only its
		// letters and digits count, told by table without branching.
		if c := s[i]; c < utf8.RuneSelf && c != '"' {
			j, n := i, 0
			for j < len(s) && s[j] < utf8.RuneSelf && s[j] != '"' {
				n += int(asciiAlnum[s[j]])
				j++
			}
			total += n
			if double > 0 || single > 0 {
				inside += n
			}
			prev, i = rune(s[j-1]), j
			continue
		}
		// Runes as []rune(s) gives them: an invalid byte is a RuneError.
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case r < utf8.RuneSelf: // of ASCII only '"', letters and digits count
			switch {
			case r == '"' && double > 0:
				double--
			case r == '"':
				double++
			case asciiClass[byte(r)]&cAlnum != 0:
				total++
				if double > 0 || single > 0 {
					inside++
				}
			}
		case r == '”' && double > 0:
			double--
		case r == '“':
			double++
		case r == '”':
			unopened = true
		case r == '‘' && !unicode.IsLetter(prev):
			single++
		case r == '’' && single > 0 && !unicode.IsLetter(runeAt(s, i+size)):
			single--
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			total++
			if double > 0 || single > 0 {
				inside++
			}
		}
		i += size
		prev = r
	}
	part = double > 0 || single > 0 || unopened
	if total == 0 {
		return 0, part
	}
	return float64(inside) / float64(total), part
}

// runeAt returns the rune at byte i of s, or a space past its end.
func runeAt(s string, i int) rune {
	if i >= len(s) {
		return ' '
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r
}
