package summarize

import (
	"sort"
	"strings"
	"unsafe"
)

// shareBody makes an analysis keep nothing alive but itself and the article
// body: every string that is a piece of the body is made a slice of the body
// (the people and quote rules cut names and quotations from a joined copy of
// the sentences, which would otherwise stay in memory as long as one of them
// does), any other string is copied to its own exact size once (it may be a
// slice of a lowered sentence or some other working buffer), and the slices
// lose their spare capacity. The strings' bytes do not change: the analysis
// is the same value, only smaller in memory.
func shareBody(an *Analysis, body string, d *tdoc) {
	sh := sharer{body: body, d: d}
	an.Sentences = trimCap(an.Sentences)
	an.People = trimCap(an.People)
	for i := range an.People {
		p := &an.People[i]
		p.Name = sh.str(p.Name)
		p.Description = sh.str(p.Description)
		p.Aliases = trimCap(p.Aliases)
		for k := range p.Aliases {
			p.Aliases[k] = sh.str(p.Aliases[k])
		}
		p.Sentences = trimCap(p.Sentences)
	}
	an.Quotes = trimCap(an.Quotes)
	for i := range an.Quotes {
		q := &an.Quotes[i]
		q.Speaker, q.Mention, q.Role = sh.str(q.Speaker), sh.str(q.Mention), sh.str(q.Role)
		q.Text, q.Cue = sh.str(q.Text), sh.str(q.Cue)
	}
	an.Deadlines = trimCap(an.Deadlines)
	for i := range an.Deadlines {
		dl := &an.Deadlines[i]
		dl.SetBy, dl.Target = sh.str(dl.SetBy), sh.str(dl.Target)
		dl.Demand, dl.Consequence = sh.str(dl.Demand), sh.str(dl.Consequence)
		dl.Evidence = sh.str(dl.Evidence)
		dl.History = trimCap(dl.History)
		for k := range dl.History {
			dl.History[k].Evidence = sh.str(dl.History[k].Evidence)
		}
	}
	an.Events = trimCap(an.Events)
	for i := range an.Events {
		e := &an.Events[i]
		e.Phrase, e.Text = sh.str(e.Phrase), sh.str(e.Text)
	}
	an.Summary = trimCap(an.Summary)
}

// trimCap returns s without spare capacity, copying it when it has some. A
// nil slice stays nil and an empty one empty (the JSON output tells them
// apart).
func trimCap[S ~[]E, E any](s S) S {
	switch {
	case cap(s) == len(s):
		return s
	case len(s) == 0:
		if s == nil {
			return nil
		}
		return S{}
	}
	out := make(S, len(s))
	copy(out, s)
	return out
}

// sharer maps the strings of one analysis onto its article body.
type sharer struct {
	body  string
	d     *tdoc
	owned map[string]string // strings copied so far, by value: one copy each
}

// str returns s as a slice of the body when it is one, or a slice of the
// body with the same bytes when s was cut from the joined sentence text;
// otherwise an exact-size copy of s, shared by every equal string of the
// analysis.
func (sh *sharer) str(s string) string {
	if s == "" {
		return ""
	}
	if _, ok := offsetIn(s, sh.body); ok {
		return s
	}
	if sh.d != nil {
		if off, ok := offsetIn(s, sh.d.text); ok {
			if b, ok := sh.fromDoc(s, off); ok {
				return b
			}
		}
	}
	if c, ok := sh.owned[s]; ok {
		return c
	}
	if sh.owned == nil {
		sh.owned = map[string]string{}
	}
	c := strings.Clone(s)
	sh.owned[c] = c
	return c
}

// fromDoc returns the sentence or body text that s, found at byte off of
// the joined text, was cut from. It reports false when the sentences do not
// lie in the body as their offsets say (callers may build sentences by
// hand) or when s spans a gap between sentences the body writes otherwise.
func (sh *sharer) fromDoc(s string, off int) (string, bool) {
	d := sh.d
	end := off + len(s)
	i := sort.Search(len(d.sentOff), func(k int) bool { return d.sentOff[k] > off }) - 1
	j := sort.Search(len(d.sentOff), func(k int) bool { return d.sentOff[k] >= end }) - 1
	if i < 0 || j < i {
		return "", false
	}
	a, b := off-d.sentOff[i], end-d.sentOff[j]
	if i == j && b <= len(d.sents[i].Text) {
		return d.sents[i].Text[a:b], true // the same bytes, in the sentence's memory
	}
	if b > len(d.sents[j].Text) {
		return "", false
	}
	a, b = d.sents[i].Start+a, d.sents[j].Start+b
	if a < 0 || b > len(sh.body) || a > b || sh.body[a:b] != s {
		return "", false
	}
	return sh.body[a:b], true
}

// offsetIn returns the byte offset of s inside the memory of in, and
// whether s lies wholly within it.
func offsetIn(s, in string) (int, bool) {
	if len(s) == 0 || len(in) == 0 {
		return 0, false
	}
	p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
	base := uintptr(unsafe.Pointer(unsafe.StringData(in)))
	if p < base || p-base > uintptr(len(in)) || uintptr(len(in))-(p-base) < uintptr(len(s)) {
		return 0, false
	}
	return int(p - base), true
}
