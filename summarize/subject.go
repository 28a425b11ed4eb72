package summarize

import "strings"

// Who speaks: the subject of a reporting verb, found by walking the tokens
// around it.

// subjectBefore finds the subject of the verb at i: walking left over
// adverbs, auxiliaries and catenatives ("went on to say"), through an
// appositive or a relative clause, to a noun phrase.
func (r *registry) subjectBefore(i, a int) [2]int {
	d := r.d
	j := i - 1
	for j >= a {
		t := &d.toks[j]
		l := t.lower()
		if r.parenthetical(j, a) {
			j -= 3 // "Residents, however, say …"
			continue
		}
		if t.s == ")" {
			k := j - 1
			for k > a && d.toks[k].s != "(" && j-k < 12 {
				k--
			}
			if k > a && d.toks[k].s == "(" {
				j = k - 1 // "The bureau (IMB) said", "Smith (pictured) said"
				continue
			}
		}
		if t.kind != kWord || t.isCap() {
			break
		}
		if adverbTable.at(l) || auxiliaryTable.at(l) || (strings.HasSuffix(l, "ly") && len(l) > 4) {
			j--
			continue
		}
		if _, isCue := lxCues.get(l); isCue && j == i-1 && j > a && !determinerTable.at(d.toks[j-1].lower()) && !d.toks[j-1].poss {
			j-- // "called say": a doubled verb
			continue
		}
		if l == "to" && j-1 >= a {
			p := d.toks[j-1].lower()
			switch {
			case p == "on" && j-2 >= a && d.toks[j-2].is("went", "go", "goes", "going"):
				j -= 3
				continue
			case catenatives[p]:
				j -= 2
				continue
			}
		}
		break
	}
	if j < a {
		return [2]int{i, i}
	}
	t := &d.toks[j]
	l := t.lower()
	if t.is("and", "but") {
		return r.sentenceSubject(a, i) // "…, but said he will …"
	}
	if p, ok := pronounTable.get(l); ok && (p == "m" || p == "f" || p == "p" || p == "n" || p == "x") && !t.poss && l != "his" && l != "her" && l != "its" && l != "their" {
		return [2]int{j, j + 1}
	}
	if t.is("who", "which", "that") && j-1 >= a && d.toks[j-1].s == "," {
		np := r.npBefore(j-2, a)
		return r.preferName(np, t.sent, a, true)
	}
	if t.s == "," {
		k := r.prevComma(j, a)
		if mi := r.mentionAt(t.sent, k+1, j); mi >= 0 {
			return [2]int{k + 1, j} // "A Russian security analyst, Konstantin Blokhin, said"
		}
		if k >= a {
			return r.preferName(r.npBefore(k-1, a), t.sent, a, false)
		}
		return [2]int{i, i}
	}
	if t.kind == kQuote && t.close && t.pair >= a && t.pair-1 >= a && nounish(&d.toks[t.pair-1]) && !d.toks[t.pair-1].isCap() {
		np := r.npBefore(t.pair-1, a) // an individual "with direct knowledge" claimed
		return [2]int{np[0], j + 1}
	}
	return r.preferName(r.postModified(r.npBefore(j, a), a), t.sent, a, false)
}

// postModified extends np back over a participle phrase it ends: "A study
// published in the journal Nature", "a statement issued by the ministry".
func (r *registry) postModified(np [2]int, a int) [2]int {
	d := r.d
	p := np[0] - 1
	if p-1 <= a || !d.toks[p].is("in", "by", "on", "at", "from", "for", "with", "to") {
		return np
	}
	// Back over other short phrases to the participle: "published on
	// Wednesday in The Lancet".
	for k := p - 1; k > a && k >= p-6; k-- {
		v := &d.toks[k]
		l := v.lower()
		if v.kind == kWord && !v.isCap() && (verbish(l) || pastForms[l]) && !strings.HasSuffix(l, "ing") && !auxiliaryTable.at(l) {
			head := r.npBefore(k-1, a)
			if head[1] <= head[0] || !speakerNoun(d.toks[k-1].lower()) {
				return np
			}
			return [2]int{head[0], np[1]}
		}
		if v.kind != kWord || !(v.isCap() || prepositionTable.at(l) || determinerTable.at(l) || timeWordTable.at(l) || nounish(v)) {
			return np
		}
	}
	return np
}

// parenthetical reports whether tokens j-2..j are ", however," (an adverb
// set off by commas).
func (r *registry) parenthetical(j, a int) bool {
	d := r.d
	return j-2 >= a && d.toks[j].s == "," && d.toks[j-2].s == "," && (adverbTable.at(d.toks[j-1].lower()) || strings.HasSuffix(d.toks[j-1].lower(), "ly"))
}

// sentenceSubject returns the subject that opens the sentence [a,...)
// before token i, after a leading adverbial ("In part of his resignation,
// Jobs left ..."), or an empty span.
func (r *registry) sentenceSubject(a, i int) [2]int {
	d := r.d
	k := a
	if l := d.toks[a].lower(); prepositionTable.at(l) || subordinatorTable.at(l) || adverbTable.at(l) || l == "according" {
		for k < i && d.toks[k].s != "," {
			k++
		}
		k++
	}
	if k >= i {
		return [2]int{i, i}
	}
	np := r.npAfter(k, i)
	if np[1] <= np[0] || np[1] >= i {
		return [2]int{i, i}
	}
	return np
}

// endsFrame reports whether an inverted speaker phrase ending at k closes
// its clause: the sentence end, punctuation, or an affiliation ("of
// Consumer Reports", "in a statement").
func (r *registry) endsFrame(k, b int) bool {
	if k >= b {
		return true
	}
	t := &r.d.toks[k]
	return t.kind == kPunct || t.kind == kQuote || prepositionTable.at(t.lower()) || timeWordTable.at(t.lower()) || isDayName(t.s)
}

// clauseStart returns where the clause ending before token j begins: after
// the last reporting frame, quotation or sentence start, skipping a leading
// connective ("But", "However,").
func (r *registry) clauseStart(j, a int) int {
	d := r.d
	k := max(a, j-maxClause)
	for k < j {
		l := d.toks[k].lower()
		if l == "but" || l == "and" || l == "however" || l == "so" || l == "yet" || d.toks[k].s == "," {
			k++
			continue
		}
		break
	}
	return k
}

// canSpeak reports whether an inverted subject ("said X") can name a
// speaker: a name, a pronoun, or a role or organisation noun.
func (r *registry) canSpeak(np [2]int) bool {
	d := r.d
	h := d.toks[np[1]-1]
	if isDayName(h.s) || isMonthName(h.s) || timeWordTable.at(h.lower()) {
		return false
	}
	_, pro := pronounTable.get(h.lower())
	_, org := lx.orgNouns[h.lower()]
	return d.toks[np[0]].isCap() || h.isCap() || pro || org || isRoleTok(h) || (np[1]-np[0] > 1 && d.toks[np[0]+1].isCap())
}

// affiliation extends an unnamed speaker over a short "for/of/at/from"
// phrase ("a spokeswoman for the ministry") and returns the new end.
func (r *registry) affiliation(np [2]int, b int) int {
	d := r.d
	h := d.toks[np[1]-1]
	if h.isCap() || !isRoleTok(h) || np[1]+1 >= b || !d.toks[np[1]].is("for", "of", "at", "from", "with") {
		return np[1]
	}
	j := np[1] + 1
	if d.toks[j].is("the", "a", "an") {
		j++
	}
	for k := j; k < b && k < j+4; k++ {
		if !nounish(&d.toks[k]) {
			if k > j {
				return k
			}
			return np[1]
		}
	}
	return min(b, j+4)
}

// quotedAs reports whether the noun phrase ending at j follows "quoted" or
// "quotes" ("Detik.com quoted Djamal as saying").
func (r *registry) quotedAs(j, a int) bool {
	np := r.npBefore(j, a)
	return np[1] > np[0] && np[0]-1 >= a && r.d.toks[np[0]-1].is("quoted", "quotes", "quoting")
}
