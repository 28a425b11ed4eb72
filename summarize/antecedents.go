package summarize

import "strings"

// Antecedents: what a description, a pronoun or a document refers back
// to when the article named it earlier in another way. "The company said"
// after "Brightwave Energy reported"; "the agency" after "the World
// Tourism Organization"; "the statement said" after "Harbor Rail issued a
// statement"; "its report" for the organisation "its" refers to.

// unknownSubjectBefore makes an organisation of the latest unclassified
// name that is the subject of its sentence, before token pos of sentence s
// or in the two sentences before, and returns it; -1 when there is none.
// "The company" then names it.
func (r *registry) unknownSubjectBefore(s, pos int) int {
	for t := s; t >= 0 && t >= s-2; t-- {
		end := len(r.d.toks)
		if t == s {
			end = pos
		}
		if id := r.unknownSubjectIn(t, end); id >= 0 {
			return id
		}
	}
	return -1
}

// unknownSubjectIn makes an organisation of the unclassified name that
// opens sentence t, if it starts before token end, and returns it; -1 when
// there is none.
func (r *registry) unknownSubjectIn(t, end int) int {
	for _, ns := range r.spans[t] {
		if ns.kind != nkUnknown || ns.nb <= ns.na || ns.a >= end || ns.placePre || !r.opensClause(t, ns) {
			continue
		}
		key := strings.ToLower(r.nameOf(ns))
		if _, ok := r.unknown[key]; !ok {
			continue
		}
		ns.kind = nkOrg
		id := r.add(ns, t)
		r.mention(id, ns, t)
		delete(r.unknown, key)
		return id
	}
	return -1
}

// issuer returns who issued the document the definite description "the
// DOC" at token pos of sentence s refers back to: the subject of the
// latest sentence, up to three back, that brought in "a/its DOC" ("Harbor
// Rail issued a statement on Tuesday"); -1 when there is none.
func (r *registry) issuer(doc string, s, pos int) int {
	d := r.d
	for t := s; t >= 0 && t >= s-3; t-- {
		a, b := d.sentTok[t][0], d.sentTok[t][1]
		if t == s {
			b = pos
		}
		for k := b - 1; k > a; k-- {
			if d.toks[k].lower() != doc {
				continue
			}
			np := r.npBefore(k, a)
			if id := r.owner(t, np[0]); id >= 0 {
				return id
			}
			if !d.toks[np[0]].is("a", "an") {
				continue
			}
			for _, m := range r.ments[t] {
				if e := r.ents[m.ent]; m.subj && m.b <= k && !e.pseudo && e.name != "" {
					return m.ent
				}
			}
			return r.unknownSubjectIn(t, k)
		}
	}
	return -1
}

// owner returns whose document the noun phrase at token lo of sentence s
// names: the referent of a possessive pronoun ("its report") or the
// possessive name ("the WMO's report"); -1 when it names no owner.
func (r *registry) owner(s, lo int) int {
	d := r.d
	t := &d.toks[lo]
	if t.is("its", "his", "her", "their") {
		id, _ := r.pronoun(pronounTable.at(t.lower()), s, lo)
		return id
	}
	for _, m := range r.mentionsIn(s, lo, lo+8) {
		if m.b > m.a && d.toks[m.b-1].poss && !r.ents[m.ent].pseudo {
			return m.ent
		}
		break
	}
	return -1
}

// opensClause reports whether ns is the subject that opens sentence s,
// with its verb right after it ("Brightwave Energy reported …").
func (r *registry) opensClause(s int, ns nameSpan) bool {
	d := r.d
	a, b := d.sentTok[s][0], d.sentTok[s][1]
	if ns.nb >= b || r.sentenceSubject(a, b)[0] != ns.a {
		return false
	}
	n := d.toks[ns.nb]
	l := n.lower()
	return n.kind == kWord && !n.isCap() && (verbish(l) || pastForms[l] || (strings.HasSuffix(l, "s") && !isFunction(l)))
}

// unknownPersonBefore makes a person of gender g of the latest
// unclassified name of two or more words that opens a clause before token
// pos of sentence sent or in the two sentences before, and returns it; -1
// when there is none. A "he" or "she" with no one else to refer to names
// it.
func (r *registry) unknownPersonBefore(sent, pos int, g byte) int {
	for t := sent; t >= 0 && t >= sent-2; t-- {
		for i := len(r.spans[t]) - 1; i >= 0; i-- {
			ns := r.spans[t][i]
			key := strings.ToLower(r.nameOf(ns))
			if _, ok := r.unknown[key]; !ok || ns.kind != nkUnknown || ns.nb-ns.na < 2 || (t == sent && ns.a >= pos) ||
				ns.placePre || !r.opensClause(t, ns) {
				continue
			}
			ns.kind, ns.gender = nkPerson, g
			id := r.add(ns, t)
			r.mention(id, ns, t)
			delete(r.unknown, key)
			return id
		}
	}
	return -1
}

// ageWord reports whether w describes a person by age ("78-year-old").
func ageWord(w string) bool {
	return strings.HasSuffix(w, "-year-old") && w[0] >= '0' && w[0] <= '9'
}

// genericOrgNouns refer back to any named organisation.
var genericOrgNouns = wordsOf("group organisation organization body institution")

// orgClassFits reports whether a definite description of class want ("the
// agency": government) can refer back to an organisation of class got: the
// same class; "the agency" also an international or public body
// ("group"), "the newspaper" also a company; an organisation of unknown
// class a description of a company or outlet.
func orgClassFits(want, got string) bool {
	switch {
	case want == got:
		return true
	case got == "":
		return want == "company" || want == "media"
	case want == "government":
		return got == "group"
	case want == "media":
		return got == "company"
	}
	return false
}

// orgClassOf returns the kind of organisation e is ("company", "media",
// "government", "group", …): from the noun that introduced it, else from
// the last word of its name ("… Union", "… Agency"), else "" when unknown.
func orgClassOf(e *entity) string {
	if c, ok := lx.orgNouns[e.orgNoun]; ok {
		return c
	}
	var buf [64]byte
	n, _, _, last := edgeFields(lowerInto(e.name, buf[:])) // compared only: no allocation
	if n == 0 {
		return ""
	}
	last = strings.TrimSuffix(last, ".")
	if c, ok := lx.orgNouns[last]; ok {
		return c
	}
	switch last {
	case "inc", "corp", "co", "ltd", "llc", "plc", "corporation", "holdings", "industries", "enterprises":
		return "company"
	}
	return ""
}
