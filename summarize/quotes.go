package summarize

import (
	"slices"
	"strings"
	"unicode"
)

// termMarkers before a quotation make it a name or a term, not a
// statement: the so-called "death grip".
var termMarkers = wordsOf("so-called dubbed named nicknamed termed titled called known branded labelled labeled word words term terms phrase slogan motto headline")

// titleSmall are the words a title of a work may leave in lower case.
var titleSmall = wordsOf("a an the of and or for in on to at by with from as vs")

// attributed is a quotation with its speaker.
type attributed struct {
	q        qspan
	f        *frame // the frame that gives the speaker
	text     string
	fragment bool
}

// findQuotes returns every attributed statement of the article, direct and
// reported, in text order. A direct quote is the words inside one pair of
// quotation marks (or one paragraph of a quotation continued over
// paragraphs); coordinated fragments ('disgusting' and 'shameful') make one
// quote. Its speaker comes from the frame right after it ("…," said X), the
// frame whose content holds it (X said: "…"), an earlier quote of the same
// paragraph or the previous one, or the subject of its sentence. Titles,
// terms (the so-called "…") and quotations without a speaker are left out.
// Reported speech is a frame's content clause when it holds no quotation;
// text reproduced after "which reads:" counts as direct.
func findQuotes(sents []Sentence, reg *registry) []Quote {
	if reg == nil || reg.d == nil || len(reg.d.sents) != len(sents) {
		reg = newRegistry(sents)
	}
	d := reg.d
	var frames []*frame
	for s := range reg.frames {
		for i := range reg.frames[s] {
			frames = append(frames, &reg.frames[s][i])
		}
	}
	var direct []attributed
	var last *attributed
	for _, q := range d.quotes {
		a := attributed{q: q, text: d.quoteText(q), fragment: reg.fragment(q)}
		if a.text == "" || reg.isTerm(q, a.text) || inSubject(reg.frames[q.sent], q.open) {
			continue
		}
		a.f = reg.attribute(q, a.fragment)
		if a.f == nil && !a.fragment && last != nil && last.f != nil &&
			(last.q.para == q.para || (q.paraStart && last.q.para == d.sents[q.sent].Para-1)) {
			a.f = last.f // a quotation continued without a new attribution
		}
		if a.f == nil || (a.f.class == cueName && q.open > 0 && d.toks[q.open-1].is("a", "an", "the")) {
			continue
		}
		direct = append(direct, a)
		last = &direct[len(direct)-1]
	}
	var out []Quote
	for i := 0; i < len(direct); i++ {
		a := direct[i]
		for i+1 < len(direct) && a.fragment && direct[i+1].fragment && direct[i+1].f == a.f && reg.coordinated(a.q, direct[i+1].q) {
			i++
			a.text += " and " + direct[i].text
		}
		out = append(out, reg.quote(a.f, a.text, Direct, a.q.sent))
	}
	out = append(out, reg.reported(frames, direct)...)
	out = append(out, reg.blocks(frames)...)
	slices.SortStableFunc(out, func(x, y Quote) int { return x.Sentence - y.Sentence })
	return dedupe(out)
}

// fragment reports whether q is a quoted fragment inside a sentence rather
// than a quotation standing on its own: fewer than four words, or
// embedded after a word and starting in lower case.
func (r *registry) fragment(q qspan) bool {
	d := r.d
	if q.end-q.open-1 < 4 {
		return true
	}
	first := d.toks[q.open+1]
	embedded := q.open > d.sentTok[q.sent][0] && d.toks[q.open-1].kind == kWord
	return embedded && !first.isCap()
}

// isTerm reports whether q is a title of a work or a term rather than a
// statement: all Title Case, or after "so-called", "dubbed", "named".
func (r *registry) isTerm(q qspan, text string) bool {
	d := r.d
	if q.open > 0 && termMarkers[d.toks[q.open-1].lower()] && d.toks[q.open-1].sent == q.sent {
		return true
	}
	if q.open > 1 && d.toks[q.open-1].is("as") && d.toks[q.open-2].is("known") {
		return true
	}
	words := strings.Fields(text)
	if len(words) == 1 && q.open > 0 && d.toks[q.open-1].is("a", "an", "the", "or", "its", "their", "his", "her") {
		return true // a free case, or "bumper"
	}
	if len(words) > 8 {
		return false
	}
	caps := 0
	for _, w := range words {
		w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if w == "" {
			continue
		}
		if c := []rune(w)[0]; unicode.IsUpper(c) || unicode.IsDigit(c) {
			caps++
		} else if !titleSmall[strings.ToLower(w)] {
			return false
		}
	}
	return caps > 0
}

// inSubject reports whether token i lies in a frame's speaker phrase (an
// individual "with direct knowledge of the situation").
func inSubject(frames []frame, i int) bool {
	for _, f := range frames {
		if i >= f.subj[0] && i < f.subj[1] {
			return true
		}
	}
	return false
}

// attribute finds the frame that gives q its speaker: one that starts right
// after the closing mark, else the innermost one whose content holds q.
func (r *registry) attribute(q qspan, fragment bool) *frame {
	d := r.d
	if q.close >= 0 {
		frames := r.frames[d.toks[q.close].sent]
		for i := range frames {
			f := &frames[i]
			start := f.cue
			if f.subj[1] > f.subj[0] && f.kind != fInverted {
				start = min(start, f.subj[0])
			}
			if start <= q.close || start-q.close > 4 || f.kind == fAccording || d.toks[start].sent != d.toks[q.close].sent {
				continue
			}
			gap := true
			for k := q.close + 1; k < start; k++ {
				if t := d.toks[k]; t.kind == kQuote || t.s == "." || t.s == ";" || (t.kind == kWord && verbish(t.lower()) && !t.is("quoted", "quotes")) {
					gap = false
				}
			}
			if gap {
				return f
			}
		}
	}
	var best *frame
	for i := range r.frames[q.sent] {
		f := &r.frames[q.sent][i]
		if q.open >= f.content[0] && q.open < f.content[1] && (best == nil || f.content[1]-f.content[0] < best.content[1]-best.content[0]) {
			best = f
		}
	}
	if best != nil || fragment {
		return best
	}
	if q.open > d.sentTok[q.sent][0] && (d.toks[q.open-1].s == "," || d.toks[q.open-1].s == ":") {
		for _, m := range r.ments[q.sent] {
			if e := r.ents[m.ent]; m.subj && m.b <= q.open && !e.pseudo {
				// `Jobs extended an invitation to the label, "…"`
				return &frame{cue: m.b, class: cueSay, subj: [2]int{m.a, m.b}, ent: m.ent, speaker: e.name}
			}
		}
	}
	return nil
}

// coordinated reports whether only "and", "or" and commas separate two
// quotations.
func (r *registry) coordinated(a, b qspan) bool {
	if a.close < 0 || a.sent != b.sent {
		return false
	}
	for k := a.close + 1; k < b.open; k++ {
		if t := r.d.toks[k]; t.s != "," && !t.is("and", "or") {
			return false
		}
	}
	return true
}

// quote builds a Quote spoken in frame f.
func (r *registry) quote(f *frame, text, kind string, sent int) Quote {
	return Quote{Speaker: f.speaker, Mention: strings.TrimSpace(r.d.span(f.subj[0], f.subj[1])), Text: text,
		Kind: kind, Cue: f.cueText, Sentence: sent}
}

func dedupe(qs []Quote) []Quote {
	out := qs[:0]
	seen := map[[2]string]bool{}
	for _, q := range qs {
		k := [2]string{q.Speaker, q.Text}
		if !seen[k] {
			seen[k] = true
			out = append(out, q)
		}
	}
	return out
}
