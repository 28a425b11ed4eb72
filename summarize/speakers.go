package summarize

import (
	"slices"
	"strings"
)

// resolvePronouns records the third-person pronouns of sentence s as
// mentions of what they refer to, in order, so that later pronouns and
// descriptions can chain through them.
func (r *registry) resolvePronouns(s int) {
	d := r.d
	a, b := d.sentTok[s][0], d.sentTok[s][1]
	for i := a; i < b; i++ {
		// A pronoun is a word without a possessive ending ("he's" is
		// none), so its low is the word in lower case; none is longer
		// than "their".
		t := &d.toks[i]
		if t.kind != kWord || t.poss || len(t.low) > 5 {
			continue
		}
		if !pronounFilter.mayHave(t.low) {
			continue
		}
		kind, ok := pronounTable.get(t.low)
		if !ok || kind == "x" || kind == "n" {
			continue
		}
		if id, ok := r.pronoun(kind, s, i); ok {
			r.insertMention(s, mref{ent: id, a: i, b: i + 1, subj: r.isSubject(s, i, i+1)})
		}
	}
}

// mentsPerSentence is the room for mentions each sentence first gets.
const mentsPerSentence = 4

// insertMention adds m to sentence s, keeping its mentions in token order.
func (r *registry) insertMention(s int, m mref) {
	ms := r.ments[s]
	if cap(ms) == 0 && len(r.mentBuf)+mentsPerSentence <= cap(r.mentBuf) {
		// A sentence's first mention takes a window of the shared array:
		// most sentences never outgrow it, and one that does is copied out.
		n := len(r.mentBuf)
		ms = r.mentBuf[n : n : n+mentsPerSentence]
		r.mentBuf = r.mentBuf[:n+mentsPerSentence]
	}
	i, _ := slices.BinarySearchFunc(ms, m.a, func(x mref, a int) int {
		if x.a <= a {
			return -1
		}
		return 1
	})
	r.ments[s] = slices.Insert(ms, i, m)
}

// isSubject reports whether the phrase [lo,hi) of sentence s is a subject:
// the first name of its sentence not after a preposition, or followed by a
// verb.
func (r *registry) isSubject(s, lo, hi int) bool {
	d := r.d
	a, b := d.sentTok[s][0], d.sentTok[s][1]
	if d.toks[hi-1].poss {
		return false
	}
	j := hi
	for j < b && (adverbTable.at(d.toks[j].lower()) || strings.HasSuffix(d.toks[j].lower(), "ly")) {
		j++
	}
	if j < b && d.toks[j].kind == kWord && !d.toks[j].isCap() {
		if l := d.toks[j].lower(); verbish(l) || (strings.HasSuffix(l, "s") && !isFunction(l)) {
			return true // followed by its verb
		}
	}
	if lo > a && prepositionTable.at(d.toks[lo-1].lower()) {
		return false
	}
	return len(r.ments[s]) == 0 || lo <= r.ments[s][0].a
}

// setSpeaker resolves who speaks in f and records the mention. It reports
// false when the subject names no one (an empty or unusable phrase).
func (r *registry) setSpeaker(f *frame, s int) bool {
	d := r.d
	lo, hi := f.subj[0], f.subj[1]
	if hi <= lo {
		return false
	}
	text := strings.TrimSpace(d.span(lo, hi))
	text = strings.TrimSuffix(strings.TrimSuffix(text, "’s"), "'s")
	id := -1
	if hi-lo == 1 {
		if kind, ok := pronounTable.get(strings.ToLower(d.toks[lo].s)); ok {
			if kind == "x" {
				return false
			}
			id, _ = r.pronoun(kind, s, lo)
		}
	}
	// A person named inside a phrase headed by a common noun is not the
	// speaker ("A lawyer for Tom Reed", "Smith's lawyer"); an organisation
	// is, speaking through its unnamed spokesperson ("a spokesman for
	// Apple"), and so is the author of a document ("a statement from X").
	h := r.speakerHead(lo, hi)
	headTok := &d.toks[h]
	common := headTok.kind == kWord && !r.nameTok(h) && !isPronounTok(headTok)
	if common && f.kind != fAccording && !r.canSpeakHead(h) {
		return false // "Figures from the World Bank suggest …": data, not a statement
	}
	var persons, orgs []int
	for _, m := range r.mentionsIn(s, lo, hi) {
		if m.b > hi || m.b <= m.a || (m.b-m.a == 1 && isPronounTok(&d.toks[m.a])) || (common && !r.authorOf(m, h)) {
			continue
		}
		if r.ents[m.ent].org {
			orgs = append(orgs, m.ent)
		} else if !r.ents[m.ent].pseudo && (!common || lx.docNouns[headTok.lower()]) {
			persons = append(persons, m.ent)
		}
	}
	if id < 0 && common && lx.docNouns[headTok.lower()] {
		id = r.owner(s, lo) // "its annual report said": the report's author
	}
	switch {
	case id >= 0:
	case len(persons) > 1 && r.joined(lo, hi):
		f.speaker = r.ents[persons[0]].name + " and " + r.ents[persons[len(persons)-1]].name
	case len(persons) > 0:
		id = persons[len(persons)-1]
	case len(orgs) > 0:
		id = orgs[len(orgs)-1]
	}
	if id < 0 && f.speaker == "" {
		id = r.unknownIn(lo, hi, s, func(a, b int) bool { return !common || r.authorOf(mref{a: a, b: b}, h) })
	}
	if id < 0 && f.speaker == "" && d.toks[lo].isCap() {
		if found, ok := r.resolveAt(text, s, lo); ok {
			id = found // "DesRoiser" for "Dennis DesRosier", "Mr Key"
		}
	}
	if id < 0 && f.speaker == "" {
		first := d.toks[lo].lower()
		head := d.toks[hi-1].lower()
		switch {
		case lx.docNouns[head] && hi-lo <= 3:
			if _, org := lx.orgNouns[d.toks[max(lo, hi-2)].lower()]; org && hi-lo == 3 {
				id, _ = r.nominal([]string{d.toks[hi-2].s}, s, lo) // "the company website"
				break
			}
			ss := r.sentenceSubject(d.sentTok[s][0], lo)
			if strings.HasSuffix(f.cueText, "ing") && ss[1] > ss[0] && ss[0] < lo {
				f.subj = ss // "The UAW issued statement saying …"
				return r.setSpeaker(f, s)
			}
			if definiteDets[first] && hi-lo == 2 {
				id = r.issuer(head, s, lo) // "X issued a statement. … the statement said"
			}
		case definiteDets[first] && hi-lo > 1:
			id, _ = r.nominal(strings.Fields(d.span(lo+1, hi)), s, lo)
			if _, org := lx.orgNouns[head]; id < 0 && org && hi-lo == 2 {
				id = r.unknownSubjectBefore(s, lo) // "Brightwave Energy reported …. The company said …"
			}
		}
		if id < 0 {
			if f.kind != fAccording && !r.canSpeakHead(r.speakerHead(lo, hi)) {
				return false // "Estimates suggest …", "All told, …"
			}
			id = r.pseudo(text, headTok)
		}
	}
	if f.speaker == "" {
		f.speaker = r.ents[id].name
		f.ent = id
		if mi := r.mentionAt(s, lo, hi); mi >= 0 && r.ments[s][mi].ent == id {
			r.ments[s][mi].speaker, r.ments[s][mi].subj = true, true
		} else {
			r.insertMention(s, mref{ent: id, a: lo, b: hi, subj: true, speaker: true})
		}
		if e := r.ents[id]; !e.pseudo && text != e.name && !slices.Contains(e.forms, text) && r.aliasLike(lo, hi) {
			e.forms = append(e.forms, text)
		}
		if e := r.ents[id]; len(e.sents) == 0 || e.sents[len(e.sents)-1] < s {
			if len(e.sents) == 0 {
				e.firstTok = lo
			}
			e.sents = append(e.sents, s)
		}
	}
	return true
}

// nameTok reports whether token i is a capitalised word the article
// treats as a name, not a common noun capitalised only by its position
// ("Figures from …", "Officials said").
func (r *registry) nameTok(i int) bool {
	t := &r.d.toks[i]
	return t.isCap() && (!r.ch.positional(i) || r.ch.capCount[t.base()] > 0 || !speakerNoun(t.lower()) && r.canSpeakHead(i))
}

// authorOf reports whether the name m inside a speaker phrase headed by
// the common noun at h says whose words they are: before the head ("a
// Kremlin spokesman", "Apple's statement") or after "from", "by", "for",
// "of" or "at" ("a statement from the ministry"), but not after "in", "on"
// or "with" ("a study published in Nature"), unless it owns the medium
// ("a statement on Apple's website").
func (r *registry) authorOf(m mref, h int) bool {
	if m.b <= h || r.d.toks[m.b-1].poss {
		return true
	}
	for k := m.a - 1; k > h; k-- {
		if t := r.d.toks[k]; prepositionTable.at(t.lower()) || t.is("close", "familiar") {
			return t.is("from", "by", "for", "of", "at")
		}
	}
	return true
}

// aliasLike reports whether [lo,hi) names its referent the way an alias
// does: a name, or "this/the" + a role or organisation noun.
func (r *registry) aliasLike(lo, hi int) bool {
	d := r.d
	if d.toks[lo].isCap() && !d.toks[lo].is("the", "this", "that", "a", "an") && !isPronounTok(&d.toks[lo]) {
		return true
	}
	head := d.toks[hi-1].lower()
	_, org := lx.orgNouns[head]
	return hi-lo == 2 && definiteDets[d.toks[lo].lower()] && (isRoleTok(d.toks[hi-1]) || org)
}

func isPronounTok(t *tk) bool {
	var buf [32]byte
	_, ok := pronounTable.get(lowerInto(t.s, buf[:]))
	return ok
}

// joined reports whether [lo,hi) holds "and" between names.
func (r *registry) joined(lo, hi int) bool {
	for i := lo; i < hi; i++ {
		if r.d.toks[i].s == "and" {
			return true
		}
	}
	return false
}

// unknownIn makes an entity of an unclassified name inside [lo,hi) of
// sentence s that speaks (keep tells which can): an organisation unless a
// first name says otherwise. It returns -1 when there is none.
func (r *registry) unknownIn(lo, hi, s int, keep func(a, b int) bool) int {
	for _, ns := range r.spans[s] {
		if ns.na >= lo && ns.nb <= hi && ns.nb > ns.na && keep(ns.a, ns.nb) {
			if ns.kind == nkPlace || ns.kind == nkRole {
				continue
			}
			if _, ok := r.unknown[strings.ToLower(r.nameOf(ns))]; !ok {
				continue
			}
			ns.kind = nkOrg
			id := r.add(ns, s)
			r.mention(id, ns, s)
			return id
		}
	}
	return -1
}

// pseudoKey prefixes unnamed sources in registry.byName, apart from names.
const pseudoKey = "\x00"

// pseudo returns the unnamed source written text, creating it.
func (r *registry) pseudo(text string, head *tk) int {
	key := pseudoKey + strings.ToLower(text)
	if id, ok := r.byName[key]; ok {
		return id
	}
	h := head.lower()
	e := r.newEntity()
	e.name, e.pseudo, e.first = text, true, head.sent
	e.plural = strings.HasSuffix(h, "s") && !strings.HasSuffix(h, "ss") && !isPronounTok(head)
	if _, ok := lxRoles.get(strings.TrimSuffix(h, "s")); ok && e.plural {
		h = strings.TrimSuffix(h, "s")
	}
	e.roles = append(e.roles[:0], h)
	e.gender = lxRoles.at(h).gender
	if _, ok := lx.orgNouns[h]; ok {
		e.org, e.orgNoun = true, h
	}
	r.ents = append(r.ents, e)
	r.byName[key] = len(r.ents) - 1
	return len(r.ents) - 1
}
