package summarize

import "strings"

// What can speak and what can be said, without a tagger: the head noun of
// a speaker phrase must name a person, a group, an organisation or a
// document ("Estimates suggest …" and "All told, …" report nothing), and
// reported content must be a clause, with a verb ("added 200 jobs" reports
// nothing).

// agentSuffixes end nouns that name someone who does something: the
// harbour master, the operator, the scientist, the historian, the
// participant, the resident, the volunteer, the trainee.
var agentSuffixes = []string{"er", "or", "ist", "ian", "ant", "ent", "eer", "ee"}

// notAgents have an agent suffix but name no one.
var notAgents = wordsOf("number water matter center centre weather power border error factor sector " +
	"moment amount event percent content extent incident accident payment equipment environment element " +
	"answer order other corner disaster summer winter quarter chapter character letter paper figure " +
	"rumour rumor honour honor behaviour behavior favour favor labour labor colour color humour humor " +
	"parameter meter metre mirror motor tumour tumor cancer computer after never ever either " +
	"neither rather whether together however further under over per")

// notSpeakers are singular nouns that often open a sentence before a
// verb like "suggest" or "show" and name no one.
var notSpeakers = wordsOf("data evidence research information history experience science progress growth " +
	"inflation demand everything nothing something anything this that it all each both")

// personNouns are lowercase plural or mass nouns that name people, which
// the role and organisation lists do not hold.
var personNouns = wordsOf("people person individual police staff crew public everyone someone anyone nobody somebody anybody " +
	"authorities media press family families relatives locals others many some several few")

// pastForms are irregular past forms, some also nouns ("cost", "bid"), so
// they count as a verb only where a clause is expected.
var pastForms = wordsOf("fled fell flew drew threw wore tore swore hid bit shot fought caught sought dealt meant " +
	"lent bent felt slept swept wept crept lit fed bled sped heard hung stuck dug clung swung sang rang sank drank " +
	"shrank swam ate lay rode drove froze woke stole forgot shook mistook blew withdrew did bound sat spat shone " +
	"slid split quit cast cost hurt let put shut spread upset beat bet bid burst rid thrust arose overcame " +
	"forgave forbade foresaw undertook underwent withheld overtook overthrew")

// speakerHead returns the head token of the speaker phrase [lo,hi): the
// last word before a post-modifier ("a source close to the talks", "a
// spokeswoman for the ministry", "a study published in Nature"), else the
// last word.
func (r *registry) speakerHead(lo, hi int) int {
	d := r.d
	end := hi
	for k := lo + 1; k < hi; k++ {
		l := d.toks[k].lower()
		if attachPreps[l] && r.nameTok(k-1) && k+1 < hi && (d.toks[k+1].isCap() || (d.toks[k+1].is("the") && k+2 < hi && d.toks[k+2].isCap())) {
			continue // inside a name: "State of the Climate report"
		}
		if attachPreps[l] || l == "to" || l == "close" || l == "familiar" || l == "who" || d.toks[k].kind == kQuote ||
			(d.toks[k].kind == kWord && !d.toks[k].isCap() && verbish(l) && !lx.docNouns[l] && k > lo+1) {
			end = k
			break
		}
	}
	for end-1 > lo && d.toks[end-1].kind != kWord && !ageWord(d.toks[end-1].lower()) {
		end--
	}
	return end - 1
}

// canSpeakHead reports whether token i can head a speaker phrase: a name
// (a capitalised word the article also capitalises away from a sentence
// start), a pronoun, or a noun for a person, group, organisation or
// document, singular or plural.
func (r *registry) canSpeakHead(i int) bool {
	t := &r.d.toks[i]
	l := t.lower()
	if t.kind != kWord {
		return ageWord(l) // "the 78-year-old"
	}
	if _, ok := pronounTable.get(l); ok {
		return true
	}
	if determinerTable.at(l) || notSpeakers[l] {
		return false
	}
	if speakerNoun(l) || !t.isCap() {
		return speakerNoun(l)
	}
	if !r.ch.positional(i) || r.ch.capCount[t.base()] > 0 || isPlace(t.base()) || lxFirstNames.at(l) != 0 || lxOrgNames.at(l) {
		return true
	}
	// A capitalised word only at a sentence start: a name, unless it looks
	// like a plural common noun ("Estimates suggest …").
	return !strings.HasSuffix(l, "s") || strings.HasSuffix(l, "ss")
}

// speakerNoun reports whether the lower-case noun l (singular or plural)
// names a person, group, organisation or document.
func speakerNoun(l string) bool {
	if ageWord(l) {
		return true
	}
	for _, w := range singulars(l) {
		if personNouns[w] || lx.docNouns[w] || isAgentNoun(w) {
			return true
		}
		if ro, ok := lxRoles.get(w); ok && ro.class != "mod" {
			return true
		}
		if _, ok := lx.orgNouns[w]; ok {
			return true
		}
	}
	return false
}

// singulars returns l and the singular forms it may have.
func singulars(l string) []string {
	out := []string{l}
	switch {
	case strings.HasSuffix(l, "ies") && len(l) > 4:
		out = append(out, l[:len(l)-3]+"y")
	case strings.HasSuffix(l, "sses") || strings.HasSuffix(l, "shes") || strings.HasSuffix(l, "ches"):
		out = append(out, l[:len(l)-2])
	case strings.HasSuffix(l, "men"):
		out = append(out, l[:len(l)-3]+"man")
	case strings.HasSuffix(l, "s") && !strings.HasSuffix(l, "ss"):
		out = append(out, l[:len(l)-1])
	}
	return out
}

// isAgentNoun reports whether l looks like a noun for someone who acts
// ("master", "operator", "scientist").
func isAgentNoun(l string) bool {
	if notAgents[l] || len(l) < 5 || isFunction(l) {
		return false
	}
	for _, suf := range agentSuffixes {
		if strings.HasSuffix(l, suf) {
			return true
		}
	}
	return false
}

// hasVerb reports whether the tokens [lo,hi) hold a verb: an auxiliary, a
// known past or reporting form, a word in -ed, a word after a subject
// pronoun or "there", or a word in -s right after a noun ("the plan
// works").
func (r *registry) hasVerb(lo, hi int) bool {
	d := r.d
	for k := lo; k < hi; k++ {
		t := &d.toks[k]
		if t.kind != kWord || t.isCap() {
			continue
		}
		l := t.lower()
		if verbish(l) || pastForms[l] {
			return true
		}
		if k > lo {
			p := d.toks[k-1]
			pl := p.lower()
			if p.kind == kWord && (pronounSubject(pl) || pl == "they" || pl == "there" || pl == "you") && !isFunction(l) {
				return true
			}
			if p.kind == kWord && strings.HasSuffix(l, "s") && !strings.HasSuffix(l, "ss") && !isFunction(l) &&
				!isFunction(pl) && !strings.HasSuffix(pl, "s") && !numberWords[pl] {
				return true
			}
		}
	}
	return false
}

// finderBodies are the bodies whose findings are statements: courts and
// inquiries, not the police who find a car.
var finderBodies = wordsOf("court tribunal inquiry commission committee panel jury coroner")

// finder reports whether the phrase subj can state a finding ("found
// that", "concluded that"): a document, an inquiry, a court or panel, or
// researchers; police finding a body state nothing.
func (r *registry) finder(subj [2]int) bool {
	t := r.d.toks[r.speakerHead(subj[0], subj[1])]
	if t.kind != kWord || (t.isCap() && !r.ch.positional(subj[0])) {
		return false
	}
	for _, w := range singulars(t.lower()) {
		if lx.docNouns[w] {
			return true
		}
		if lx.orgNouns[w] == "document" || finderBodies[w] {
			return true
		}
		if ro, ok := lxRoles.get(w); ok && (ro.class == "expert" || w == "judge" || w == "coroner") {
			return true
		}
	}
	return false
}

// numberWords count things: the noun after them is a plural, not a verb
// ("3 million euros").
var numberWords = wordsOf("hundred thousand million billion trillion dozen dozens two three four five six seven " +
	"eight nine ten eleven twelve twenty thirty forty fifty hundreds thousands millions billions")

// isClause reports whether the span is a clause that can be reported: after
// a leading phrase set off by a comma ("In 2020, the firm lost money"),
// what remains has a verb, and the span does not open with a participle
// or a preposition that runs to its end ("Speaking on the radio", "By this
// time").
func (r *registry) isClause(span [2]int) bool {
	d := r.d
	lo, hi := span[0], span[1]
	if lo >= hi {
		return false
	}
	first := d.toks[lo].lower()
	if prepositionTable.at(first) || subordinatorTable.at(first) || strings.HasSuffix(first, "ing") {
		k := lo
		for k < hi && d.toks[k].s != "," {
			k++
		}
		lo = k + 1
	}
	return lo < hi && r.hasVerb(lo, hi)
}
