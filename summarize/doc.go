package summarize

import (
	"strings"
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
func buildDoc(sents []Sentence, lows []lowSent) *tdoc { return buildDocIn(&tdoc{}, sents, lows) }

// buildDocIn is buildDoc laying the document out in d, an empty tdoc whose
// tables' arrays it reuses (a pooled one: see releaseRegistry).
func buildDocIn(d *tdoc, sents []Sentence, lows []lowSent) *tdoc {
	*d = tdoc{sents: sents, sentTok: sized(d.sentTok, len(sents)), sentOff: sized(d.sentOff, len(sents)),
		quotes: d.quotes[:0], inQuote: d.inQuote}
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
	d.inQuote = sized(d.inQuote, len(d.toks))
	for _, q := range d.quotes {
		for i := q.open + 1; i < q.end; i++ {
			d.inQuote[i] = true
		}
	}
	return d
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
