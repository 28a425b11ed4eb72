package summarize

import "strings"

// Asides: a cue set off inside the clause it reports ("The suspects,
// police said, had fled"), and the words around a cue that tell how the
// statement was made ("said in a statement", "told the AFP news agency").

// aside reads a parenthetical attribution set off by commas inside the
// clause it reports: "The suspects, police said, had crossed …" and "By
// this time, officials said, most residents had fled". lo is the speaker's
// first token and i the cue. lead is the part before the speaker, rest the
// part after the cue's comma; ok is false when the cue is not set off so.
func (r *registry) aside(lo, i, a, b int) (lead, rest [2]int, ok bool) {
	d := r.d
	if lo-1 <= a || d.toks[lo-1].s != "," {
		return lead, rest, false
	}
	k := i + 1
	for k < b && (timeWordTable.at(d.toks[k].lower()) || isDayName(d.toks[k].s)) {
		k++ // "police said on Monday,"
	}
	if k+1 >= b || d.toks[k].s != "," || d.toks[k+1].kind == kQuote || d.toks[k+1].is("that", "but", "and", "adding", "saying") {
		return lead, rest, false
	}
	lead = [2]int{r.clauseStart(lo-1, a), lo - 1}
	if lead[1] <= lead[0] || r.holdsQuote(lead) {
		return lead, rest, false
	}
	return lead, [2]int{k + 1, r.clauseEnd(k+1, a, b)}, true
}

// leadText joins the words before a parenthetical cue to the reported
// words after it: with a comma when those open a clause of their own
// ("By this time, most residents had fled"), else with a space ("The
// suspects had crossed …").
func (r *registry) leadText(f *frame, text string) string {
	d := r.d
	lead := strings.TrimRight(d.span(f.lead[0], f.lead[1]), ", ")
	t := d.toks[f.content[0]]
	l := t.lower()
	_, pro := pronounTable.get(l)
	if determinerTable.at(l) || pro || t.kind == kNum || l == "there" || r.bareClause(f.content[0], f.content[1]) ||
		(t.isCap() && !verbish(l)) {
		return lead + ", " + text
	}
	return lead + " " + text
}

// cuePhrase returns the words that cue f's statement: the reporting verb
// with the listener or channel it names ("told the AFP news agency", "said
// in a statement", "wrote in a blog post"), up to what is reported or the
// end of the clause; b is the sentence end.
func (r *registry) cuePhrase(f frame, b int) string {
	d := r.d
	if f.kind == fAccording || f.kind == fPossessive {
		return f.cueText
	}
	end := f.cue + 1
	switch {
	case f.content[0] > f.cue && f.content[1] > f.content[0]:
		end = f.content[0] // "said in a statement that …"
	default:
		verb := d.span(f.cue, f.cue+1)
		k := max(f.cue+1, f.subj[1])
		if f.class == cueTell && f.subj[1] <= f.cue {
			if k = r.skipListener(f.cue+1, b); k > f.cue+1 {
				verb = d.span(f.cue, k) // "…," she told reporters
			}
		}
		end = k
		if k < b && d.toks[k].is("in", "on", "to", "via") {
			for end < b && end < k+8 && d.toks[end].kind == kWord {
				end++ // "… the airline said in a statement."
			}
		}
		if end == k {
			return verb
		}
		return verb + " " + d.span(k, end)
	}
	for end > f.cue+1 && (d.toks[end-1].is("that") || d.toks[end-1].kind == kPunct) {
		end--
	}
	return d.span(f.cue, end)
}
