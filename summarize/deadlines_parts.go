package summarize

import "strings"

// The parts of a deadline mention around its cue: who set it, for whom,
// what is demanded and what happens otherwise, and the evidence phrase.

// setterVerbs are the verbs whose subject sets a deadline and whose object
// is its target ("Trump gave Putin ...", "a judge barred him ...").
var setterVerbs = wordSet("gave", "give", "gives", "given", "giving", "set", "sets", "issued",
	"issues", "issue", "imposed", "imposes", "impose", "barred", "bars", "bar", "banned", "bans",
	"ordered", "orders", "order", "told", "tells", "required", "requires", "forced", "granted",
	"grants", "allowed", "allows", "offered", "offers", "demanded", "demands")

var clauseBreaks = wordSet(",", ";", ":", "(", ")", "—", "–", "\"", "“", "”", "that", "which")
var clauseOpeners = wordSet("but", "and", "or", "so", "then", "yet", "however", "later")
var dlAux = wordSet("has", "have", "had", "will", "would", "also", "then", "later",
	"already", "did", "does", "do", "has", "could", "may", "might", "just", "once", "again")
var passiveAux = wordSet("was", "were", "been", "be", "is", "are", "being")
var targetStops = wordSet("a", "an", "the", "from", "to", "until", "till", "by", "on", "in",
	"for", "with", "and", "or", "that", ".", ",", ";", ":")
var timePreps = wordSet("in", "on", "at", "by", "during", "since")
var consequenceVerbs = wordSet("face", "risk", "suffer", "see", "be")
var dlPronouns = wordSet("he", "she", "him", "her", "they", "them", "it", "we", "us", "i", "you")

// dlTitles are the words of titles and offices that precede a name
// ("US President Trump", "Apple CEO Steve Jobs").
var dlTitles = wordSet("president", "vice", "prime", "minister", "chancellor", "secretary",
	"senator", "sen", "governor", "gov", "mayor", "king", "queen", "prince", "ceo", "chairman",
	"chairwoman", "chair", "chief", "executive", "officer", "judge", "justice", "mr", "mrs", "ms",
	"dr", "professor", "prof", "envoy", "spokesman", "spokeswoman", "spokesperson", "ambassador",
	"general", "gen", "commissioner", "director", "leader", "premier", "founder", "co-founder",
	"head", "analyst", "coach", "manager")

// phrase returns the sentence text of tokens [i, j).
func (sc *sentenceScan) phrase(i, j int) string {
	toks := sc.tg.toks
	i, j = max(i, 0), min(j, len(toks))
	if i >= j {
		return ""
	}
	return sc.tg.text[toks[i].start:toks[j-1].end]
}

// clauseStart returns the first timeToken of the clause holding timeToken k,
// after any opening conjunction ("but", "and").
func (sc *sentenceScan) clauseStart(k int) int {
	p := k - 1
	for p >= 0 && !clauseBreaks[sc.tg.low(p)] {
		p--
	}
	p++
	for p < k && clauseOpeners[sc.tg.low(p)] {
		p++
	}
	return p
}

// evidence returns the cue's clause up to timeToken end (exclusive).
func (sc *sentenceScan) evidence(k, end int) string {
	return sc.phrase(sc.clauseStart(k), end)
}

// npStart moves back over a determiner before timeToken i.
func (sc *sentenceScan) npStart(i int) int {
	switch sc.tg.low(i - 1) {
	case "a", "an", "the", "its", "his", "her", "their", "this", "that":
		return i - 1
	}
	return i
}

// parts fills who set the deadline and for whom (the subject and object
// of a setting verb at the cue or before the noun phrase at np), what is
// demanded ("to stop the war") and the consequence ("or face sanctions"),
// read from timeToken after on.
func (sc *sentenceScan) parts(m *mention, cue, np, after int) {
	tg := sc.tg
	verb := -1
	if setterVerbs[tg.low(cue)] {
		verb = cue
	} else {
		for p := np - 1; p >= sc.clauseStart(np); p-- {
			if setterVerbs[tg.low(p)] {
				verb = p
				break
			}
		}
	}
	if verb >= 0 {
		subj, passive := sc.subject(verb)
		if passive {
			m.target = subj
		} else {
			m.setBy = subj
			limit := len(tg.toks)
			if np > verb {
				limit = np
			}
			q := verb + 1
			for q < limit && !(q > verb+1 && targetStops[tg.low(q)]) && !sc.startsTime(q) {
				q++
			}
			m.target = sc.name(sc.phrase(verb+1, q))
		}
	}
	if tg.low(after) != "to" || sc.startsTime(after+1) {
		return
	}
	p := after + 1
	for p < len(tg.toks) && !sentenceEnd(tg.low(p)) && !(tg.low(p) == "or" && consequenceVerbs[tg.low(p+1)]) {
		p++
	}
	m.demand = sc.phrase(after+1, p)
	if tg.low(p) == "or" {
		q := p + 2
		for q < len(tg.toks) && !sentenceEnd(tg.low(q)) {
			q++
		}
		m.consequence = sc.phrase(p+2, q)
	}
}

// subject returns the resolved subject of the verb at token verb: its
// clause up to the verb, without auxiliaries and adverbs ("Trump has" →
// "Trump"). passive is true for "were given", whose subject is the target.
func (sc *sentenceScan) subject(verb int) (name string, passive bool) {
	cs, ce := sc.clauseStart(verb), verb
	for _, x := range sc.xs {
		// "Last week the minister gave", "In June the council gave": the
		// time is no part of the subject.
		if (x.i == cs || x.i == cs+1 && timePreps[sc.tg.low(cs)]) && x.j < ce {
			cs = x.j
		}
	}
	for ce > cs && (dlAux[sc.tg.low(ce-1)] || strings.HasSuffix(sc.tg.low(ce-1), "ly")) {
		ce--
	}
	if ce > cs+1 && sc.tg.low(ce-1) == "to" { // "Parliament voted to extend": the subject of "voted"
		ce -= 2
	}
	passive = ce > cs && passiveAux[sc.tg.low(ce-1)]
	if passive {
		ce--
	}
	for ce > cs && (dlAux[sc.tg.low(ce-1)] || passiveAux[sc.tg.low(ce-1)]) { // "have been told"
		ce--
	}
	return sc.name(sc.phrase(cs, ce)), passive
}

// startsTime reports whether an expression starts at timeToken i.
func (sc *sentenceScan) startsTime(i int) bool {
	for _, x := range sc.xs {
		if x.i == i {
			return true
		}
	}
	return false
}

func sentenceEnd(w string) bool { return w == "." || w == ";" || w == "!" || w == "?" || w == "," }

// name turns a mention into the fullest name the register knows. When the
// register cannot resolve it, titles are stripped from a name ("US
// President Trump" → "Trump"), an unresolved pronoun gives "", and any
// other phrase ("a federal judge") is kept as written.
func (sc *sentenceScan) name(np string) string {
	np = strings.TrimSpace(np)
	if np == "" {
		return ""
	}
	if n, ok := sc.reg.resolve(np, sc.si); ok {
		return n
	}
	if dlPronouns[strings.ToLower(np)] {
		return ""
	}
	words := strings.Fields(np)
	last := -1
	for i, w := range words {
		if dlTitles[strings.Trim(strings.ToLower(w), ".")] {
			last = i
		}
	}
	if last < 0 || last == len(words)-1 {
		return np
	}
	for _, w := range words[last+1:] {
		if !capitalWord(w) {
			return np
		}
	}
	return strings.Join(words[last+1:], " ")
}
