package summarize

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Acronyms: news introduces an organisation as "Full Name (ACRONYM)" and
// then cites it by the acronym alone; a bare acronym that spells the
// initials of an organisation already named is that organisation. Either
// way the speaker is the full name and the acronym one of its aliases.

// acronymWord reports whether w is written like an acronym: two to eight
// capitals and digits, at least two of them letters ("IMB", "G20").
func acronymWord(w string) bool {
	n := utf8.RuneCountInString(w)
	if n < 2 || n > 8 {
		return false
	}
	letters := 0
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			letters++
		case unicode.IsDigit(r):
		default:
			return false
		}
	}
	return letters >= 2
}

// markAcronyms links each "Full Name (ACR)" of sentence s: the acronym
// span is marked as an alias, and a full name not yet classified becomes
// an organisation (an acronym after a name is not a party label like
// "(D-NY)", which holds a hyphen).
func (r *registry) markAcronyms(s int) {
	d := r.d
	for i := 1; i < len(r.spans[s]); i++ {
		acr := r.spans[s][i]
		if acr.nb-acr.na != 1 || acr.na != acr.a || acr.a < 2 || acr.nb >= len(d.toks) ||
			d.toks[acr.a-1].s != "(" || d.toks[acr.nb].s != ")" || !acronymWord(d.toks[acr.na].s) {
			continue
		}
		r.joinInitials(s, i)
		spans := r.spans[s]
		i = slices.IndexFunc(spans, func(ns nameSpan) bool { return ns.a == acr.a })
		full := &spans[i-1]
		if full.nb != acr.a-1 || full.kind == nkPerson || full.kind == nkPlace || full.nb-full.na < 2 {
			continue
		}
		full.kind, full.acro = nkOrg, d.toks[acr.na].s
		spans[i].kind, spans[i].isAcro = nkOrg, true
	}
}

// joinInitials merges the name runs before the acronym span i of sentence
// s into one organisation name when, with the words joining them, their
// initials spell the acronym: "Joint Chiefs" "of" "Staff" (JCS).
func (r *registry) joinInitials(s, i int) {
	d := r.d
	spans := r.spans[s]
	acr := d.toks[spans[i].na].s
	for j := i - 2; j >= 0 && j >= i-3; j-- {
		lo, hi := spans[j].a, spans[i].a-1
		ok := true
		var words []string
		for k := lo; k < hi && ok; k++ {
			t := &d.toks[k]
			ok = (t.isCap() && !t.poss) || t.is("of", "the", "and", "for", "on", "de", "&")
			words = append(words, t.s)
		}
		if !ok || initials(strings.Join(words, " ")) != acr {
			continue
		}
		ns := r.ch.analyze(lo, hi)
		ns.kind = nkOrg
		r.spans[s] = slices.Concat(spans[:j], []nameSpan{ns}, spans[i:])
		return
	}
}

// linkAcronyms files each acronym given in parentheses under the entity of
// the name before it.
func (r *registry) linkAcronyms() {
	for s := range r.spans {
		for _, ns := range r.spans[s] {
			if ns.acro == "" {
				continue
			}
			if id, ok := r.lookup(r.nameOf(ns)); ok {
				r.byName[strings.ToLower(ns.acro)] = id
			}
		}
	}
}

// byInitials returns the organisation, named first, whose capitalised
// words have acr as initials ("World Ocean Fund" for "WOF"), or -1.
func (r *registry) byInitials(acr string) int {
	if !acronymWord(acr) {
		return -1
	}
	best := -1
	var buf [32]byte
	for id, e := range r.ents {
		if e.org && !e.pseudo && e.name != "" && string(appendInitials(buf[:0], e.name)) == acr && (best < 0 || e.first < r.ents[best].first) {
			best = id
		}
	}
	return best
}

// initials returns the first letters of the capitalised words of name, in
// upper case, leaving out "of", "the", "and", "for" and the like.
func initials(name string) string {
	var buf [32]byte
	return string(appendInitials(buf[:0], name))
}

// appendInitials appends initials(name) to dst. The words are cut as
// strings.FieldsFunc cuts them at spaces and hyphens, byte by byte: no
// byte of a multi-byte rune is either.
func appendInitials(dst []byte, name string) []byte {
	for i := 0; i < len(name); {
		if name[i] == ' ' || name[i] == '-' {
			i++
			continue
		}
		j := i + 1
		for j < len(name) && name[j] != ' ' && name[j] != '-' {
			j++
		}
		w := name[i:j]
		i = j
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) && !strings.EqualFold(w, "The") {
			dst = utf8.AppendRune(dst, r)
		}
	}
	return dst
}
