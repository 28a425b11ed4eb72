package corpus

import (
	"fmt"
	"strings"

	"golang.org/x/net/html"
)

// Limits of the HTML parser, past which a page is taken for a bomb (built
// to exhaust a parser) rather than an article, and skipped with
// ErrHTMLLimit. Real news pages stay far below them: a long page has a few
// thousand elements, nested a few dozen deep.
const (
	// MaxHTMLDepth is golang.org/x/net/html's own nesting limit.
	MaxHTMLDepth = 512
	// MaxHTMLElements bounds the tags of one page. Parsing and extracting
	// (readability) cost more than linear time in them, the most for a
	// page of links: 30,000 links take 1.3 to 2.5 s on a busy 2-core
	// machine (BenchmarkParseDegenerate/links), 50,000 took 3 to 5 s. A
	// long real news page has under 10,000.
	MaxHTMLElements = 30_000
	// MaxHTMLAttr bounds one attribute value (an inline image as a data:
	// URL is the largest a real page holds).
	MaxHTMLAttr = 1 << 20
)

// parseHTMLDoc parses text as an HTML document, refusing a page over the
// parser's limits with ErrHTMLLimit: first by one cheap pass of the
// tokenizer (elements, attribute sizes), then by the parser's own nesting
// limit.
func parseHTMLDoc(text string) (*html.Node, error) {
	if err := checkHTML(text); err != nil {
		return nil, err
	}
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		if strings.Contains(err.Error(), "open stack of elements") {
			return nil, fmt.Errorf("%w: elements nested deeper than %d", ErrHTMLLimit, MaxHTMLDepth)
		}
		return nil, fmt.Errorf("parse HTML: %w", err)
	}
	return doc, nil
}

// checkHTML counts the tags of text and measures their attributes, and
// returns an ErrHTMLLimit when there are more than MaxHTMLElements or one
// attribute value is over MaxHTMLAttr bytes.
func checkHTML(text string) error {
	z := html.NewTokenizer(strings.NewReader(text))
	elements := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return nil // io.EOF: the reader is a string
		case html.StartTagToken, html.SelfClosingTagToken:
			if elements++; elements > MaxHTMLElements {
				return fmt.Errorf("%w: more than %d elements", ErrHTMLLimit, MaxHTMLElements)
			}
			for _, more := z.TagName(); more; {
				var val []byte
				_, val, more = z.TagAttr()
				if len(val) > MaxHTMLAttr {
					return fmt.Errorf("%w: an attribute of %d bytes, limit is %d", ErrHTMLLimit, len(val), MaxHTMLAttr)
				}
			}
		}
	}
}
