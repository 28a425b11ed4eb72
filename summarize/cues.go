package summarize

import "strings"

type fkind uint8

const (
	fNormal     fkind = iota // X said (that) ...
	fInverted                // ..., said X
	fFinal                   // ..., X said.
	fAccording               // according to X, ...
	fPossessive              // X's claim that ...
)

// frame is one reporting frame: a cue, who speaks, and the content span.
type frame struct {
	cue     int // token of the reporting verb or phrase
	cueText string
	class   cueClass
	kind    fkind
	subj    [2]int // the words naming the speaker
	ent     int    // entity of the speaker, -1 when unknown
	speaker string
	content [2]int // token span of what is reported (may hold quotations)
	lead    [2]int // words before a parenthetical cue that belong to the content ("By this time, officials said, …")
}

// cueFilter and cueNounFilter turn most words away before a lookup in the
// lexicon's reporting verbs and nouns: findFrames tries every word.
var (
	cueFilter     = newWordFilter(lx.cues)
	cueNounFilter = newWordFilter(lx.cueNouns)
)

// appendFrame appends f, its speaker's entity not yet known, to fs.
func appendFrame(fs []frame, f frame) []frame {
	f.ent = -1
	return append(fs, f)
}

// findFrames finds the reporting frames of sentence s, resolves their
// speakers, and records pronoun mentions on the way.
func (r *registry) findFrames(s int) []frame {
	d := r.d
	a, b := d.sentTok[s][0], d.sentTok[s][1]
	r.resolvePronouns(s)
	// The frames are laid out in the spare room of frameBuf, each
	// sentence's after the last's: one array for the article's frames, not
	// one a sentence. A sentence that outgrows it gets an array of its
	// own.
	fs := r.frameBuf[len(r.frameBuf):]
	room := cap(fs)
	for i := a; i < b; i++ {
		t := &d.toks[i]
		if t.kind != kWord || d.inQuote[i] {
			continue // reporting inside a quotation belongs to the quote
		}
		l := t.lower()
		var c cue
		isCue := false
		if cueFilter.mayHave(l) {
			c, isCue = lxCues.get(l)
		}
		// Each case makes its frame itself: most words are none, and pay
		// for no frame.
		switch {
		case l == "according" && i+1 < b && d.toks[i+1].s == "to":
			if f, ok := r.according(i, a, b); ok {
				fs = appendFrame(fs, f)
			}
		case cueNounFilter.mayHave(l) && lx.cueNouns[l] && i > a && d.toks[i-1].poss && i+1 < b && d.toks[i+1].is("that"):
			np := r.npBefore(i-1, a)
			fs = appendFrame(fs, frame{cue: i, cueText: t.s, class: cueSay, kind: fPossessive, subj: np, content: [2]int{i + 2, r.clauseEnd(i+2, a, b)}})
		case isCue && !t.isCap():
			if f, ok := r.verbFrame(i, c, a, b); ok {
				fs = appendFrame(fs, f)
			}
		}
	}
	kept := fs[:0]
	for _, f := range fs {
		r.trimContent(&f)
		if f.content[1] <= f.content[0] && !r.nearQuote(f, a, b) && d.toks[b-1].s != ":" {
			continue // nothing reported, no quotation to frame
		}
		if f.class == cueName && !r.holdsQuote(f.content) {
			continue // "branded with", "called for": no quoted name or word
		}
		if r.setSpeaker(&f, s) {
			f.cueText = r.cuePhrase(f, b)
			kept = append(kept, f)
		}
	}
	// A later frame opening a new clause ("In response to critics saying
	// that …, Jobs said …") ends an earlier frame's content; a nested one
	// ("X said that Y claimed …") does not.
	for k := range kept {
		if kept[k].kind == fInverted || kept[k].kind == fFinal {
			continue
		}
		for m := k + 1; m < len(kept); m++ {
			start := kept[m].cue
			if kept[m].subj[1] > kept[m].subj[0] && kept[m].subj[0] > kept[k].cue {
				start = min(start, kept[m].subj[0]) // else a shared subject: "X said …, adding that …"
			}
			if start-1 > kept[k].cue && d.toks[start-1].is("and", "but", "while", "whereas", "although", "though", "yet") && d.toks[start-2].s == "," {
				start-- // "X said …, while Y said …"
			}
			if start > kept[k].cue && start < kept[k].content[1] && d.toks[start-1].s == "," {
				kept[k].content[1] = max(kept[k].content[0], start)
				r.trimContent(&kept[k])
			}
		}
	}
	if cap(kept) == room && room > 0 { // still in frameBuf's array: its room is taken
		r.frameBuf = r.frameBuf[:len(r.frameBuf)+len(kept)]
	}
	return kept[:len(kept):len(kept)] // capped: no append runs into the next sentence's frames
}

// verbFrame reads the frame around the reporting verb at token i.
func (r *registry) verbFrame(i int, c cue, a, b int) (frame, bool) {
	d := r.d
	f := frame{cue: i, cueText: d.toks[i].s, class: c.class}
	if i > a {
		if p := d.toks[i-1]; (determinerTable.at(p.lower()) && !p.is("that", "all", "both")) || p.poss {
			return f, false // a noun: "the report", "his comments"
		}
	}
	if r.negated(i, a) || r.passive(i, a) || !r.verbUse(i, c, a, b) {
		return f, false
	}
	if strings.HasSuffix(d.toks[i].s, "ing") && i > a && prepositionTable.at(d.toks[i-1].lower()) && !d.toks[i-1].is("as") {
		return f, false // a gerund: "blame for denying them entry"
	}
	ing := strings.HasSuffix(d.toks[i].s, "ing")
	if !ing && i > a && (d.toks[i-1].s == "," || (d.toks[i-1].kind == kQuote && d.toks[i-1].close)) {
		np := r.npAfter(i+1, b)
		if np[1] > np[0] && r.endsFrame(np[1], b) && r.canSpeak(np) {
			np[1] = r.affiliation(np, b)
			f.kind, f.subj = fInverted, np
			f.content = [2]int{r.clauseStart(i-1, a), i - 1}
			if d.toks[i-1].kind == kQuote {
				f.content[1] = i
			}
			return f, true
		}
	}
	switch {
	case ing && i-2 > a && d.toks[i-1].is("as") && r.quotedAs(i-2, a):
		f.subj = r.npBefore(i-2, a)
	case ing:
		if f.subj = r.sentenceSubject(a, i); f.subj[1] <= f.subj[0] {
			f.subj = r.subjectBefore(i, a)
		}
	default:
		f.subj = r.subjectBefore(i, a)
	}
	if f.subj[1] <= f.subj[0] || (c.class == cueFind && !r.finder(f.subj)) {
		return f, false
	}
	if lead, rest, ok := r.aside(f.subj[0], i, a, b); ok {
		f.lead, f.content = lead, rest
		return f, true
	}
	f.content = r.contentAfter(i, c, a, b)
	if f.content[1] <= f.content[0] && f.subj[0]-1 > a && d.toks[f.subj[0]-1].s == "," {
		f.kind = fFinal
		f.content = [2]int{r.clauseStart(f.subj[0]-1, a), f.subj[0] - 1}
		if !r.isClause(f.content) && !r.holdsQuote(f.content) {
			f.content = [2]int{f.content[1], f.content[1]} // "Speaking on the radio, the mayor urged calm"
		}
	}
	return f, true
}

// nearQuote reports whether a quotation closes within four tokens before
// f's speaker or cue.
func (r *registry) nearQuote(f frame, a, b int) bool {
	start := f.cue
	if f.subj[1] > f.subj[0] {
		start = min(start, f.subj[0])
	}
	if start-2 >= a && r.d.toks[start-1].is("quoted", "quotes", "quoting") {
		start = r.npBefore(start-2, a)[0] // "'…,' the Ledger quoted X as saying"
	}
	for k := max(a, start-4); k < start; k++ {
		if r.d.toks[k].kind == kQuote && r.d.toks[k].close && r.d.toks[k].pair < k {
			return true
		}
	}
	return false
}

// holdsQuote reports whether the span holds a quotation mark.
func (r *registry) holdsQuote(span [2]int) bool {
	for k := span[0]; k < span[1]; k++ {
		if r.d.toks[k].kind == kQuote {
			return true
		}
	}
	return false
}

// verbUse reports whether the cue word at i is used as a verb where the
// rules can read it. A bare form ("say", "term") must follow a pronoun, a
// name, a plural noun, "to" or an auxiliary; a cue that only frames
// quotations ("continued") must stand next to one.
func (r *registry) verbUse(i int, c cue, a, b int) bool {
	d := r.d
	if c.class == cueQuote {
		near := false
		for k := max(a, i-5); k < min(b, i+3); k++ {
			near = near || (d.toks[k].kind == kQuote && (d.toks[k].close && k < i || d.toks[k].open && k > i))
		}
		if !near {
			return false
		}
	}
	form := strings.ToLower(d.toks[i].s)
	if form != c.lemma && strings.HasSuffix(form, "s") && i+1 < b && i > a && !d.toks[i-1].isCap() {
		if n := d.toks[i+1]; n.is("and", "or", "of", "from", "by") || (n.kind == kPunct && n.s != ":") {
			return false // a plural noun: "notes and findings", "claims of"
		}
	}
	if form != c.lemma || i == a {
		return true
	}
	if k := i + 1; k < b && c.class != cueQuote {
		if d.toks[k].s == "," && k+1 < b {
			k++
		}
		if d.toks[k].is("which", "who") {
			return false // a noun: "its annual Climate report, which …"
		}
	}
	j := i - 1
	for j > a && (adverbTable.at(d.toks[j].lower()) || strings.HasSuffix(d.toks[j].lower(), "ly") || r.parenthetical(j, a)) {
		if r.parenthetical(j, a) {
			j -= 2
		}
		j--
	}
	p := &d.toks[j]
	l := p.lower()
	if c.class == cueDoc && lx.docNouns[l] {
		return true // "The letter read: …", past tense like the lemma
	}
	return pronounSubject(l) || l == "you" || auxiliaryTable.at(l) || l == "to" || p.isCap() ||
		(p.kind == kWord && strings.HasSuffix(l, "s") && !strings.HasSuffix(l, "ss") && !isFunction(l))
}

// negated reports whether the verb at i is negated or declined ("did not
// say", "declined to comment").
func (r *registry) negated(i, a int) bool {
	d := r.d
	for k := i - 1; k >= a && k >= i-4; k-- {
		l := d.toks[k].lower()
		if negations[l] || strings.HasSuffix(l, "n't") || strings.HasSuffix(l, "n’t") ||
			(l == "to" && k > a && d.toks[k-1].is("declined", "refused", "failed", "declines", "refuses", "refusing", "declining")) {
			return true
		}
		if !adverbTable.at(l) && !auxiliaryTable.at(l) && l != "to" && !strings.HasSuffix(l, "ly") {
			return false
		}
	}
	return false
}

// passive reports whether the participle at i is passive ("was announced").
func (r *registry) passive(i, a int) bool {
	d := r.d
	if strings.HasSuffix(d.toks[i].s, "ing") {
		return false
	}
	for k := i - 1; k >= a; k-- {
		l := d.toks[k].lower()
		switch {
		case l == "is" || l == "was" || l == "were" || l == "are" || l == "be" || l == "been" || l == "being":
			return true
		case adverbTable.at(l) || strings.HasSuffix(l, "ly"):
			continue
		}
		return false
	}
	return false
}
