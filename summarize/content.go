package summarize

import "strings"

// maxClause bounds a reported clause, in tokens, so that a run-on
// "sentence" (a page without punctuation) costs linear time.
const maxClause = 150

// whWords open an indirect question ("asked how ...").
var whWords = wordsOf("how why what whether when where who which if")

// contentAfter returns the span reported by the verb at i: after a
// listener ("told reporters"), time words ("said Monday") and prepositional
// phrases leading to "that" or a colon ("said in a statement that"), an
// optional "that", to the end of the clause. The span is empty when what
// follows is not a clause the verb can report.
func (r *registry) contentAfter(i int, c cue, a, b int) [2]int {
	d := r.d
	k := i + 1
	if c.class == cueTell {
		k = r.skipListener(k, b)
		if c.lemma == "accuse" && k < b && d.toks[k].is("of") {
			k++ // "accused Putin of saying ..."
			return [2]int{k, r.clauseEnd(k, a, b)}
		}
	}
	for k < b {
		t := &d.toks[k]
		l := t.lower()
		switch {
		case timeWordTable.at(l) || isDayName(t.s) || (adverbTable.at(l) && l != "that"):
			k++
			continue
		case (l == "on" || l == "last" || l == "this" || l == "next" || l == "in") && k+1 < b &&
			(isDayName(d.toks[k+1].s) || timeWordTable.at(d.toks[k+1].lower())):
			k += 2
			continue
		case prepositionTable.at(l):
			if m := r.gapTo(k, b); m > k {
				k = m
				continue
			}
		}
		break
	}
	that := false
	if k < b && (d.toks[k].s == "," || d.toks[k].s == ":") {
		k++
	}
	if k < b && d.toks[k].is("that") {
		k, that = k+1, true
		if k < b && d.toks[k].s == "," {
			k++
		}
	}
	if k >= b {
		return [2]int{k, k}
	}
	t := &d.toks[k]
	l := t.lower()
	_, pro := pronounTable.get(l)
	ok := that || r.bareClause(k, b) || t.kind == kQuote || t.kind == kNum || t.isCap() || determinerTable.at(l) || pro || l == "there" || whWords[l] ||
		(l == "to" && c.class == cueTell && k > i+1) || c.class == cueObj || c.class == cueName
	if c.class == cueQuote || c.class == cueDoc {
		ok = t.kind == kQuote || (k > i+1 && d.toks[k-1].s == ":")
	}
	if !ok || (l == "to" && c.class != cueTell && c.class != cueObj) {
		return [2]int{k, k}
	}
	end := r.clauseEnd(k, a, b)
	if !that && t.kind != kQuote && l != "to" && (c.class == cueSay || c.class == cueTell || c.class == cueFind) && !r.hasVerb(k, end) {
		return [2]int{k, k} // a noun phrase, not a clause: "added 200 jobs"
	}
	return [2]int{k, end}
}

// bareClause reports whether a clause without "that" starts with a bare
// noun at k: a finite verb follows within six words, before punctuation
// ("said resources and kits would be accessible").
func (r *registry) bareClause(k, b int) bool {
	d := r.d
	if !nounish(&d.toks[k]) {
		return false
	}
	for j := k + 1; j < b && j < k+7; j++ {
		t := &d.toks[j]
		if t.kind != kWord {
			return false
		}
		if verbish(t.lower()) {
			return true
		}
	}
	return false
}

// gapTo returns the index after a short run of prepositional phrases that
// leads to "that" or a colon ("in a statement that", "to Jobs' death with
// a statement on his blog:"), or k when there is none.
func (r *registry) gapTo(k, b int) int {
	d := r.d
	for j := k; j < b && j < k+12; j++ {
		t := &d.toks[j]
		l := t.lower()
		if t.is("that") || t.s == ":" {
			if j > k+1 {
				return j
			}
			return k
		}
		noun := j > k && (determinerTable.at(d.toks[j-1].lower()) || nounish(&d.toks[j-1])) // "in a blog post"
		if t.kind == kQuote || t.s == "," || t.s == "." || (verbish(l) && !noun) || (pronounSubject(l) && j > k) {
			return k
		}
	}
	return k
}

func pronounSubject(l string) bool {
	return l == "he" || l == "she" || l == "they" || l == "we" || l == "i" || l == "it"
}

// skipListener skips the listener after "told", "asked", "urged": a
// pronoun, a name, or a short noun phrase ("reporters", "the press",
// "government officials").
func (r *registry) skipListener(k, b int) int {
	d := r.d
	if k >= b {
		return k
	}
	l := d.toks[k].lower()
	if l == "him" || l == "her" || l == "them" || l == "me" || l == "us" || l == "you" {
		return k + 1
	}
	if whWords[l] || l == "that" || l == "to" {
		return k
	}
	np := r.npAfter(k, b)
	if np[1]-np[0] > 6 {
		return k
	}
	if np[1] == k {
		// A listener the noun phrase walk cannot read, up to "that" or a
		// colon: "told state broadcaster TRT that …".
		for j := k; j < b && j < k+7; j++ {
			t := &d.toks[j]
			l := t.lower()
			if (t.is("that") || t.s == ":") && j > k {
				return j
			}
			if t.kind != kWord || auxiliaryTable.at(l) || irregularPast[l] || (!t.isCap() && strings.HasSuffix(l, "ed")) {
				break
			}
		}
	}
	return np[1]
}

// clauseEnd returns where content starting at k ends: the sentence end
// without its final stop, or before ", but", ";", or ", although"; a cue
// clause opened by a subordinator ("although he says ...") ends at its
// first comma.
func (r *registry) clauseEnd(k, a, b int) int {
	d := r.d
	sub := false
	for j := k - 1; j >= a && j >= k-8; j-- {
		if subordinatorTable.at(d.toks[j].lower()) && !d.toks[j].is("as", "so", "once", "after", "before", "since") {
			sub = true
			break
		}
		if d.toks[j].s == "," {
			break
		}
	}
	b = min(b, k+maxClause)
	for j := k; j < b; j++ {
		t := &d.toks[j]
		if t.kind == kQuote && t.pair > j {
			j = t.pair
			continue
		}
		if t.s == ";" {
			return j
		}
		if t.s == "," && j+1 < b {
			n := d.toks[j+1].lower()
			if sub || n == "but" || n == "although" || n == "though" || n == "whereas" {
				return j
			}
		}
	}
	return b
}

// trimContent drops a final stop and surrounding commas from f's content.
func (r *registry) trimContent(f *frame) {
	d := r.d
	lo, hi := f.content[0], f.content[1]
	for hi > lo && d.toks[hi-1].kind == kPunct && strings.Contains(".,;:!?—–-", d.toks[hi-1].s) {
		hi--
	}
	for lo < hi && d.toks[lo].kind == kPunct && strings.Contains(",;:", d.toks[lo].s) {
		lo++
	}
	f.content = [2]int{lo, hi}
}

// according reads "according to X, ..." and "..., according to X".
func (r *registry) according(i, a, b int) (frame, bool) {
	d := r.d
	f := frame{cue: i, cueText: "according to", class: cueSay, kind: fAccording}
	np := r.npAfter(i+2, b)
	if np[1] <= np[0] {
		return f, false
	}
	f.subj = np
	k := np[1]
	if k < b && d.toks[k].s == "," {
		k2 := k + 1
		for k2 < b && d.toks[k2].s != "," {
			k2++
		}
		if mi := r.mentionAt(d.toks[i].sent, k+1, k2); mi >= 0 && k2 < b {
			f.subj = [2]int{k + 1, k2} // "according to the team's coach, Alireza Mehraban,"
			k = k2
		} else if k+1 < b && d.toks[k+1].is("who", "which") {
			k = k2 // "According to The New York Times, who first broke the news, ..."
		}
	}
	if i > a && (k >= b || d.toks[k].s == ".") {
		f.content = [2]int{r.clauseStart(i-1, a), i - 1} // "..., according to X."
		return f, true
	}
	if k < b && d.toks[k].s == "," {
		k++
		if lead := [2]int{r.clauseStart(i-1, a), i - 1}; i-1 > a && d.toks[i-1].s == "," && !r.holdsQuote(lead) {
			f.lead = lead // "The plan, according to officials, will cost …"
		}
	}
	f.content = [2]int{k, r.clauseEnd(k, a, b)}
	return f, true
}
