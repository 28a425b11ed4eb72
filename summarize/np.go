package summarize

import (
	"sort"
	"strings"
)

// Noun phrases are found by walking tokens, without a tagger: capitalised
// runs, determiners and the lower-case words between them, a possessive,
// and at most two prepositional attachments ("someone familiar with the
// situation", "a statement from Apple Computer").

// irregularPast holds common irregular past-tense verbs, which end a noun
// phrase walk like any verb.
var irregularPast = wordsOf("gave told said made took went met left held got saw found became began " +
	"brought bought sent spent won lost ran came knew thought felt kept put set hit cut led paid " +
	"built chose fought wrote spoke broke drove rose fell grew stood sold struck taught understood")

// attachPreps may join a prepositional phrase to a noun phrase.
var attachPreps = wordsOf("of with from at for on in")

// verbishFilter turns most words away before a lookup in auxiliaries and
// irregularPast.
var verbishFilter = newWordFilter(auxiliaries, irregularPast)

// verbishWords is the union of auxiliaries and irregularPast.
var verbishWords = newLexTable(unionSet(auxiliaries, irregularPast))

// verbish reports whether a lower-case word is probably a verb.
func verbish(l string) bool {
	if verbishFilter.mayHave(l) && verbishWords.has(l) {
		return true
	}
	if !cueFilter.mayHave(l) {
		return len(l) > 4 && strings.HasSuffix(l, "ed") && !strings.HasSuffix(l, "eed")
	}
	if _, ok := lxCues.get(l); ok {
		return true
	}
	return len(l) > 4 && strings.HasSuffix(l, "ed") && !strings.HasSuffix(l, "eed")
}

// nounish reports whether token t can sit inside a noun phrase.
func nounish(t *tk) bool {
	if t.kind == kNum {
		return true
	}
	if t.kind != kWord {
		return false
	}
	if t.isCap() {
		return true
	}
	l := t.lower()
	return !isFunction(l) && !verbish(l) && !strings.HasSuffix(l, "ly")
}

// npBefore returns the noun phrase that ends at token j (inclusive),
// not reaching before token a. The span is empty (lo == hi) when token j
// cannot end a noun phrase.
func (r *registry) npBefore(j, a int) [2]int {
	d := r.d
	k, preps := j, 0
	for k >= a {
		t := &d.toks[k]
		l := t.lower()
		if l == "the" && k-2 >= a && d.toks[k-1].is("of") && d.toks[k-2].isCap() && k+1 <= j && d.toks[k+1].isCap() {
			k -= 2 // inside a name: "State of the Climate"
			continue
		}
		if t.kind == kWord && (determinerTable.at(l) || l == "someone" || l == "somebody") && l != "that" {
			k--
			if k-1 >= a && r.attaches(k) && preps < 2 && nounish(&d.toks[k-1]) && r.commonNoun(k-1) {
				preps++
				k -= 2
				continue
			}
			break
		}
		_, cueWord := lxCues.get(l)
		switch {
		case nounish(t) || (cueWord && k-1 >= a && (determinerTable.at(d.toks[k-1].lower()) || d.toks[k-1].poss ||
			(k == j && lx.docNouns[l] && nounish(&d.toks[k-1])))):
			k-- // a noun, also "the report", "his statement", "the Climate report"
		case t.kind == kPunct && (t.s == "'" || t.s == "’") && k-1 >= a && d.toks[k-1].poss && k < j:
			k-- // "Apple Corps' latest suit"
		case r.attaches(k) && k < j && preps < 2 && k-1 >= a && nounish(&d.toks[k-1]) && !verbish(d.toks[k-1].lower()):
			preps++
			k--
		case l == "and" && k < j && d.toks[k+1].isCap() && k-1 >= a && d.toks[k-1].isCap():
			k--
		default:
			return [2]int{k + 1, j + 1}
		}
	}
	return [2]int{k + 1, j + 1}
}

// npAfter returns the noun phrase starting at token k, not reaching token b:
// a pronoun; or an optional determiner, then capitalised words, role and
// organisation nouns, and after a determiner other lower-case nouns; a title
// may take "to/of (the) Place" ("Ambassador to the United States").
func (r *registry) npAfter(k, b int) [2]int {
	d := r.d
	if k >= b || d.toks[k].kind != kWord {
		return [2]int{k, k}
	}
	l := d.toks[k].lower()
	if p, ok := pronounTable.get(l); ok && p != "" && l != "his" && l != "her" && l != "its" && l != "their" {
		return [2]int{k, k + 1}
	}
	j := k
	det, bare := false, !d.toks[k].isCap()
	if determinerTable.at(l) && l != "that" || l == "someone" {
		det, j, bare = true, k+1, false
	}
	for j < b {
		t := &d.toks[j]
		tl := t.lower()
		_, isRole := lxRoles.get(tl)
		_, isOrg := lx.orgNouns[tl]
		switch {
		case t.kind == kWord && t.isCap():
		case t.kind == kWord && (isRole || isOrg) && !verbish(tl):
		case det && nounish(t) && !t.isCap():
		case bare && nounish(t) && !t.isCap() && j-k < 3:
		case (tl == "to" || tl == "of" || tl == "for") && j > k && isRoleTok(d.toks[j-1]) && j+1 < b &&
			(d.toks[j+1].isCap() || (d.toks[j+1].s == "the" && j+2 < b && d.toks[j+2].isCap())):
			if d.toks[j+1].s == "the" {
				j++
			}
		case tl == "and" && j > k && d.toks[j-1].isCap() && j+1 < b && d.toks[j+1].isCap():
		default:
			return [2]int{k, j}
		}
		j++
		bare = bare && !t.isCap()
		if t.poss {
			det = true // "the Afghan team's coach"
		}
	}
	return [2]int{k, j}
}

// commonNoun reports whether token k is a lower-case noun, or a common
// noun capitalised only because it opens the sentence ("Officials at the
// ministry said", "Figures from the bank suggest").
func (r *registry) commonNoun(k int) bool {
	t := &r.d.toks[k]
	return !t.isCap() || (r.ch.positional(k) && r.ch.capCount[t.base()] == 0 && (speakerNoun(t.lower()) || !r.canSpeakHead(k)))
}

// attaches reports whether token k is a preposition that can join a
// phrase to the noun phrase before it: "of", "with", "for", …, and "to"
// after "close" ("a source close to the talks").
func (r *registry) attaches(k int) bool {
	l := r.d.toks[k].lower()
	return attachPreps[l] || (l == "to" && k > 0 && r.d.toks[k-1].is("close", "closest", "closer", "near", "loyal"))
}

func isRoleTok(t tk) bool {
	r, ok := lxRoles.get(t.lower())
	return ok && r.class != "mod"
}

// prevComma returns the index of the last ',' before token j (exclusive)
// and at or after a, skipping quotations; a-1 when there is none.
func (r *registry) prevComma(j, a int) int {
	d := r.d
	for k := j - 1; k >= a && k > j-maxClause; k-- {
		t := &d.toks[k]
		if t.kind == kQuote && t.pair >= a && t.pair < k {
			k = t.pair
			continue
		}
		if t.s == "," {
			return k
		}
	}
	return a - 1
}

// mentionAt returns the mention of sentence s that exactly covers [lo,hi),
// or -1.
func (r *registry) mentionAt(s, lo, hi int) int {
	i := r.firstMention(s, lo)
	for ; i < len(r.ments[s]) && r.ments[s][i].a == lo; i++ {
		if r.ments[s][i].b == hi {
			return i
		}
	}
	return -1
}

// firstMention returns the index of the first mention of sentence s that
// starts at or after token lo (mentions are kept in token order).
func (r *registry) firstMention(s, lo int) int {
	ms := r.ments[s]
	return sort.Search(len(ms), func(i int) bool { return ms[i].a >= lo })
}

// mentionsIn returns the mentions of sentence s that start in [lo,hi).
func (r *registry) mentionsIn(s, lo, hi int) []mref {
	return r.ments[s][r.firstMention(s, lo):r.firstMention(s, hi)]
}

// preferName turns a description subject into the name it is set off
// from: "Whitey MacDonald, chairperson of Local 1520, Canadian Auto Workers
// union said" and "X, a management expert at Y, who stated" name X. Only an
// indefinite or bare description (or one before a relative pronoun, rel)
// is taken for an appositive; "…, the spokesman said" keeps its subject.
func (r *registry) preferName(np [2]int, s, a int, rel bool) [2]int {
	d := r.d
	for _, m := range r.mentionsIn(s, np[0], np[1]) {
		if m.b == np[1] && !r.ents[m.ent].org {
			return np // the phrase ends with a person's name
		}
	}
	if np[1] <= np[0] || (!rel && d.toks[np[0]].is("the", "this", "that", "these", "those")) {
		return np
	}
	hi := np[0]
	for range 2 {
		if hi-1 <= a || d.toks[hi-1].s != "," {
			return np
		}
		for _, m := range r.mentionsIn(s, hi-1-maxClause, hi-1) {
			if e := r.ents[m.ent]; m.b == hi-1 && !e.pseudo && !e.org {
				return [2]int{m.a, m.b}
			}
		}
		k := r.prevComma(hi-1, a)
		if k < a {
			return np
		}
		hi = k + 1
	}
	return np
}
