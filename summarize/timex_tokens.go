package summarize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// timeToken is one word, number or punctuation mark of a sentence: its
// bytes are the sentence's [start, end) and its lower case the tagger's
// lowText[lo:hi]. It holds no pointers, so that an article's token array
// costs the garbage collector nothing to scan and a pooled one keeps no
// text alive without being cleared.
type timeToken struct {
	start, end int32 // byte offsets into the sentence
	lo, hi     int32 // byte offsets into the lowered text of the sentence
}

// capitalWord reports whether w starts with an upper-case letter.
func capitalWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// digitsValue returns the value of w when it is a plain run of at most
// six digits.
func digitsValue(w string) (int, bool) {
	if w == "" || len(w) > 6 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// tokenizeTimes splits s into words and single punctuation marks. A word keeps
// inner apostrophes ("Trump’s") and, between digits, inner commas and full
// stops ("30,000", "1.6"); hyphens and dashes are tokens of their own so
// that "50-day" is three tokens. It also returns the lowered text the
// tokens' lo and hi point into.
func tokenizeTimes(s string) ([]timeToken, string) {
	low, same := lowerSameWidth(s)
	return appendTimeTokensLow(make([]timeToken, 0, len(s)/4+1), s, low, same) // news text: about one token per five bytes
}

// appendTimeTokensLow appends the tokens of s (tokenizeTimes) to out, with
// low, same = lowerSameWidth(s) given. It returns the lowered text the
// tokens point into: low itself when same, else a copy of each token's
// lower case (strings.ToLower of a word, a mark as written) laid end to
// end.
func appendTimeTokensLow(out []timeToken, s, low string, same bool) ([]timeToken, string) {
	var lows []byte // the lower case of each token, when lowering s changed some widths
	if !same {
		lows = make([]byte, 0, len(s))
	}
	first := len(out)
	i := 0
	for i < len(s) {
		// ASCII is classed by table, without decoding.
		var word, space bool
		n := 1
		if c := s[i]; c < utf8.RuneSelf {
			word, space = asciiClass[c]&cAlnum != 0, asciiClass[c]&cSpace != 0
		} else {
			var r rune
			r, n = utf8.DecodeRuneInString(s[i:])
			word, space = unicode.IsLetter(r) || unicode.IsDigit(r), unicode.IsSpace(r)
		}
		switch {
		case space:
			i += n
		case word:
			j := i + n
			for j < len(s) {
				c := s[j]
				if asciiClass[c]&cAlnum != 0 {
					j++ // an ASCII letter or digit, without decoding
					continue
				}
				if c < utf8.RuneSelf && c != '\'' && c != ',' && c != '.' {
					break // ASCII that neither continues nor may join a word
				}
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if unicode.IsLetter(r2) || unicode.IsDigit(r2) {
					j += n2
					continue
				}
				if r2 == '\'' || r2 == '’' || r2 == ',' || r2 == '.' {
					nr, _ := utf8.DecodeRuneInString(s[j+n2:])
					pr, _ := utf8.DecodeLastRuneInString(s[:j])
					inner := unicode.IsLetter(nr) || unicode.IsDigit(nr)
					if r2 == ',' || r2 == '.' {
						inner = unicode.IsDigit(pr) && unicode.IsDigit(nr)
					}
					if inner {
						j += n2
						continue
					}
				}
				break
			}
			t := timeToken{start: int32(i), end: int32(j), lo: int32(i), hi: int32(j)}
			if !same {
				t.lo = int32(len(lows))
				lows = append(lows, strings.ToLower(s[i:j])...)
				t.hi = int32(len(lows))
			}
			out = append(out, t)
			i = j
		default:
			if same && n > 1 && low[i:i+n] != s[i:i+n] {
				// A mark keeps its low as written, which lower case
				// changes here ('Ⓐ'): the tokens' lower case cannot be
				// low, so the sentence is tokenized again as one whose
				// lowering changed widths.
				return appendTimeTokensLow(out[:first], s, s, false)
			}
			t := timeToken{start: int32(i), end: int32(i + n), lo: int32(i), hi: int32(i + n)}
			if !same {
				t.lo = int32(len(lows))
				lows = append(lows, s[i:i+n]...)
				t.hi = int32(len(lows))
			}
			out = append(out, t)
			i += n
		}
	}
	if !same {
		return out, string(lows)
	}
	return out, low
}
