package summarize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Title chains, appositives and the gazetteer tests that classify a name
// run: "Kremlin spokesman Dmitry Peskov", "Nina Khrushcheva, a professor at
// ...", "The newspaper Moskovsky Komsomolets".

// titles records the title chain [a,k) of ns: role nouns, gender, and the
// organisation it names ("Apple Inc." in "Apple Inc. CEO").
func (c *chunker) titles(ns *nameSpan, a, k int) {
	d := c.d
	ns.roleText = d.span(a, k)
	for i := a; i < k; i++ {
		l := strings.TrimSuffix(d.toks[i].lower(), ".")
		r, ok := lxRoles.get(l)
		switch {
		case ok && r.class != "mod":
			if r.class != "honorific" {
				ns.roles = append(ns.roles, l)
			}
			if r.gender != 0 {
				ns.gender = r.gender
			}
		case !ok && !placeWords.has(d.toks[i].base()) && !isFunction(l):
			if ns.orgB == 0 {
				ns.orgA = i
			}
			ns.orgB = i + 1
		}
	}
}

// rolesBefore extends ns over lower-case role words right before it
// ("Kremlin spokesman Dmitry Peskov", "chief operating officer Timothy
// Cook") and the capitalised run before those, then re-reads the whole
// title chain.
func (c *chunker) rolesBefore(ns *nameSpan) {
	d := c.d
	s0 := d.sentTok[d.toks[ns.a].sent][0]
	i := ns.a - 1
	for i >= s0 && d.toks[i].kind == kWord && !d.toks[i].isCap() {
		if r, ok := lxRoles.get(d.toks[i].lower()); !ok || r.class == "honorific" {
			break
		}
		i--
	}
	if i == ns.a-1 || lxRoles.at(d.toks[ns.a-1].lower()).class == "mod" {
		return
	}
	j := i
	for j >= s0 && d.toks[j].isCap() && !d.toks[j].poss && !isFunction(d.toks[j].lower()) {
		j--
	}
	ns.a, ns.roles, ns.orgA, ns.orgB = j+1, nil, 0, 0
	c.titles(ns, j+1, ns.na)
}

// orgIntro looks for a lower-case organisation noun right before ns ("The
// newspaper Moskovsky Komsomolets") and reports whether it found one.
func (c *chunker) orgIntro(ns *nameSpan) bool {
	d := c.d
	i := ns.a - 1
	if i < d.sentTok[d.toks[ns.a].sent][0] || d.toks[i].kind != kWord || d.toks[i].isCap() {
		return false
	}
	if _, ok := lx.orgNouns[d.toks[i].lower()]; ok {
		ns.orgNoun = d.toks[i].lower()
		return true
	}
	return false
}

// placeFilter turns most words away before a lookup in the places and
// demonyms of the lexicon.
var placeFilter = newWordFilter(lx.places, lx.demonyms)

func isPlace(s string) bool {
	if placeFilter.mayHave(s) && placeWords.has(s) {
		return true
	}
	if strings.Contains(s, "-") && !strings.Contains(s, " ") {
		for _, p := range strings.Split(s, "-") {
			if !placeWords.has(p) {
				return false
			}
		}
		return true
	}
	return false
}

// placeWords is the union of the places and the demonyms, as written.
var placeWords = newLexTable(unionSet(lx.places, lx.demonyms))

// placePrefix returns how many leading words form a place or demonym.
func placePrefix(words []string) int {
	for n := min(lx.maxPlace, len(words)); n > 0; n-- {
		if isPlace(strings.Join(words[:n], " ")) {
			return n
		}
	}
	return 0
}

// notOrgAcronyms are common all-capitals words that name no organisation.
var notOrgAcronyms = wordsOf("GDP EST EDT PST PDT GMT UTC CET DVD USB DNA HIV AIDS PDF MPH UFO ATM SUV VAT IPO LNG OK TV CD AM PM")

// isAcronymOrg reports whether a single all-capitals word that is not a
// place or a title ("UAW", "NATO") names an organisation.
func isAcronymOrg(words []string) bool {
	if len(words) != 1 {
		return false
	}
	w := words[0]
	n := utf8.RuneCountInString(w)
	if n < 3 || n > 6 || lxPlaces.at(w) || notOrgAcronyms[w] {
		return false
	}
	var buf [32]byte
	if _, ok := lxRoles.get(lowerInto(w, buf[:])); ok {
		return false
	}
	letters := 0
	for _, r := range w {
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
		if unicode.IsUpper(r) {
			letters++
		}
	}
	return letters >= 2
}

// hasInitial reports whether a name has an initial or a generational suffix
// ("Timothy D. Cook", "William Clay Ford Jr.").
func hasInitial(name []tk) bool {
	for i, t := range name {
		if i > 0 && (utf8.RuneCountInString(t.s) == 2 && strings.HasSuffix(t.s, ".") || t.s == "Jr." || t.s == "Sr." || t.s == "II" || t.s == "III") {
			return true
		}
	}
	return false
}

// appositive reads a description set off by commas next to the name:
// "Nina Khrushcheva, a professor at The New School in New York, said" or
// "A Russian security analyst, Konstantin Blokhin, said". It returns the
// description and the role and organisation nouns in it; desc is "" when
// there is none.
func (c *chunker) appositive(ns *nameSpan) (desc string, roles []string, orgNoun string) {
	d := c.d
	s := d.toks[ns.a].sent
	a, b := d.sentTok[s][0], d.sentTok[s][1]
	if ns.nb < b && d.toks[ns.nb].s == "," {
		j := ns.nb + 1
		for j < b && d.toks[j].s != "," && d.toks[j].s != ";" && d.toks[j].s != ")" && d.toks[j].kind != kQuote &&
			!(j > ns.nb+2 && d.toks[j].is("who", "whom", "whose", "which")) {
			j++ // up to a comma or a relative clause: "a former minister who now advises …"
		}
		for j > ns.nb+1 && strings.Contains(".!?:", d.toks[j-1].s) {
			j--
		}
		if j > ns.nb+1 {
			first := strings.TrimSuffix(d.toks[ns.nb+1].lower(), ".")
			_, org := lx.orgNouns[first]
			if determinerTable.at(first) || first == "formerly" || first == "currently" || d.toks[ns.nb+1].poss || isRoleTok(d.toks[ns.nb+1]) || org {
				verb := false
				for k := ns.nb + 1; k < j; k++ {
					verb = verb || (d.toks[k].kind == kWord && !d.toks[k].isCap() && verbish(d.toks[k].lower()))
				}
				if roles, org := descNouns(d.toks[ns.nb+1 : j]); !verb && (j < b || j-ns.nb <= 8) && (len(roles) > 0 || org != "") {
					return d.span(ns.nb+1, j), roles, org
				}
			}
		}
	}
	if ns.a-1 > a && d.toks[ns.a-1].s == "," {
		head := d.toks[ns.a-2]
		r, ok := lxRoles.get(head.lower())
		if !ok || r.class == "mod" || head.kind != kWord {
			return c.descBefore(ns.a-1, a)
		}
		k := ns.a - 2
		for k > a && d.toks[k-1].kind == kWord && !prepositionTable.at(d.toks[k-1].lower()) {
			k--
			if d.toks[k].is("the", "a", "an") {
				break
			}
		}
		if d.toks[k].is("the", "a", "an") {
			roles, org := descNouns(d.toks[k : ns.a-1])
			return d.span(k, ns.a-1), roles, org
		}
	}
	return "", nil, ""
}

// descBefore reads a description that opens the sentence, set off by the
// comma at token comma: "A spokesman for the US State Department, Matthew
// Miller, said", "Turkey's disaster agency, AFAD, said". desc is "" when
// there is none.
func (c *chunker) descBefore(comma, a int) (desc string, roles []string, orgNoun string) {
	d := c.d
	if !(d.toks[a].is("a", "an", "the") || d.toks[a].poss) || comma-a > 12 || comma-a < 2 {
		return "", nil, ""
	}
	for k := a + 1; k < comma; k++ {
		if t := d.toks[k]; t.kind != kWord || (!t.isCap() && verbish(t.lower())) {
			return "", nil, ""
		}
	}
	roles, org := descNouns(d.toks[a:comma])
	if len(roles) == 0 && org == "" {
		return "", nil, ""
	}
	return d.span(a, comma), roles, org
}

// descNouns returns the role nouns and the first organisation noun of a
// description.
func descNouns(ts []tk) (roles []string, org string) {
	for i := range ts {
		l := strings.TrimSuffix(ts[i].lower(), ".")
		modifier := i+1 < len(ts) && ts[i+1].kind == kWord && !ts[i+1].isCap() && nounish(&ts[i+1]) &&
			lxRoles.at(ts[i+1].lower()).class != "mod" // "passenger plane", but "professor emeritus"
		if r, ok := lxRoles.get(l); ok && r.class != "mod" && r.class != "honorific" && !modifier {
			roles = append(roles, l)
		}
		if _, ok := lx.orgNouns[l]; ok && org == "" && !ts[i].isCap() {
			org = l
		}
	}
	return roles, org
}
