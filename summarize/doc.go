package summarize

import (
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// tdoc is an article laid out for the people and quote rules: the sentence
// texts joined (one space within a paragraph, a blank line between
// paragraphs), cut into tokens, with quotation marks paired.
type tdoc struct {
	sents   []Sentence
	text    string
	toks    []tk
	sentTok [][2]int // token span of each sentence
	sentOff []int    // byte offset of each sentence in text
	textBuf []byte   // the array text is made of (pooledBytes)
	quotes  []qspan  // top-level quotations, in text order
	inQuote []bool   // token lies inside a top-level quotation
}

type tkind uint8

const (
	kWord tkind = iota
	kNum
	kPunct
	kQuote
)

// tk is one token: a word (with internal periods, hyphens and apostrophes:
// "U.S.", "Trump’s", "co-founder"), a number, a punctuation mark or a
// quotation mark.
type tk struct { // fields ordered for size: 72 bytes, not 88
	s          string
	low        string // lower case, without a possessive ending
	start, end int    // byte offsets into tdoc.text
	sent       int
	pair       int // index of the paired quotation mark, or -1
	kind       tkind
	open       bool // a quotation mark that may open
	close      bool // a quotation mark that may close
	dbl        bool // a double quotation mark
	poss       bool // a possessive word ("Trump’s", "Jobs’")
	capital    bool // a word whose first rune is upper case (isCap), set by tokenize
}

// qspan is one top-level quotation: its marks and the sentence and paragraph
// it starts in. close is -1 when the quotation runs to the paragraph's end
// (the news convention for a quote continued in the next paragraph); end is
// the index after its last inner token.
type qspan struct {
	open, close, end int
	sent, para       int
	paraStart        bool // the opening mark begins its paragraph
}

// base returns the word without a possessive ending.
func (t *tk) base() string { return stripPossessive(t.s) }

// stripPossessive returns s without a final "'s" or "’s" (any case).
func stripPossessive(s string) string {
	n := len(s)
	if n == 0 || (s[n-1] != 's' && s[n-1] != 'S') {
		return s
	}
	switch {
	case n >= 2 && s[n-2] == '\'':
		return s[:n-2]
	case n >= 4 && s[n-4:n-1] == "’":
		return s[:n-4]
	}
	return s
}

// lower returns the word in lower case without a possessive ending.
func (t *tk) lower() string { return t.low }

// isCap reports whether the token is a word starting with a capital letter.
// tokenize finds it once, as the rules ask it of every token many times.
func (t *tk) isCap() bool { return t.capital }

// is reports whether the token is one of words (lower case), ignoring case.
func (t *tk) is(words ...string) bool {
	for _, w := range words {
		if strings.EqualFold(t.s, w) {
			return true
		}
	}
	return false
}

// buildDoc lays out sents and tokenizes them. The sentences' own offsets are
// not trusted: callers may build Sentences by hand. lows is the sentences
// in lower case (lowerSentences), or nil to lower them here.
func buildDoc(sents []Sentence, lows []lowSent) *tdoc {
	d := &tdoc{sents: sents, sentTok: make([][2]int, len(sents)), sentOff: make([]int, len(sents))}
	size := 0
	for _, s := range sents {
		size += len(s.Text) + 2
	}
	d.toks = pooledToks(size / 5) // about one token per five bytes of news text
	b := pooledBytes(size)
	for i, s := range sents {
		if i > 0 {
			if s.Para != sents[i-1].Para {
				b = append(b, "\n\n"...)
			} else {
				b = append(b, ' ')
			}
		}
		off := len(b)
		d.sentOff[i] = off
		b = append(b, s.Text...)
		first := len(d.toks)
		low, same := lowerOf(lows, i, s.Text)
		d.toks = tokenize(s.Text, low, same, off, i, d.toks)
		d.sentTok[i] = [2]int{first, len(d.toks)}
	}
	// b has room for all: it never grows, and is never written again
	// while d lives.
	d.textBuf = b
	d.text = unsafe.String(unsafe.SliceData(b), len(b))
	d.pairQuotes()
	d.inQuote = make([]bool, len(d.toks))
	for _, q := range d.quotes {
		for i := q.open + 1; i < q.end; i++ {
			d.inQuote[i] = true
		}
	}
	return d
}

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
			t := tk{s: s[i:j], start: base + i, end: base + j, kind: kind, sent: sent, pair: -1, capital: kind == kWord && upper}
			b := t.base()
			t.poss = b != t.s
			if same {
				t.low = low[i : i+len(b)]
			} else {
				t.low = strings.ToLower(b)
			}
			out = append(out, t)
			i = j
			continue
		}
		t := tk{s: s[i : i+size], start: base + i, end: base + i + size, kind: kPunct, sent: sent, pair: -1}
		if r == '.' && strings.HasPrefix(s[i:], "...") {
			t.s, t.end = "...", base+i+3
		}
		t.low = t.s
		prevSpace := i == 0 || strings.ContainsRune(" \n\t([{—–-/“‘\"'«", lastRune(s[:i]))
		nr, _ := utf8.DecodeRuneInString(s[i+size:])
		nextSpace := i+size >= len(s) || unicode.IsSpace(nr) || strings.ContainsRune(",.;:!?)]}—–…", nr)
		switch r {
		case '“', '„', '«', '‹', '‟':
			t.kind, t.open, t.dbl = kQuote, true, true
		case '”', '»', '›':
			t.kind, t.close, t.dbl = kQuote, true, true
		case '"':
			t.kind, t.open, t.close, t.dbl = kQuote, true, true, true
		case '‘':
			t.kind, t.open = kQuote, !nextSpace
		case '’', '\'', '`':
			t.open = prevSpace && !nextSpace
			t.close = !prevSpace && nextSpace
			if t.open || t.close {
				t.kind = kQuote
			}
		}
		out = append(out, t)
		i = t.end - base
	}
	return out
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

// pairQuotes pairs the quotation marks of each paragraph, records the
// top-level quotations, and turns unpaired apostrophes after an s into
// possessives ("Jobs’ health").
func (d *tdoc) pairQuotes() {
	for p0 := 0; p0 < len(d.sents); {
		p1 := p0
		for p1 < len(d.sents) && d.sents[p1].Para == d.sents[p0].Para {
			p1++
		}
		a, b := d.sentTok[p0][0], d.sentTok[p1-1][1]
		dbl, sgl := -1, -1
		for i := a; i < b; i++ {
			t := &d.toks[i]
			if t.kind != kQuote {
				continue
			}
			open, cur := &sgl, t.open
			if t.dbl {
				open = &dbl
			}
			switch {
			case *open < 0:
				if cur {
					*open = i
				}
			case t.close || (t.s == "“" && d.toks[*open].s == "„"): // „…“ as German and Polish papers write it
				d.toks[*open].pair, t.pair = i, *open
				if t.dbl && sgl > *open {
					sgl = -1
				}
				*open = -1
			case cur:
				*open = i // an unclosed mark before this one: give it up
			}
		}
		for i := a; i < b; i++ {
			t := &d.toks[i]
			if t.kind == kQuote && t.pair < 0 && i != dbl {
				t.kind = kPunct
				if i > a && t.close && !t.dbl && d.toks[i-1].end == t.start && strings.HasSuffix(strings.ToLower(d.toks[i-1].s), "s") {
					d.toks[i-1].poss = true
				}
			}
		}
		for i := a; i < b; i++ {
			t := d.toks[i]
			switch {
			case t.kind == kQuote && t.pair > i:
				d.quotes = append(d.quotes, qspan{open: i, close: t.pair, end: t.pair, sent: t.sent, para: d.sents[t.sent].Para, paraStart: i == a})
				i = t.pair
			case i == dbl:
				d.quotes = append(d.quotes, qspan{open: i, close: -1, end: b, sent: t.sent, para: d.sents[t.sent].Para, paraStart: i == a})
				i = b
			}
		}
		p0 = p1
	}
}

// quoteText returns the words inside q, without marks, surrounding space
// or a trailing comma.
func (d *tdoc) quoteText(q qspan) string {
	if q.end <= q.open+1 {
		return ""
	}
	s := d.text[d.toks[q.open].end:d.toks[q.end-1].end]
	s = strings.TrimSpace(s)
	return strings.TrimSpace(strings.TrimRight(s, ",;: "))
}

// joinBases returns the words of tokens [a,b) without possessives, joined
// by one space. Usually they are the text itself, one space apart, with
// no possessive but maybe on the last: then the text is returned,
// uncopied.
func (d *tdoc) joinBases(a, b int) string {
	if a >= b {
		return ""
	}
	plain := true
	for i := a; i < b-1 && plain; i++ {
		plain = !d.toks[i].poss && d.toks[i+1].start == d.toks[i].end+1 && d.text[d.toks[i].end] == ' '
	}
	if plain {
		last := &d.toks[b-1]
		return d.text[d.toks[a].start : last.start+len(last.base())]
	}
	w := make([]string, 0, b-a)
	for i := a; i < b; i++ {
		w = append(w, d.toks[i].base())
	}
	return strings.Join(w, " ")
}

// appendLowJoin appends the lower-case words of tokens [a,b) (lowerBase),
// joined by one space, to buf: strings.ToLower(d.joinBases(a, b)), for a
// map lookup (m[string(buf)] does not allocate).
func (d *tdoc) appendLowJoin(buf []byte, a, b int) []byte {
	for i := a; i < b; i++ {
		if i > a {
			buf = append(buf, ' ')
		}
		buf = append(buf, d.toks[i].lowerBase()...)
	}
	return buf
}

// lowerBase returns strings.ToLower(t.base()): low for a word or a number;
// a mark keeps its low as written, which lower case may change ('Ⓐ', an
// invalid byte).
func (t *tk) lowerBase() string {
	if t.kind == kWord || t.kind == kNum {
		return t.low
	}
	return strings.ToLower(t.base())
}

// span returns the text of tokens [a,b) as written.
func (d *tdoc) span(a, b int) string {
	if a >= b {
		return ""
	}
	return d.text[d.toks[a].start:d.toks[b-1].end]
}
