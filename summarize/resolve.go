package summarize

import (
	"slices"
	"strings"
)

// resolve maps a mention ("Trump", "US President Trump", "he", "This
// analyst", "the company") in sentence sent to the fullest name of the
// person or organisation it refers to. Pronouns take the most recent
// compatible subject earlier in the sentence or in the previous sentences;
// "this/the" + role noun takes the most recent person with that role (or
// one of its kind, an analyst for a professor), else the latest speaker.
// ok is false when the mention names no one the article names (an unnamed
// source included); name is then the mention as written.
func (r *registry) resolve(mention string, sent int) (name string, ok bool) {
	if sent < 0 || sent >= len(r.d.sents) {
		sent = max(0, min(sent, len(r.d.sents)-1))
	}
	pos := -1
	if len(r.d.sents) > 0 {
		first := strings.ToLower(strings.Fields(mention + " x")[0])
		a, b := r.d.sentTok[sent][0], r.d.sentTok[sent][1]
		pos = b
		for i := a; i < b; i++ {
			if strings.ToLower(r.d.toks[i].s) == first {
				pos = i
				break
			}
		}
	}
	id, found := r.resolveAt(mention, sent, pos)
	if !found || r.ents[id].pseudo {
		return mention, false
	}
	return r.ents[id].name, true
}

// resolveAt is resolve for a mention at token pos of sentence sent.
func (r *registry) resolveAt(m string, sent, pos int) (int, bool) {
	m = strings.TrimSpace(strings.Trim(m, ",.;:"))
	for _, suf := range []string{"’s", "'s", "’", "'"} {
		m = strings.TrimSuffix(m, suf)
	}
	words := strings.Fields(m)
	if len(words) == 0 || len(r.d.sents) == 0 {
		return -1, false
	}
	l := strings.ToLower(m)
	if kind, ok := pronounTable.get(l); ok {
		return r.pronoun(kind, sent, pos)
	}
	first := strings.ToLower(words[0])
	if len(words) > 1 && (definiteDets[first] || determinerTable.at(first)) {
		if id, ok := r.lookup(strings.Join(words[1:], " ")); ok {
			return id, true // "the Kremlin", "The New York Times"
		}
		if !definiteDets[first] {
			return -1, false // an indefinite introduces someone new
		}
		return r.nominal(words[1:], sent, pos)
	}
	if id, ok := r.lookup(m); ok {
		return id, true
	}
	for k := len(words) - 2; k >= 0; k-- { // "US President Trump" -> "Trump"
		if _, isRole := lxRoles.get(strings.ToLower(strings.TrimSuffix(words[k], "."))); isRole {
			return r.lookup(strings.Join(words[k+1:], " "))
		}
	}
	if n := placePrefix(words); n > 0 && n < len(words) {
		return r.lookup(strings.Join(words[n:], " "))
	}
	return -1, false
}

// lookup finds a named entity by a full form or, for one word, by a first
// or last word of one of its names, or by a surname one typo away. Among
// several, the one named first wins.
func (r *registry) lookup(name string) (int, bool) {
	var buf [64]byte
	key := lowerInto(name, buf[:]) // most names are short ASCII: no allocation
	if id, ok := r.byName[key]; ok && r.ents[id].name != "" && !r.ents[id].pseudo {
		return id, true
	}
	if strings.Contains(key, " ") {
		return -1, false
	}
	best := -1
	for _, id := range r.byWord[key] {
		if e := r.ents[id]; e.name != "" && (best < 0 || e.first < r.ents[best].first) {
			best = id
		}
	}
	if best >= 0 {
		return best, true
	}
	if id := r.byInitials(strings.TrimSpace(name)); id >= 0 {
		return id, true // "WOF" for "World Ocean Fund"
	}
	if len(key) < 6 || lxFirstNames.at(key) != 0 {
		return -1, false
	}
	for _, sn := range r.surnames {
		if sn.word[0] == key[0] && oneEdit(sn.word, key) && r.ents[sn.id].name != "" {
			return sn.id, true // "DesRoiser" for "DesRosier"
		}
	}
	return -1, false
}

// oneEdit reports whether a and b differ by exactly one substitution,
// insertion, deletion or transposition of adjacent bytes.
func oneEdit(a, b string) bool {
	if len(a) < len(b) {
		a, b = b, a
	}
	if len(a)-len(b) > 1 || a == b {
		return false
	}
	i := 0
	for i < len(b) && a[i] == b[i] {
		i++
	}
	if len(a) > len(b) {
		return a[i+1:] == b[i:]
	}
	if a[i+1:] == b[i+1:] {
		return true
	}
	return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
}

// candidates calls fn on the mentions before token pos in sentence sent,
// then in up to back previous sentences; in each sentence subjects come
// first, latest first. fn returns true to stop.
func (r *registry) candidates(sent, pos, back int, fn func(m mref) bool) {
	for s := sent; s >= 0 && s >= sent-back; s-- {
		ms := r.ments[s]
		for pass := 0; pass < 2; pass++ {
			for i := len(ms) - 1; i >= 0; i-- {
				m := ms[i]
				if (s == sent && m.a >= pos) || m.subj != (pass == 0) {
					continue
				}
				if fn(m) {
					return
				}
			}
		}
	}
}

// pronoun resolves a pronoun of kind m, f (a person of that gender or
// unknown gender), p (an organisation or a group) or n (an organisation).
func (r *registry) pronoun(kind string, sent, pos int) (int, bool) {
	found := -1
	r.candidates(sent, pos, 2, r.compatible(kind, &found, false))
	if found < 0 {
		r.candidates(sent, pos, 6, r.compatible(kind, &found, true))
	}
	if found < 0 && (kind == "m" || kind == "f") {
		found = r.unknownPersonBefore(sent, pos, kind[0]) // "Jana Novak runs …. She said …"
	}
	return found, found >= 0
}

// compatible returns a candidates callback that stores in *found the first
// entity a pronoun of kind can refer to; subjOnly keeps to subjects.
func (r *registry) compatible(kind string, found *int, subjOnly bool) func(m mref) bool {
	return func(m mref) bool {
		if subjOnly && !m.subj {
			return false
		}
		e := r.ents[m.ent]
		person := !e.org && (!e.pseudo || personHead(e))
		var ok bool
		switch kind {
		case "m":
			ok = person && !e.plural && e.gender != 'f'
		case "f":
			ok = person && !e.plural && e.gender != 'm'
		case "p":
			ok = e.org || e.plural
		case "n":
			ok = e.org && !e.plural
		}
		if ok {
			*found = m.ent
		}
		return ok
	}
}

// personHead reports whether an unnamed source is a person ("the insider").
func personHead(e *entity) bool {
	for _, ro := range e.roles {
		if r, ok := lxRoles.get(ro); ok && r.class != "mod" {
			return true
		}
	}
	return false
}

// nominal resolves a definite description ("analyst", "the company")
// given without its determiner.
func (r *registry) nominal(words []string, sent, pos int) (int, bool) {
	if len(words) == 0 {
		return -1, false
	}
	head := strings.ToLower(strings.TrimSuffix(strings.TrimSuffix(words[len(words)-1], "’s"), "'s"))
	orgClass, isOrg := lx.orgNouns[head]
	ro, isRole := lxRoles.get(head)
	if ageWord(head) {
		ro, isRole = role{class: "age"}, true // "the 78-year-old": the person just named
	}
	match := func(e *entity, exact bool) bool {
		switch {
		case isOrg:
			if !e.org {
				return false
			}
			if exact {
				var buf [64]byte
				return e.orgNoun == head || hasLastWord(lowerInto(e.name, buf[:]), head) // compared only: no allocation
			}
			switch {
			case e.pseudo:
				return false // "the opposition" is not "the agency" of the sentence before
			case genericOrgNouns[head]:
				return true // "the group", "the organisation": any named one
			case head == "government":
				return orgClassOf(e) == "government" // a government, never a board or agency named before
			}
			return orgClassFits(orgClass, orgClassOf(e))
		case isRole && ro.class != "mod":
			if e.org || e.pseudo && !slices.Contains(e.roles, head) {
				return false
			}
			for _, x := range e.roles {
				if x == head || (!exact && lxRoles.at(x).class == ro.class) {
					return true
				}
			}
			return false
		}
		return e.pseudo && slices.Contains(e.roles, head)
	}
	for _, step := range []struct {
		exact bool
		back  int
	}{{true, 3}, {false, 3}, {true, sent}, {false, sent}} {
		found := -1
		r.candidates(sent, pos, step.back, func(m mref) bool {
			if match(r.ents[m.ent], step.exact) {
				found = m.ent
			}
			return found >= 0
		})
		if found >= 0 {
			return found, true
		}
	}
	if isOrg || !isRole {
		return -1, false
	}
	found := -1
	r.candidates(sent, pos, 2, func(m mref) bool {
		if e := r.ents[m.ent]; (m.speaker || (m.subj && m.a < pos)) && !e.org {
			found = m.ent
		}
		return found >= 0
	})
	return found, found >= 0
}
