package summarize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The tokenizer of a tdoc: words, numbers, punctuation and quotation
// marks, classed from the bytes of one sentence.

// tokenize appends the tokens of s (a sentence placed at offset base) to out;
// low and same are lowerSameWidth(s).
func tokenize(s, low string, same bool, base, sent int, out []tk) []tk {
	for i := 0; i < len(s); {
		if s[i] == ' ' { // the commonest byte, told without decoding
			i++
			continue
		}
		// ASCII is classed by table, without decoding.
		var r rune
		var size int
		var space, letter, digit, upper bool
		if c := s[i]; c < utf8.RuneSelf {
			r, size = rune(c), 1
			cl := asciiClass[c]
			space, letter, digit, upper = cl&cSpace != 0, cl&cLetter != 0, cl&cDigit != 0, cl&cUpper != 0
		} else {
			r, size = utf8.DecodeRuneInString(s[i:])
			space, letter, digit = unicode.IsSpace(r), unicode.IsLetter(r), unicode.IsDigit(r)
			upper = letter && unicode.IsUpper(r)
		}
		switch {
		case space:
			i += size
			continue
		case letter || digit:
			j := wordSpan(s, i)
			kind := kWord
			if digit {
				kind = kNum
			}
			// A word's first rune is a letter: isCap is whether it is an
			// upper-case one.
			// The token is written in place: no copy of it is moved.
			w := s[i:j]
			b := stripPossessive(w)
			out = append(out, tk{})
			t := &out[len(out)-1]
			t.s, t.start, t.end, t.kind, t.sent, t.pair = w, base+i, base+j, kind, sent, -1
			t.capital = kind == kWord && upper
			t.poss = len(b) != len(w) // b is a prefix of w
			if same {
				t.low = low[i : i+len(b)]
			} else {
				t.low = strings.ToLower(b)
			}
			i = j
			continue
		}
		t := tk{s: s[i : i+size], start: base + i, end: base + i + size, kind: kPunct, sent: sent, pair: -1}
		if r == '.' && strings.HasPrefix(s[i:], "...") {
			t.s, t.end = "...", base+i+3
		}
		t.low = t.s
		switch r {
		case '“', '„', '«', '‹', '‟':
			t.kind, t.open, t.dbl = kQuote, true, true
		case '”', '»', '›':
			t.kind, t.close, t.dbl = kQuote, true, true
		case '"':
			t.kind, t.open, t.close, t.dbl = kQuote, true, true, true
		case '‘':
			t.kind, t.open = kQuote, !spaceAfter(s, i+size)
		case '’', '\'', '`':
			prev, next := spaceBefore(s, i), spaceAfter(s, i+size)
			t.open = prev && !next
			t.close = !prev && next
			if t.open || t.close {
				t.kind = kQuote
			}
		}
		out = append(out, t)
		i = t.end - base
	}
	return out
}

// spaceBefore reports whether s[:i] is empty or ends in a space or an
// opening mark: a quotation mark at i may open. It is asked of the marks
// that may be apostrophes only.
func spaceBefore(s string, i int) bool {
	return i == 0 || strings.ContainsRune(" \n\t([{—–-/“‘\"'«", lastRune(s[:i]))
}

// spaceAfter reports whether s[j:] is empty or starts with a space or a
// closing mark: a quotation mark ending at j may close.
func spaceAfter(s string, j int) bool {
	nr, _ := utf8.DecodeRuneInString(s[j:])
	return j >= len(s) || unicode.IsSpace(nr) || strings.ContainsRune(",.;:!?)]}—–…", nr)
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// wordSpan returns the end of the word starting at s[i]. Hyphens,
// apostrophes and periods join letters and digits; a comma joins digit
// groups; a trailing period belongs to an abbreviation, an initial or an
// acronym.
func wordSpan(s string, i int) int {
	j := i
	digits := true
	for j < len(s) {
		if c := s[j]; asciiClass[c]&cAlnum != 0 {
			digits = digits && c <= '9' // an ASCII letter or digit, without decoding
			j++
			continue
		} else if c < utf8.RuneSelf && asciiClass[c]&cJoin == 0 {
			return j // a space or a mark no case below joins or takes: the word ends
		}
		r, sz := utf8.DecodeRuneInString(s[j:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) {
			digits = digits && unicode.IsDigit(r)
			j += sz
			continue
		}
		nr, _ := utf8.DecodeRuneInString(s[min(j+sz, len(s)):])
		next := j+sz < len(s) && (unicode.IsLetter(nr) || unicode.IsDigit(nr))
		switch {
		case (r == '-' || r == '‐' || r == '‑' || r == '.' || r == '&') && next:
		case (r == '\'' || r == '’' || r == '`') && next && unicode.IsLetter(nr):
		case r == ',' && digits && next && unicode.IsDigit(nr):
		case r == '%' && digits:
			return j + sz
		default:
			if r == '.' && takesPeriod(s[i:j], s[j+sz:]) {
				return j + sz
			}
			return j
		}
		j += sz
	}
	return j
}

// takesPeriod reports whether a period after w belongs to it: an
// abbreviation, a single capital initial, or an acronym like "U.S".
func takesPeriod(w, rest string) bool {
	var buf [32]byte
	l := lowerInto(w, buf[:]) // most words are short ASCII: lowered without allocating
	switch lx.abbrev[l] {
	case "title", "end", "month", "never":
		return true
	case "num":
		r := strings.TrimLeft(rest, " ")
		return r != "" && r[0] >= '0' && r[0] <= '9'
	}
	if r, _ := utf8.DecodeRuneInString(w); utf8.RuneCountInString(w) == 1 && unicode.IsUpper(r) {
		return true
	}
	return strings.Contains(w, ".") && isAcronym(w)
}
