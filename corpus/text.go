package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// parseText builds the article of a Markdown or text file: optional front
// matter, then the body.
//
// The title is the front matter's title. Without one, the first non-empty
// line is the title (a Markdown "# " heading marker is dropped), except that
// a leading byline ("By Jane Doe") or date line is skipped and, in a file
// without front matter, a short first line ending in "," is a desk name:
// "Desk Report," gives Source "Desk Report" and the title is the next line.
// Header lines are not body text, and neither is any line that repeats the
// title exactly (after trimming).
//
// The body follows the paragraph rule of buildBody. Published comes only
// from front matter: a text file has no date.
func parseText(text, format string) (Article, *LoadError) {
	fm, body, hasFM, err := splitFrontMatter(text)
	if err != nil {
		return Article{}, err
	}
	a := Article{
		Title:     fm.Title,
		Source:    fm.Source,
		URL:       fm.URL,
		Published: fm.Published,
		Tags:      fm.Tags,
		Format:    format,
	}
	lines := strings.Split(body, "\n")
	a.Title, a.Source = readHeader(lines, a.Title, a.Source, !hasFM)
	a.Body = buildBodyOf(body, lines, a.Title)
	return a, nil
}

// maxHeaderWords bounds a desk line or byline: longer lines are text.
const maxHeaderWords = 8

// maxHeaderLines bounds the lines a header may hold (desk, title, bylines,
// dates, the title repeated): the lines after them are text, however they
// look, so a file of a million date lines is not scanned as a header.
const maxHeaderLines = 8

// readHeader scans the lines before the first paragraph, blanking the ones
// that are a byline, a desk name (only when deskLine is set), or the title,
// and taking the first other line as the title when none is known yet. It
// returns the title and source it ends with.
func readHeader(lines []string, title, source string, deskLine bool) (string, string) {
	seen := 0
	for i, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		if seen++; seen > maxHeaderLines {
			return title, source
		}
		switch {
		case title != "" && sameLine(l, title):
		case isByline(l):
		case isDateLine(l):
		case deskLine && seen == 1 && title == "" && isDeskLine(l):
			if source == "" {
				source = strings.TrimSpace(strings.TrimSuffix(l, ","))
			}
		case title == "":
			title = collapseSpace(stripHeading(l))
		default:
			return title, source
		}
		lines[i] = ""
	}
	return title, source
}

// isDateLine reports whether l is nothing but a date ("5 May 2019"), a
// dateline that is not body text. It is not used as Published: only
// metadata sets that.
func isDateLine(l string) bool {
	_, ok := parseDate(l)
	return ok
}

// isDeskLine reports whether l names a desk or outlet, as "Desk Report,"
// does at the top of a wire copy.
func isDeskLine(l string) bool {
	return strings.HasSuffix(l, ",") && len(strings.Fields(l)) <= maxHeaderWords/2
}

// bylineJoiners may appear uncapitalised inside a byline.
var bylineJoiners = map[string]bool{
	"and": true, "&": true, "de": true, "da": true, "di": true, "du": true,
	"van": true, "von": true, "der": true, "la": true, "le": true,
	"bin": true, "al": true, "in": true, "for": true, "of": true,
}

// isByline reports whether l is a byline: "By " and up to eight words that
// are capitalised names or joiners ("By Jane Doe and John Roe, Reuters").
// "By the end of the year, …" is text.
func isByline(l string) bool {
	rest, ok := strings.CutPrefix(l, "By ")
	if !ok {
		rest, ok = strings.CutPrefix(l, "BY ")
	}
	words := strings.Fields(strings.ReplaceAll(rest, ",", " "))
	if !ok || len(words) == 0 || len(words) > maxHeaderWords {
		return false
	}
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) && !bylineJoiners[w] {
			return false
		}
	}
	return true
}

// stripHeading drops Markdown ATX heading markers: "## Title" is "Title".
func stripHeading(l string) string {
	if t := strings.TrimLeft(l, "#"); t != l && (t == "" || t[0] == ' ' || t[0] == '\t') {
		return strings.TrimSpace(t)
	}
	return l
}

// sameLine reports whether line l repeats title, ignoring surrounding space,
// runs of inner space and Markdown heading markers.
func sameLine(l, title string) bool {
	return collapsesTo(stripHeading(strings.TrimSpace(l)), title)
}

// buildBody joins lines into the article body: every non-empty line is a
// paragraph, and paragraphs are separated by exactly one blank line ("\n\n").
// Lines are trimmed, and any line that repeats title is dropped.
//
// One exception undoes hard wrapping: a line is joined, with a space, to the
// line just above it (no blank line between) when that line neither ends in
// sentence-final punctuation (. ! ? : " ” ’ ') nor is a Markdown heading,
// and the line starts with a lowercase letter. So "the deal was
// signed\nin Paris." is one paragraph, while "Talks resume\nThe deal was
// signed." stays two.
//
// It runs in time linear in the text: a file of a million short lines that
// all join into one paragraph costs no more than one long line.
func buildBody(lines []string, title string) string {
	return buildBodyOf("", lines, title)
}

// buildBodyOf is buildBody of lines cut from src (strings.Split). When
// the body is a slice of src (paragraphs of one line each, one blank line
// apart, nothing trimmed or dropped between them), as in most files, it
// is that slice rather than a copy. src may be "" (lines from anywhere):
// the body is then always built.
func buildBodyOf(src string, lines []string, title string) string {
	bb := bodyBuilder{src: src, from: -1, copying: src == ""}
	for _, l := range lines {
		bb.size += len(l) + 1
	}
	var first, last string // the first and last line of the paragraph being built
	joinable := false      // the previous line was text, not blank or dropped
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" || (title != "" && sameLine(l, title)) {
			joinable = false
			continue
		}
		switch {
		case joinable && continues(first, last, l):
			bb.add(" ", l)
		case first != "":
			bb.add("\n\n", l)
			first = l
		default:
			bb.add("", l)
			first = l
		}
		last, joinable = l, true
	}
	return bb.String()
}

// bodyBuilder builds a body as a slice of src, src[from:to], as long as
// what is added is the text that follows there, and copies it into b from
// the first addition that is not.
type bodyBuilder struct {
	src      string
	from, to int // the body so far is src[from:to] while !copying; from < 0 while empty
	copying  bool
	size     int // bytes to reserve when copying starts
	b        strings.Builder
}

// add appends sep and then l to the body.
func (bb *bodyBuilder) add(sep, l string) {
	if !bb.copying {
		off := offsetIn(bb.src, l)
		switch {
		case off < 0:
		case bb.from < 0 && sep == "":
			bb.from, bb.to = off, off+len(l)
			return
		case bb.from >= 0 && off == bb.to+len(sep) && bb.src[bb.to:off] == sep:
			bb.to = off + len(l)
			return
		}
		bb.copying = true
		bb.b.Grow(bb.size)
		if bb.from >= 0 {
			bb.b.WriteString(bb.src[bb.from:bb.to])
		}
	}
	bb.b.WriteString(sep)
	bb.b.WriteString(l)
}

// String returns the body.
func (bb *bodyBuilder) String() string {
	switch {
	case bb.copying:
		return bb.b.String()
	case bb.from < 0:
		return ""
	}
	return bb.src[bb.from:bb.to]
}

// offsetIn returns where l lies in src, when it is a slice of src's
// memory, else -1.
func offsetIn(src, l string) int {
	if len(l) == 0 || len(l) > len(src) {
		return -1
	}
	base, p := uintptr(unsafe.Pointer(unsafe.StringData(src))), uintptr(unsafe.Pointer(unsafe.StringData(l)))
	if p < base || p-base > uintptr(len(src)-len(l)) {
		return -1
	}
	return int(p - base)
}

// continues reports whether line continues the hard-wrapped paragraph
// whose first line is first and last line last.
func continues(first, last, line string) bool {
	r, _ := utf8.DecodeLastRuneInString(last)
	if strings.ContainsRune(".!?:\"”’'", r) || strings.HasPrefix(first, "#") {
		return false
	}
	f, _ := utf8.DecodeRuneInString(line)
	return unicode.IsLower(f)
}

// normaliseText turns "\r\n" and lone "\r" into "\n" and drops a leading
// byte-order mark.
func normaliseText(s string) string {
	s = strings.TrimPrefix(s, "\uFEFF")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

// collapseSpace trims s and turns each run of white space into one space.
func collapseSpace(s string) string {
	if collapsed(s) {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}
