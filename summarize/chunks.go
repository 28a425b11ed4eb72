package summarize

import "strings"

type nkind uint8

const (
	nkUnknown nkind = iota
	nkPerson
	nkOrg
	nkPlace
	nkRole // titles only: "the Chief Executive Officer"
)

// nameSpan is a run of capitalised words analysed as
// [organisation] [titles] name: "Apple Inc. CEO Steve Jobs".
type nameSpan struct {
	a, b     int // the whole run, with titles and any lower-case role words before it
	na, nb   int // the name
	kind     nkind
	roles    []string // role nouns, lower case ("president", "spokesman")
	roleText string   // the title chain as written ("US President")
	appos    string   // a description set off by commas ("a professor at ...")
	orgA     int      // an organisation inside the chain ("Apple Inc."), orgA < orgB
	orgB     int
	orgNoun  string // the noun that introduced an organisation ("newspaper")
	gender   byte
	placePre bool   // the name follows a place with no title ("United States Hamdullah Mohib")
	the      bool   // a capitalised "The" mid-sentence opens the name ("The New York Times")
	acro     string // the acronym given in parentheses right after the name ("IMB")
	isAcro   bool   // the span is such an acronym, an alias of the name before it
}

// chunker finds name runs; capCount counts each word's capitalised
// occurrences away from a sentence start (Mikheev's document-centric
// evidence for sentence-initial words).
type chunker struct {
	d        *tdoc
	capCount map[string]int
	spans    []nameSpan // the runs of every sentence so far, which chunks returns windows of
}

// newChunkerIn lays out in c, whose fields it overwrites (a pooled
// chunker: see releaseRegistry), the chunker of d, with the counts of its
// capitalised words.
func newChunkerIn(c *chunker, d *tdoc) *chunker {
	*c = chunker{d: d, capCount: pooledCounts(), spans: pooledSpans(len(d.toks)/12 + 4)}
	for i := range d.toks {
		if t := &d.toks[i]; t.isCap() && !c.positional(i) {
			c.capCount[t.base()]++
		}
	}
	return c
}

// positional reports whether token i is capitalised by position: first in
// its sentence or right after an opening quotation mark or bracket.
func (c *chunker) positional(i int) bool {
	d := c.d
	if i == d.sentTok[d.toks[i].sent][0] {
		return true
	}
	p := d.toks[i-1]
	return (p.kind == kQuote && p.open && p.pair != i-1) || p.s == "(" || p.s == ":"
}

// isFunction reports whether w (lower case) is a closed-class word.
func isFunction(w string) bool {
	if !functionFilter.mayHave(w) {
		return false
	}
	return functionWords.has(w)
}

// functionWords is the union of the closed classes isFunction asks
// about: pronouns, sentence starters, determiners, prepositions,
// subordinators, adverbs and auxiliaries.
var functionWords = newLexTable(unionSet(stringKeys(pronouns), lx.starters, determiners, prepositions, subordinators,
	adverbs, auxiliaries))

// functionFilter turns most words away before the lookups of isFunction.
var functionFilter = newWordFilter(lx.starters, determiners, prepositions, subordinators, adverbs, auxiliaries,
	stringKeys(pronouns))

// nameTok reports whether token i can be part of a name.
func (c *chunker) nameTok(i, b int) bool {
	t := &c.d.toks[i]
	if !t.isCap() || t.s == "I" || isMonthName(t.base()) || isDayName(t.base()) {
		return false
	}
	if !c.positional(i) {
		return true
	}
	l := t.lower()
	if isFunction(l) {
		return false
	}
	if acronymWord(t.s) && !notOrgAcronyms[t.s] {
		return true // "(WMO)", "KCNA said"
	}
	if c.capCount[t.base()] > 0 || placeFilter.mayHave(t.base()) && placeWords.has(t.base()) {
		return true
	}
	if strings.HasSuffix(l, "ly") && lxFirstNames.at(l) == 0 {
		return false // "Recently, ..."
	}
	// A word that opens a run of capitalised words is part of the name:
	// "Jusman Syafii Djamal, ...", "Apple Corps claims ..."; so is one an
	// appositive describes: "NetWatch, a trade group for …, said".
	return i+1 < b && c.d.toks[i+1].isCap() && !c.positional(i+1) || c.described(i, b)
}

// described reports whether the word at i is followed by an appositive
// naming a role or an organisation kind: ", a trade group …,".
func (c *chunker) described(i, b int) bool {
	d := c.d
	if i+2 >= b || d.toks[i+1].s != "," || !d.toks[i+2].is("a", "an", "the") || timeWordTable.at(d.toks[i].lower()) {
		return false
	}
	j := i + 2
	for j < b && d.toks[j].s != "," && d.toks[j].kind == kWord {
		if t := d.toks[j]; !t.isCap() && verbish(t.lower()) {
			return false
		}
		j++
	}
	roles, org := descNouns(d.toks[i+2 : j])
	return len(roles) > 0 || org != ""
}

// chunks returns the name runs of sentence s, nil when there are none.
// The runs of all sentences share one array, each a capped window of it,
// so that an article costs a few allocations rather than a few a
// sentence; appending to a window copies it, as to any full slice.
func (c *chunker) chunks(s int) []nameSpan {
	d := c.d
	a, b := d.sentTok[s][0], d.sentTok[s][1]
	first := len(c.spans)
	out := c.spans
	for i := a; i < b; {
		if !c.nameTok(i, b) {
			i++
			continue
		}
		j := i + 1
		for j < b && !d.toks[j-1].poss {
			if c.nameTok(j, b) {
				j++
				continue
			}
			if j+1 < b && (c.connector(i, j) || c.orgAnd(j, b)) && c.nameTok(j+1, b) {
				j++
				continue
			}
			if j+2 < b && d.toks[j].s == "of" && d.toks[j+1].s == "the" && c.connector(i, j) && c.nameTok(j+2, b) {
				j += 2
				continue
			}
			break
		}
		for k := i + 1; k < j-1; k++ {
			if t := d.toks[k]; strings.HasSuffix(t.s, ".") && lxOrgSuffix.at(t.lower()) {
				j = k + 1 // "of Apple Inc. Steve Jobs": two names
				break
			}
		}
		start := i
		if d.toks[i].is("the", "a", "an") {
			start++
		}
		if start < j {
			ns := c.analyze(start, j)
			ns.the = start > i && d.toks[i].s == "The" && !c.positional(i)
			for len(out) > first && out[len(out)-1].a >= ns.a {
				out = out[:len(out)-1] // swallowed by the title chain
			}
			out = append(out, ns)
		}
		i = j
	}
	c.spans = out
	if len(out) == first {
		return nil
	}
	return out[first:len(out):len(out)]
}

// connector reports whether the lower-case token j joins the run started at
// i: a name particle, or "of" after an organisation or title word ("Bank of",
// "Secretary of State").
func (c *chunker) connector(i, j int) bool {
	t := &c.d.toks[j]
	switch t.s {
	case "de", "van", "von", "der", "den", "bin", "ibn", "al", "el", "la", "le", "du", "da", "dos", "del", "&":
		return true
	case "of":
		p := strings.TrimSuffix(c.d.toks[j-1].lower(), ".")
		_, isRole := lxRoles.get(p)
		return lxOrgPrefix.at(p) || lxOrgSuffix.at(p) || isRole
	}
	return false
}

// orgAnd reports whether "and" at token j joins the words of one
// organisation's name: the run after it ends with an organisation word
// and the run before it does not ("Food and Drug Administration", but not
// "Apple Inc. and Globex Corp.").
func (c *chunker) orgAnd(j, b int) bool {
	d := c.d
	if !d.toks[j].is("and") || lxOrgSuffix.at(strings.TrimSuffix(d.toks[j-1].lower(), ".")) {
		return false
	}
	k := j + 1
	for k < b && c.nameTok(k, b) && !d.toks[k].poss {
		k++
	}
	return k > j+1 && lxOrgSuffix.at(strings.TrimSuffix(d.toks[k-1].lower(), "."))
}

// analyze splits the run [a,b) into organisation, titles and name.
func (c *chunker) analyze(a, b int) nameSpan {
	d := c.d
	ns := nameSpan{a: a, b: b, na: a, nb: b}
	words := make([]string, 0, b-a)
	for i := a; i < b; i++ {
		words = append(words, d.toks[i].base())
	}
	whole := d.joinBases(a, b) // strings.Join(words, " ")
	last := strings.TrimSuffix(d.toks[b-1].lowerBase(), ".")
	var buf [64]byte
	switch {
	case isPlace(whole):
		ns.kind = nkPlace
		return ns
	case lxOrgSuffix.at(last) || lxOrgNames.atBytes(d.appendLowJoin(buf[:0], a, b)) || isAcronymOrg(words) ||
		(len(words) > 2 && lxOrgPrefix.at(d.toks[a].lowerBase()) && words[1] == "of"):
		ns.kind = nkOrg
		c.orgIntro(&ns)
		return ns
	}
	k, allRoles := -1, true
	for i := a; i < b; i++ {
		r, ok := lxRoles.get(strings.TrimSuffix(d.toks[i].lower(), "."))
		allRoles = allRoles && ok
		if ok && r.class != "mod" && i < b-1 && c.nameLike(i+1) {
			k = i
		}
	}
	if allRoles {
		ns.kind, ns.na = nkRole, b
		return ns
	}
	if k >= 0 {
		ns.na = k + 1
		c.titles(&ns, a, k+1)
	} else if c.commonTitle(a, b) {
		ns.na, ns.roleText = a+1, d.toks[a].lower() // "Firefighter Ben Cole reached …"
	} else if n := c.placePrefix(a, b); n > 0 && n < len(words) {
		ns.na, ns.placePre = a+n, true
	}
	c.rolesBefore(&ns)
	name := d.toks[ns.na:ns.nb]
	first := name[0].lowerBase() // strings.ToLower(name[0].base()), made once by tokenize
	if g := lxFirstNames.at(first); g != 0 {
		if g != 'u' && ns.gender == 0 {
			ns.gender = g
		}
	}
	switch {
	case ns.na == ns.nb:
		ns.kind = nkRole
	case len(ns.roles) > 0 || (lxFirstNames.at(first) != 0 && len(name) > 1) || hasInitial(name):
		ns.kind = nkPerson
	case ns.na == a && c.orgIntro(&ns):
		ns.kind = nkOrg
	}
	if ns.gender == 0 && ns.kind == nkPerson && len(name) > 1 {
		l := strings.ToLower(name[len(name)-1].s)
		if strings.HasSuffix(l, "ova") || strings.HasSuffix(l, "eva") || strings.HasSuffix(l, "skaya") {
			ns.gender = 'f' // Slavic feminine surnames
		}
	}
	return ns
}

// placePrefix is placePrefix of the bases of tokens [a,b), their joins
// taken from the text rather than built where it has them.
func (c *chunker) placePrefix(a, b int) int {
	for n := min(lx.maxPlace, b-a); n > 0; n-- {
		if isPlace(c.d.joinBases(a, a+n)) {
			return n
		}
	}
	return 0
}

// nameLike reports whether token i can start the name after a title.
func (c *chunker) nameLike(i int) bool {
	t := &c.d.toks[i]
	_, isRole := lxRoles.get(t.lower())
	return t.isCap() && !isRole && !placeWords.has(t.base()) && !lxOrgSuffix.at(strings.TrimSuffix(t.lower(), "."))
}

// commonTitle reports whether the run [a,b) opens its sentence with a
// common noun capitalised only by position, used as a title before a full
// name ("Firefighter Ben Cole", "Survivor Anna Berg"): a word the article
// never capitalises elsewhere, not a name, place or known title, followed
// by a first name and a surname.
func (c *chunker) commonTitle(a, b int) bool {
	d := c.d
	if b-a < 3 || !c.positional(a) || d.toks[a].poss {
		return false
	}
	w := d.toks[a].base()
	l := strings.ToLower(w)
	if _, isRole := lxRoles.get(l); isRole || c.capCount[w] > 0 || lxFirstNames.at(l) != 0 || isPlace(w) || lxOrgSuffix.at(l) || lxOrgNames.at(l) {
		return false
	}
	return lxFirstNames.at(d.toks[a+1].lowerBase()) != 0 && !c.positional(a+1)
}
