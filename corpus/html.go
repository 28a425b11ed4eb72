package corpus

import (
	"bytes"
	"encoding/json"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"codeberg.org/readeck/go-readability/v2"
	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
)

// parseHTML builds the article of an HTML page.
//
// Metadata comes from the page's own tags, first match wins:
//   - Title: og:title, JSON-LD headline, then readability's guess (<title>
//     without the site suffix, or the main heading).
//   - Published: article:published_time, <meta name=date|pubdate>, JSON-LD
//     datePublished, then <time pubdate datetime>, then the first
//     <time datetime>. A value that does not parse as a date is skipped, not
//     an error: the page is not ours to fix.
//   - Source: og:site_name, then JSON-LD publisher.name.
//   - URL: <link rel=canonical>, then og:url.
//
// The body is the main text as go-readability extracts it (the whole <body>
// when it finds none), under the paragraph rule of buildBody.
//
// A page over the parser's limits (see MaxHTMLDepth) is an error wrapping
// ErrHTMLLimit, found before any costly work.
func parseHTML(text string) (Article, *LoadError) {
	doc, err := parseHTMLDoc(text)
	if err != nil {
		return Article{}, &LoadError{Err: err}
	}
	page := goquery.NewDocumentFromNode(doc)
	ld := jsonLD(page)
	a := Article{
		Title:  collapseSpace(firstNonEmpty(meta(page, "og:title"), ld.Headline)),
		Source: collapseSpace(firstNonEmpty(meta(page, "og:site_name"), ld.Publisher)),
		URL:    firstNonEmpty(attr(page, `link[rel="canonical"]`, "href"), meta(page, "og:url")),
		Format: "html",
	}
	for _, d := range []string{
		meta(page, "article:published_time"), meta(page, "date"), meta(page, "pubdate"),
		ld.DatePublished,
		attr(page, "time[pubdate][datetime]", "datetime"), attr(page, "time[datetime]", "datetime"),
	} {
		if t, ok := parseDate(d); ok {
			a.Published = t
			break
		}
	}

	pageURL, err := url.Parse(a.URL)
	if err != nil {
		pageURL = nil // a bad URL only loses readability's link rewriting
	}
	var body string
	if r, err := readability.FromDocument(doc, pageURL); err == nil && r.Node != nil {
		body = blockText(r.Node)
		a.Title = firstNonEmpty(a.Title, collapseSpace(r.Title()))
		a.Source = firstNonEmpty(a.Source, collapseSpace(r.SiteName()))
	}
	a.Title = firstNonEmpty(a.Title, collapseSpace(page.Find("title").First().Text()))
	if strings.TrimSpace(body) == "" {
		if b := page.Find("body").Nodes; len(b) > 0 {
			body = blockText(b[0])
		}
	}
	lines := strings.Split(body, "\n")
	a.Title, _ = readHeader(lines, a.Title, a.Source, false)
	a.Body = buildBody(lines, a.Title)
	return a, nil
}

// blockTags are the elements that start and end a paragraph of text.
var blockTags = map[string]bool{
	"p": true, "div": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"ul": true, "ol": true, "li": true, "dl": true, "dt": true, "dd": true, "blockquote": true,
	"pre": true, "table": true, "tr": true, "hr": true, "section": true, "article": true,
	"header": true, "footer": true, "main": true, "aside": true, "nav": true, "figure": true,
	"figcaption": true, "address": true, "form": true, "fieldset": true, "details": true,
	"summary": true, "caption": true,
}

// skipTags hold no reader-facing text.
var skipTags = map[string]bool{
	"head": true, "script": true, "style": true, "noscript": true, "template": true,
	"iframe": true, "svg": true, "math": true, "canvas": true, "video": true, "audio": true,
}

// blockText renders the text of n: each block element (p, h2, li, …) on
// lines of its own, separated from its neighbours by a blank line, <br> as a
// line break, white space inside text collapsed, hidden elements left out.
// (go-readability's render.InnerText breaks only before a block, which runs
// a heading into the inline text after it.)
func blockText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(strings.Map(spaceOnly, n.Data))
			return
		case html.ElementNode:
			if skipTags[n.Data] || hasAttr(n, "hidden") {
				return
			}
			if n.Data == "br" {
				b.WriteString("\n")
			}
			if n.Data == "td" || n.Data == "th" {
				b.WriteString(" ")
			}
		}
		block := n.Type == html.ElementNode && blockTags[n.Data]
		if block {
			b.WriteString("\n\n")
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			b.WriteString("\n\n")
		}
	}
	walk(n)
	lines := strings.Split(b.String(), "\n")
	for i, l := range lines {
		lines[i] = collapseSpace(l)
	}
	return strings.Join(lines, "\n")
}

// spaceOnly maps every white-space rune, line breaks included, to a space.
func spaceOnly(r rune) rune {
	if unicode.IsSpace(r) {
		return ' '
	}
	return r
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// meta returns the content of the first <meta> whose property, name or
// itemprop is key.
func meta(page *goquery.Document, key string) string {
	for _, a := range []string{"property", "name", "itemprop"} {
		if v := attr(page, `meta[`+a+`="`+key+`"]`, "content"); v != "" {
			return v
		}
	}
	return ""
}

// attr returns the trimmed attribute of the first element matching sel that
// has a non-empty one.
func attr(page *goquery.Document, sel, name string) string {
	var v string
	page.Find(sel).EachWithBreak(func(_ int, s *goquery.Selection) bool {
		v = strings.TrimSpace(s.AttrOr(name, ""))
		return v == ""
	})
	return v
}

// linkedData is what the loader reads from a page's JSON-LD.
type linkedData struct {
	Headline      string
	DatePublished string
	Publisher     string
}

// jsonLD reads the first JSON-LD object on the page that has a headline or
// a datePublished, looking into arrays and "@graph" lists. Scripts that are
// not valid JSON are ignored.
func jsonLD(page *goquery.Document) linkedData {
	var found linkedData
	page.Find(`script[type="application/ld+json"]`).EachWithBreak(func(_ int, s *goquery.Selection) bool {
		var v any
		if json.Unmarshal([]byte(s.Text()), &v) != nil {
			return true
		}
		found = findLinkedData(v)
		return found == linkedData{}
	})
	return found
}

func findLinkedData(v any) linkedData {
	switch v := v.(type) {
	case []any:
		for _, e := range v {
			if d := findLinkedData(e); d != (linkedData{}) {
				return d
			}
		}
	case map[string]any:
		d := linkedData{Headline: str(v["headline"]), DatePublished: str(v["datePublished"])}
		if d.Headline != "" || d.DatePublished != "" {
			d.Publisher = str(v["publisher"])
			if p, ok := v["publisher"].(map[string]any); ok {
				d.Publisher = str(p["name"])
			}
			return d
		}
		return findLinkedData(v["@graph"])
	}
	return linkedData{}
}

// str returns v when it is a JSON string, else "".
func str(v any) string {
	s, _ := v.(string)
	return strings.TrimSpace(s)
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

// decodeHTML converts a page that is not valid UTF-8 but declares another
// charset in its first 1024 bytes (<meta charset=…>) to UTF-8. Pages without
// such a declaration are left to the UTF-8 check.
func decodeHTML(data []byte) []byte {
	head := data[:min(len(data), 1024)]
	if utf8.Valid(data) || !bytes.Contains(bytes.ToLower(head), []byte("charset")) {
		return data
	}
	enc, name, _ := charset.DetermineEncoding(data, "")
	if name == "utf-8" {
		return data
	}
	if out, err := enc.NewDecoder().Bytes(data); err == nil {
		return out
	}
	return data
}
