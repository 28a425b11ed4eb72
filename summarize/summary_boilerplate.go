package summarize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// boilerplate starts lines that are no part of the story: captions and
// credits, links, sign-offs and update notes. A prefix that ends in a
// letter matches a whole word only, so "Photographers said" or
// "Subscribers lost access" are sentences of the story, not a credit or a
// call to subscribe. Bylines are told apart by byline, not by a prefix:
// "By the end of the year" opens many a sentence of the news.
var boilerplate = []string{"photo", "image:", "picture:", "caption:", "credit:", "file photo", "(photo",
	"read more", "read also", "see also", "related:", "click here", "subscribe", "sign up", "follow us",
	"share this", "advertisement", "copyright", "©", "all rights reserved", "http://", "https://",
	"reporting by", "writing by", "editing by", "additional reporting", "compiled by",
	"this article was", "this story was", "this article has been", "this story has been",
	"an earlier version", "correction:", "updated:", "last updated"}

// boilerplateByFirst holds the boilerplate prefixes by their first byte,
// in the order of boilerplate: a line is compared with those that can
// start it only.
var boilerplateByFirst = func() (m [256][]string) {
	for _, p := range boilerplate {
		m[p[0]] = append(m[p[0]], p)
	}
	return m
}()

// bylineWords may stand in a byline in lower case: connectives and the
// staff titles that follow a name ("By Ana Ribeiro and Li Wei, staff
// reporters").
var bylineWords = wordsOf("and of the in for at with from staff writer writers reporter reporters " +
	"correspondent correspondents editor editors special to contributor")

// calendarWords open time phrases that start with "By" ("By Friday", "By
// March") and are no name.
var calendarWords = wordsOf("monday tuesday wednesday thursday friday saturday sunday january february " +
	"march april may june july august september october november december today tomorrow tonight")

// isBoilerplate reports whether the line s is a byline, a credit, a link
// or another line a news page carries around its story.
func isBoilerplate(s string) bool {
	// The longest prefix is shorter than 32 bytes; a rune a cut splits
	// lowers to an error rune no prefix holds.
	var buf [48]byte
	low := lowerInto(s[:min(len(s), len(buf))], buf[:])
	if low == "" {
		return byline(s)
	}
	for _, p := range boilerplateByFirst[low[0]] {
		if !strings.HasPrefix(low, p) {
			continue
		}
		last, _ := utf8.DecodeLastRuneInString(p)
		next, _ := utf8.DecodeRuneInString(low[len(p):])
		if !unicode.IsLetter(last) || !unicode.IsLetter(next) {
			return true
		}
	}
	return byline(s)
}

// byline reports whether s is a byline: "By" and then a name, perhaps
// with an outlet or a staff title, and no more than a dozen words. Every
// word after "By" is capitalised but for the connectives and titles of
// bylineWords; the first is no weekday, month or day word, so "By Friday
// the port will reopen." stays a sentence, as does "By the end of the
// year, ...".
func byline(s string) bool {
	if !strings.HasPrefix(s, "By ") && !strings.HasPrefix(s, "BY ") {
		return false
	}
	ws := strings.Fields(s)
	if len(ws) < 2 || len(ws) > 12 {
		return false
	}
	first := strings.ToLower(strings.Trim(ws[1], ",.;:"))
	if calendarWords[first] {
		return false
	}
	for _, w := range ws[1:] {
		w = strings.Trim(w, ",.;:()|–—-")
		if w == "" {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !bylineWords[strings.ToLower(w)] {
			return false
		}
	}
	return true
}

// summarizable reports whether s may stand in a summary: a full sentence of
// some length, not a heading, byline, credit or link line.
func summarizable(s string) bool { return summarizableN(s, wordCount(s)) }

// summarizableN is summarizable with the words of s counted: n is
// wordCount(s).
func summarizableN(s string, n int) bool {
	if n < minSummaryWords {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(s, `"”’')]`))
	if !strings.ContainsRune(".!?", last) && n < headingWords {
		return false // a heading or a cut line
	}
	return !isBoilerplate(s)
}

// wordCount returns len(strings.Fields(s)) without building the slice.
// One walk over s, without decoding ASCII.
func wordCount(s string) int {
	n, inField := 0, false
	for i := 0; i < len(s); {
		var sep bool
		if c := s[i]; c < utf8.RuneSelf {
			if inField && asciiClass[c]&cSpace == 0 {
				i++ // the rest of a field
				continue
			}
			sep = asciiClass[c]&cSpace != 0
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			sep = unicode.IsSpace(r)
			i += size
		}
		switch {
		case sep:
			inField = false
		case !inField:
			inField = true
			n++
		}
	}
	return n
}
