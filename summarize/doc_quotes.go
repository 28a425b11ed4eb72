package summarize

import "strings"

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
