package corpus

import (
	"encoding/xml"
	"slices"
	"strings"
)

// capFeed returns the feed text cut before its item number max+1 (an RSS
// <item> or Atom <entry>, counted outside other items), with the elements
// still open there closed, and the number of items the whole text holds.
// A feed of at most max items is returned as it is. The feed parser keeps
// every item in memory, ~100 times its size, so a feed of a hundred
// thousand items is cut before it is parsed, not after: one pass of the
// XML tokenizer costs a tenth of a parse.
//
// A text the tokenizer cannot read to the end is counted as far as it
// reads; if that is past max items it is still cut there.
func capFeed(text string, max int) (string, int) {
	d := xml.NewDecoder(strings.NewReader(text))
	d.Strict = false
	d.Entity = xml.HTMLEntity
	var (
		open    []xml.Name // the elements open at the current token
		closing []xml.Name // … at the cut
		items   int
		inItem  int // the depth of open inside the current item, 0 outside
		cut     = -1
	)
	for {
		off := d.InputOffset()
		tok, err := d.RawToken()
		if err != nil {
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if inItem == 0 && (t.Name.Local == "item" || t.Name.Local == "entry") {
				if items++; items == max+1 {
					cut, closing = int(off), slices.Clone(open)
				}
				inItem = len(open) + 1
			}
			open = append(open, t.Name)
		case xml.EndElement:
			if len(open) > 0 {
				open = open[:len(open)-1]
			}
			if len(open) < inItem {
				inItem = 0
			}
		}
	}
	if cut < 0 {
		return text, items
	}
	var b strings.Builder
	b.WriteString(text[:cut])
	for _, n := range slices.Backward(closing) {
		b.WriteString("</")
		if n.Space != "" {
			b.WriteString(n.Space + ":")
		}
		b.WriteString(n.Local + ">")
	}
	return b.String(), items
}
