package summarize

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// entity is one person, organisation or unnamed source of an article.
type entity struct {
	name     string
	forms    []string // every way the article names it, in order
	desc     string
	descApp  bool // desc comes from an appositive, not a title
	roles    []string
	orgNoun  string
	org      bool
	pseudo   bool // an unnamed source ("a Russian newspaper", "critics"): never listed
	plural   bool
	gender   byte
	sents    []int
	first    int
	firstTok int // token of the first recorded mention
	mentions int
}

// mref is one place an entity is named. subj marks the subject of a
// clause, speaker the subject of a reporting verb.
type mref struct {
	ent           int
	a, b          int
	subj, speaker bool
}

// registry is the document-level register of the people and organisations
// an article names, with every mention, the reporting frames of each
// sentence, and what its pronouns and descriptions refer to.
type registry struct {
	d        *tdoc
	ch       *chunker
	ents     []*entity
	byName   map[string]int   // lower-case name or form -> entity
	byWord   map[string][]int // lower-case first or last word of a form -> entities
	spans    [][]nameSpan
	ments    [][]mref
	mentBuf  []mref // room for the first mentions of every sentence (insertMention)
	frames   [][]frame
	frameBuf []frame             // the array the frames of the sentences are windows of (findFrames)
	keyBuf   []byte              // the bytes of unknown\'s keys (keyOf)
	unknown  map[string]nameSpan // unclassified names, made entities if they speak
	surnames []surname           // last words of people's full names, for typos
	sc       *regScratch         // the pooled memory the registry lives in (releaseRegistry)
}

// surname is the lower-case last word of a person's full name.
type surname struct {
	word string
	id   int
}

// newRegistry builds the register from the article's sentences: names,
// titles and appositives, aliases merged under the fullest name, then the
// reporting frames and pronouns sentence by sentence.
func newRegistry(sents []Sentence) *registry { return newRegistryLow(sents, nil) }

// newRegistryLow is newRegistry with the sentences already in lower case
// (lowerSentences; nil to lower them here). The registry lives in pooled
// memory (regScratch), which the caller may hand back with
// releaseRegistry once done with it, as Analyze does.
func newRegistryLow(sents []Sentence, lows []lowSent) *registry {
	sc := pooledRegistry()
	d := buildDocIn(&sc.doc, sents, lows)
	r := &sc.reg
	r.d, r.ch, r.sc = d, newChunkerIn(&sc.ch, d), sc
	r.spans, r.ments, r.frames = sized(r.spans, len(sents)), sized(r.ments, len(sents)), sized(r.frames, len(sents))
	r.mentBuf = pooledMrefs(mentsPerSentence * len(sents))
	if cap(r.frameBuf) < len(sents) { // about a frame a sentence at most, in news
		r.frameBuf = make([]frame, 0, regrown(cap(r.frameBuf), len(sents)))
	}
	r.frameBuf = r.frameBuf[:0]
	for s := range sents {
		r.spans[s] = r.ch.chunks(s)
		for i := range r.spans[s] {
			ns := &r.spans[s][i]
			if desc, roles, org := r.ch.appositive(ns); desc != "" {
				ns.roles = append(ns.roles, roles...)
				ns.orgNoun = cmp.Or(ns.orgNoun, org)
				if ns.kind == nkUnknown && ns.nb > ns.na {
					ns.kind = nkOrg
					if len(roles) > 0 {
						ns.kind = nkPerson
					}
				}
				ns.appos = desc
			}
		}
		r.markAcronyms(s)
	}
	for s := range sents {
		for _, ns := range r.spans[s] {
			if ns.isAcro || (ns.nb-ns.na == 1 && r.byInitials(r.d.toks[ns.na].s) >= 0) {
				continue // an alias of a name already registered
			}
			if ns.kind == nkOrg || (ns.kind == nkPerson && ns.nb-ns.na > 1) {
				r.add(ns, s)
			}
		}
	}
	r.mergeSurnames()
	r.linkAcronyms()
	for s := range sents {
		for _, ns := range r.spans[s] {
			r.attach(ns, s)
		}
	}
	r.promoteUnknown()
	for s := range sents {
		r.frames[s] = r.findFrames(s)
	}
	return r
}

// nameOf returns the name words of ns as written, without possessives.
func (r *registry) nameOf(ns nameSpan) string { return r.d.joinBases(ns.na, ns.nb) }

// add registers ns as a new entity, or folds it into the one of that name.
func (r *registry) add(ns nameSpan, s int) int {
	name := r.nameOf(ns)
	var buf [64]byte
	id, ok := r.byName[lowerInto(name, buf[:])] // looked up only: no allocation
	if !ok {
		id = len(r.ents)
		e := r.newEntity()
		e.name, e.first, e.org = name, s, ns.kind == nkOrg
		r.ents = append(r.ents, e)
		r.index(id, name)
	}
	r.ents[id].mentions++
	r.enrich(id, ns)
	return id
}

// enrich adds what mention ns tells of entity id: gender, roles,
// description, the noun that introduced an organisation.
func (r *registry) enrich(id int, ns nameSpan) {
	e := r.ents[id]
	if ns.the && ns.kind == nkOrg && !strings.HasPrefix(e.name, "The ") {
		e.name = "The " + e.name // as the article writes it: "The New York Times"
		r.index(id, e.name)
	}
	e.gender = max(e.gender, ns.gender)
	if ns.kind == nkPerson {
		e.org = false
	}
	for _, ro := range ns.roles {
		if !slices.Contains(e.roles, ro) {
			e.roles = append(e.roles, ro)
		}
	}
	e.orgNoun = cmp.Or(e.orgNoun, ns.orgNoun)
	if ns.appos != "" {
		if !e.descApp {
			e.desc, e.descApp = ns.appos, true
		}
	} else if e.desc == "" && ns.roleText != "" {
		e.desc = ns.roleText
	}
}

// index makes form findable by its full text and first and last words.
func (r *registry) index(id int, form string) {
	var buf [64]byte
	key := r.keyOf(lowerInto(form, buf[:])) // its words are keys too
	if _, ok := r.byName[key]; !ok {
		r.byName[key] = id
	}
	n, first, prev, last := edgeFields(key) // strings.Fields(key), without the slice
	if n < 2 {
		return
	}
	if (last == "jr." || last == "sr." || last == "ii" || last == "iii") && n > 2 {
		last = prev
	}
	for _, k := range [2]string{first, last} {
		if !slices.Contains(r.byWord[k], id) {
			r.byWord[k] = append(r.byWord[k], id)
		}
	}
	if !r.ents[id].org && len(last) >= 6 {
		r.surnames = append(r.surnames, surname{last, id})
	}
}

// attach records the mention ns in sentence s, finding or creating its
// entity.
func (r *registry) attach(ns nameSpan, s int) {
	if ns.orgB > ns.orgA {
		sub := r.ch.analyze(ns.orgA, ns.orgB)
		id, ok := r.lookup(r.nameOf(sub))
		if !ok && sub.kind == nkOrg {
			id, ok = r.add(sub, s), true // "Kremlin" in "Kremlin spokesman Dmitry Peskov"
		}
		if ok && r.ents[id].org {
			r.mention(id, sub, s)
		}
	}
	if ns.kind == nkPlace || ns.kind == nkRole || ns.na >= ns.nb {
		return
	}
	name := r.nameOf(ns)
	id, ok := r.lookup(name)
	if !ok && ns.kind != nkUnknown && !ns.placePre {
		id, ok = r.add(ns, s), true
	}
	if !ok {
		var buf [64]byte
		if low := lowerInto(name, buf[:]); !r.isUnknown(low) {
			r.unknown[r.keyOf(low)] = ns // a key of its own
		}
		return
	}
	if ns.kind != nkUnknown && !slices.Contains(r.ents[id].forms, name) {
		r.enrich(id, ns) // roles and description of a later, fuller mention
	}
	r.mention(id, ns, s)
}

// mention records entity id at ns in sentence s.
func (r *registry) mention(id int, ns nameSpan, s int) {
	e := r.ents[id]
	var buf [64]byte
	for n, f := range []string{r.nameOf(ns), r.d.span(ns.a, ns.nb)} {
		f = strings.TrimSuffix(strings.TrimSuffix(f, "’s"), "'s")
		if f != e.name && !slices.Contains(e.forms, f) {
			e.forms = append(e.forms, f)
			if n == 0 {
				r.index(id, f)
			} else if low := lowerInto(f, buf[:]); !r.hasName(low) {
				r.byName[r.keyOf(low)] = id
			}
		}
	}
	if len(e.sents) == 0 {
		e.firstTok = ns.na
	}
	if len(e.sents) == 0 || e.sents[len(e.sents)-1] != s {
		e.sents = append(e.sents, s)
	}
	m := mref{ent: id, a: ns.a, b: ns.nb}
	m.subj = r.isSubject(s, ns.a, ns.nb)
	r.insertMention(s, m)
}

// people returns the register's named entries, in order of first mention.
func (r *registry) people() []Person {
	var out []Person
	order := make([]int, 0, len(r.ents))
	for i, e := range r.ents {
		if e.name != "" && !e.pseudo && len(e.sents) > 0 {
			order = append(order, i)
		}
	}
	slices.SortStableFunc(order, func(a, b int) int {
		if d := r.ents[a].sents[0] - r.ents[b].sents[0]; d != 0 {
			return d
		}
		return r.ents[a].firstTok - r.ents[b].firstTok
	})
	if len(order) > 0 {
		out = make([]Person, 0, len(order)) // the exact size: nothing for shareBody to trim
	}
	for _, i := range order {
		e := r.ents[i]
		p := Person{Name: e.name, Description: lowerArticle(cmp.Or(e.desc, e.orgNoun)), Org: e.org, Sentences: cloneExact(e.sents)}
		for _, f := range e.forms {
			if f != e.name && !slices.Contains(p.Aliases, f) {
				if p.Aliases == nil {
					p.Aliases = make([]string, 0, len(e.forms)) // room for all: no regrowing
				}
				p.Aliases = append(p.Aliases, f)
			}
		}
		out = append(out, p)
	}
	return out
}

// lowerArticle lowercases a description's leading article, capitalised
// only because the description opened its sentence ("A Russian security
// analyst, Konstantin Blokhin, said"): "A"/"An" always, "The" when a common
// word follows ("The newspaper", not "The New School").
func lowerArticle(desc string) string {
	first, rest, ok := strings.Cut(desc, " ")
	if !ok || rest == "" {
		return desc
	}
	switch first {
	case "A", "An":
	case "The":
		if r, _ := utf8.DecodeRuneInString(rest); unicode.IsUpper(r) {
			return desc
		}
	default:
		return desc
	}
	return strings.ToLower(first) + " " + rest
}
