package summarize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentences splits an article body into sentences, in order. The split is
// non-destructive: each Sentence's Text is exactly body[Start:End] (trimmed of
// surrounding white space), and Para is the 0-based index of its paragraph
// among the non-blank paragraphs. A sentence never crosses a paragraph.
//
// Paragraphs are separated by blank lines. A body without any blank line
// but with several lines (one paragraph a line, as pasted articles often
// are) has one paragraph a line; Markdown headings and list items are
// paragraphs of their own either way, and so is a short unpunctuated line
// followed by a capitalised one (a heading).
//
// Within a paragraph a sentence ends at '.', '?', '!' or an ellipsis followed
// by white space, after any closing quotation marks and brackets, unless the
// next word starts in lower case (`"Why?" she asked.`). A period after an
// abbreviation (Mr., Gen., Jan., Inc., Jr.), an initial (Timothy D. Cook) or
// a multi-period acronym (U.S., a.m.) ends a sentence only when the next
// word is a sentence starter ("The", "He", "But"); decimals, URLs and e-mail
// addresses never split. A missing space ("end.The next") splits.
func Sentences(body string) []Sentence {
	sc := pooledSentScratch()
	sc.paras, sc.lines = paragraphsIn(body, sc.lines[:0], sc.paras[:0])
	out := sc.sents[:0]
	for i, p := range sc.paras {
		out = splitParagraph(body, p[0], p[1], i, out)
	}
	// One array of the exact size: no regrowing, nothing for shareBody
	// to trim.
	var res []Sentence
	if len(out) > 0 {
		res = make([]Sentence, len(out))
		copy(res, out)
	}
	clear(out)
	sc.sents = out[:0]
	sentPool.Put(sc)
	return res
}

// sentenceStops marks the bytes splitParagraph stops at: the ASCII
// terminators '.', '?' and '!', and every byte of a multi-byte rune, which
// it decodes ('…').
var sentenceStops = func() (t [256]bool) {
	for c := utf8.RuneSelf; c < 256; c++ {
		t[c] = true
	}
	t['.'], t['?'], t['!'] = true, true, true
	return t
}()

// splitParagraph appends the sentences of body[s:e] to out.
func splitParagraph(body string, s, e, para int, out []Sentence) []Sentence {
	emit := func(a, b int) {
		seg := body[a:b]
		t := strings.TrimSpace(seg)
		if t == "" {
			return
		}
		// The offset of the trimmed text is the length of the white space
		// trimmed before it; searching for t could find it earlier, inside
		// that space (U+3000 is E3 80 80; "\x80" alone is invalid text).
		a += len(seg) - len(strings.TrimLeftFunc(seg, unicode.IsSpace))
		out = append(out, Sentence{Text: t, Start: a, End: a + len(t), Para: para})
	}
	start := s
	for i := s; i < e; {
		if !sentenceStops[body[i]] {
			// ASCII but no terminator, told without decoding, in one
			// tight walk.
			for i++; i < e && !sentenceStops[body[i]]; i++ {
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(body[i:])
		if r != '.' && r != '?' && r != '!' && r != '…' {
			i += size
			continue
		}
		j, dots, ellipsis, qe := i, 0, false, false
		for j < e {
			r2, sz := utf8.DecodeRuneInString(body[j:])
			switch r2 {
			case '.':
				dots++
			case '…':
				ellipsis = true
			case '?', '!':
				qe = true
			default:
				sz = 0
			}
			if sz == 0 {
				break
			}
			j += sz
		}
		ellipsis = ellipsis || dots > 1
		if dots == 1 && !qe && listMarker(body, start, i) {
			i = j // "1. Cut costs.": the item's number, not a sentence
			continue
		}
		if j < e && !qe && !ellipsis && isAlnum(body, j) {
			// "U.S", "1.6", "www.x": internal, unless a missing space.
			if missingSpace(body, i, j) {
				emit(start, j)
				start = j
			}
			i = j
			continue
		}
		k := j
		for k < e {
			r2, sz := utf8.DecodeRuneInString(body[k:])
			if !isCloser(body, k, e, r2, sz) {
				break
			}
			k += sz
		}
		if k < e && !isSpaceByte(body[k]) {
			if r2, _ := utf8.DecodeRuneInString(body[k:]); k > j && unicode.IsUpper(r2) || gluedQuote(body, k, e) {
				emit(start, k) // `operation.”Putin`, `arrived."I am`
				start = k
			}
			i = k
			continue
		}
		n := k
		for n < e && isSpaceByte(body[n]) {
			n++
		}
		if n < e && endsSentence(body, i, n, e, ellipsis, qe) {
			emit(start, k)
			start = n
		}
		i = n
	}
	emit(start, e)
	return out
}

// endsSentence decides a terminator at body[i] followed by white space and
// the next word at body[n].
func endsSentence(body string, i, n, e int, ellipsis, qe bool) bool {
	for n < e {
		r, sz := utf8.DecodeRuneInString(body[n:])
		if !strings.ContainsRune("“\"‘'([«‹„*_", r) {
			break
		}
		n += sz
	}
	w := body[n:wordEnd(body, n, e)]
	first, _ := utf8.DecodeRuneInString(w)
	ws := i
	for ws > 0 && !isSpaceByte(body[ws-1]) {
		ws--
	}
	prev := strings.TrimLeft(body[ws:i], "“\"‘'([«„")
	var buf, wbuf [32]byte // most words are short ASCII: lowered without allocating
	lower := lowerInto(prev, buf[:])
	starter := lx.starters[lowerInto(w, wbuf[:])]
	switch {
	case w == "":
		return true
	case unicode.IsLower(first):
		return false
	case body[i] == '!' && lx.abbrev[lower] == "bang":
		return starter // "Yahoo! Inc. said"
	case qe:
		return true
	case ellipsis:
		return unicode.IsUpper(first)
	case prev == "":
		return true
	}
	switch lx.abbrev[lower] {
	case "title", "never":
		return false
	case "num":
		if unicode.IsDigit(first) {
			return false
		}
	case "month":
		return !unicode.IsDigit(first) && starter
	case "end":
		return starter
	}
	if p, _ := utf8.DecodeRuneInString(prev); utf8.RuneCountInString(prev) == 1 && unicode.IsUpper(p) {
		return starter // an initial: "Timothy D. Cook"
	}
	if strings.Contains(prev, ".") && isAcronym(prev) {
		return starter // "U.S.", "a.m."
	}
	return true
}

// isAcronym reports whether w ("U.S", "a.m", "Ph.D") is made of one- and
// two-letter parts joined by periods, unlike a domain name.
func isAcronym(w string) bool {
	for _, part := range strings.Split(strings.TrimSuffix(w, "."), ".") {
		n := utf8.RuneCountInString(part)
		if n == 0 || n > 2 {
			return false
		}
		for _, r := range part {
			if !unicode.IsLetter(r) {
				return false
			}
		}
	}
	return true
}

// missingSpace reports whether the period at body[i] glued to body[j] ends a
// sentence whose next one lacks the space: a lower-case word of two or more
// letters, or a percentage, then a capitalised word ("end.The", "5%.Profits").
func missingSpace(body string, i, j int) bool {
	ws := i
	for ws > 0 && body[ws-1] < utf8.RuneSelf && unicode.IsLetter(rune(body[ws-1])) {
		ws--
	}
	if ws == i && i > 0 && body[i-1] == '%' {
		r1, sz := utf8.DecodeRuneInString(body[j:])
		r2, _ := utf8.DecodeRuneInString(body[j+sz:])
		return unicode.IsUpper(r1) && unicode.IsLower(r2)
	}
	if i-ws < 2 || (ws > 0 && !isSpaceByte(body[ws-1]) && !strings.ContainsRune("“\"‘'(", rune(body[ws-1]))) {
		return false
	}
	for _, c := range body[ws:i] {
		if !unicode.IsLower(c) {
			return false
		}
	}
	if lx.abbrev[body[ws:i]] != "" {
		return false
	}
	r1, sz := utf8.DecodeRuneInString(body[j:])
	r2, _ := utf8.DecodeRuneInString(body[j+sz:])
	return unicode.IsUpper(r1) && unicode.IsLower(r2)
}

// listMarker reports whether the period at body[i] closes a list item's
// number or letter at the start of its paragraph or line ("1. Cut costs",
// "b. Sell"): body[s:i] is one to three digits or a single letter, and
// nothing but white space precedes it on its line.
func listMarker(body string, s, i int) bool {
	ls := i
	for ls > s && body[ls-1] != '\n' && !isSpaceByte(body[ls-1]) {
		ls--
	}
	for k := ls; k > s && body[k-1] != '\n'; k-- {
		if !isSpaceByte(body[k-1]) {
			return false
		}
	}
	if i+1 >= len(body) || body[i+1] != ' ' {
		return false
	}
	m := body[ls:i]
	if r, n := utf8.DecodeRuneInString(m); n == len(m) && unicode.IsLetter(r) {
		return true
	}
	if len(m) == 0 || len(m) > 3 {
		return false
	}
	for _, c := range m {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// gluedQuote reports whether body[k] opens the quotation of a sentence that
// follows a terminator without a space: a straight or curly opening double
// quote, then a capital letter (`arrived."I am here`).
func gluedQuote(body string, k, e int) bool {
	r, sz := utf8.DecodeRuneInString(body[k:])
	if r != '"' && r != '“' || k+sz >= e {
		return false
	}
	r2, _ := utf8.DecodeRuneInString(body[k+sz:])
	return unicode.IsUpper(r2)
}

// isCloser reports whether the rune at body[k] closes the sentence with the
// terminator before it: a closing quotation mark or bracket, or another
// terminator. Straight quotes count only when followed by a space or the end.
func isCloser(body string, k, e int, r rune, sz int) bool {
	switch r {
	case '”', '»', '›', ')', ']', '.', '?', '!', '…', '*':
		return true
	case '"', '\'', '’':
		return k+sz >= e || isSpaceByte(body[k+sz]) || strings.ContainsRune(")]”\"’'", rune(body[k+sz]))
	}
	return false
}

func isAlnum(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isSpaceByte(b byte) bool {
	return b == ' ' || b == '\n' || b == '\t' || b == '\r' || b == '\v' || b == '\f'
}

// wordEnd returns the end of the word starting at body[n]: letters, digits,
// and internal periods, hyphens and apostrophes.
func wordEnd(body string, n, e int) int {
	for n < e {
		r, sz := utf8.DecodeRuneInString(body[n:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			break
		}
		n += sz
	}
	return n
}
