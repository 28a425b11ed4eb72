package summarize

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
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
// paragraph or the previous one, the statement that closes the previous
// paragraph when the quotation opens its own (X said …¶"…"), or the
// subject of its sentence. Titles, terms (the so-called "…") and
// quotations without a speaker are left out; a Title Case quotation with a
// frame right after it ("No," she said) is speech. Reported speech is a
// frame's content clause when it holds no quotation; text reproduced after
// "which reads:" counts as direct. Each quote carries the speaker's role as
// the article gives it.
func findQuotes(sents []Sentence, reg *registry) []Quote {
	if reg == nil || reg.d == nil || len(reg.d.sents) != len(sents) {
		reg = newRegistry(sents)
	}
	d := reg.d
	sc := pooledQuoteScratch()
	defer releaseQuoteScratch(sc)
	frames := sc.frames[:0]
	defer func() { sc.frames = frames }() // grown: pooled as grown
	for s := range reg.frames {
		for i := range reg.frames[s] {
			frames = append(frames, &reg.frames[s][i])
		}
	}
	closing := reg.closingFrames()
	direct := sc.direct[:0]
	defer func() { sc.direct = direct }()
	var last *attributed
	for _, q := range d.quotes {
		a := attributed{q: q, text: d.quoteText(q), fragment: reg.fragment(q)}
		after := reg.frameAfter(q)
		if a.text == "" || reg.isTerm(q, a.text, after != nil) || inSubject(reg.frames[q.sent], q.open) {
			continue
		}
		a.f = after
		if a.f == nil {
			a.f = reg.attribute(q, a.fragment)
		}
		switch {
		case a.f != nil || a.fragment:
		case last != nil && last.f != nil && (last.q.para == q.para || (q.paraStart && last.q.para == q.para-1)):
			a.f = last.f // a quotation continued without a new attribution
		case q.paraStart && closing[q.para-1] != nil:
			a.f = closing[q.para-1] // a quoted paragraph after "X said …": X goes on in X's own words
		}
		if a.f == nil || (a.f.class == cueName && q.open > 0 && d.toks[q.open-1].is("a", "an", "the")) {
			continue
		}
		direct = append(direct, a)
		last = &direct[len(direct)-1]
	}
	out := sc.out[:0]
	defer func() { sc.out = out }()
	for i := 0; i < len(direct); i++ {
		a := direct[i]
		for i+1 < len(direct) && a.fragment && direct[i+1].fragment && direct[i+1].f == a.f && reg.coordinated(a.q, direct[i+1].q) {
			i++
			a.text += " and " + direct[i].text
		}
		out = append(out, reg.quote(a.f, a.text, Direct, a.q.sent))
	}
	out = reg.reported(out, frames, direct)
	out = append(out, reg.blocks(frames)...)
	if len(out) == 0 {
		return nil
	}
	slices.SortStableFunc(out, func(x, y Quote) int { return x.Sentence - y.Sentence })
	// The quotes leave the scratch array in one of their exact number:
	// nothing for shareBody to trim.
	return cloneExact(dedupe(out))
}

// closingFrames maps each paragraph whose last sentence holds a reporting
// frame to the last such frame: the statement a quoted paragraph right
// after it continues.
func (r *registry) closingFrames() map[int]*frame {
	d := r.d
	out := map[int]*frame{}
	for s := range d.sents {
		last := s+1 == len(d.sents) || d.sents[s+1].Para != d.sents[s].Para
		if !last {
			continue
		}
		for i := range r.frames[s] {
			if f := &r.frames[s][i]; f.class != cueName && f.speaker != "" {
				out[d.sents[s].Para] = f
			}
		}
	}
	return out
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
// statement: after "so-called", "dubbed", "named", or all Title Case
// unless a reporting frame follows it (spoken: “No,” she said).
func (r *registry) isTerm(q qspan, text string, spoken bool) bool {
	d := r.d
	if q.open > 0 && termMarkers[d.toks[q.open-1].lower()] && d.toks[q.open-1].sent == q.sent && !r.whatCalled(q.open-1) {
		return true
	}
	if q.open > 1 && d.toks[q.open-1].is("as") && d.toks[q.open-2].is("known") {
		return true
	}
	// The words of text as strings.Fields cuts them, counted up to 9
	// without building the slice: a quotation may be long.
	words := 0
	for i := 0; words <= 8; words++ {
		w, next := nextField(text, i)
		if w == "" {
			break
		}
		i = next
	}
	if words == 1 && q.open > 0 && d.toks[q.open-1].is("a", "an", "the", "or", "its", "their", "his", "her") {
		return true // a free case, or "bumper"
	}
	if words > 8 || spoken {
		return false
	}
	caps := 0
	for i := 0; ; {
		w, next := nextField(text, i)
		if w == "" {
			break
		}
		i = next
		w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if w == "" {
			continue
		}
		if c, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(c) || unicode.IsDigit(c) {
			caps++
		} else if !titleSmall[strings.ToLower(w)] {
			return false
		}
	}
	return caps > 0
}

// whatCalled reports whether the naming word at k belongs to "what X
// called", which gives X's own words: "over what she called 'a campaign
// of lies'".
func (r *registry) whatCalled(k int) bool {
	for j := k - 1; j >= 0 && j >= k-4 && r.d.toks[j].sent == r.d.toks[k].sent; j-- {
		if r.d.toks[j].is("what") {
			return true
		}
	}
	return false
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

// frameAfter returns the frame that starts right after q's closing mark,
// with nothing but punctuation between ("…," said X; "…," X told Y), or
// nil.
func (r *registry) frameAfter(q qspan) *frame {
	d := r.d
	if q.close >= 0 {
		frames := r.frames[d.toks[q.close].sent]
		for i := range frames {
			f := &frames[i]
			start := f.cue
			if f.subj[1] > f.subj[0] && f.kind != fInverted {
				start = min(start, f.subj[0])
			}
			if start-2 > q.close && d.toks[start-1].is("quoted", "quotes", "quoting") {
				start = r.npBefore(start-2, q.close+1)[0] // "'…,' the Ledger quoted X as saying": the outlet reports X's words
			}
			if start <= q.close || start-q.close > 4 || f.kind == fAccording || d.toks[start].sent != d.toks[q.close].sent {
				continue
			}
			gap := true
			for k := q.close + 1; k < start; k++ {
				if t := d.toks[k]; t.kind == kQuote || t.s == "." || t.s == ";" || t.kind == kWord {
					gap = false
				}
			}
			if gap {
				return f
			}
		}
	}
	return nil
}

// attribute finds the frame that gives q its speaker when none follows it:
// the innermost one whose content holds q, else for a full quotation
// after a comma or colon the subject of its sentence.
func (r *registry) attribute(q qspan, fragment bool) *frame {
	d := r.d
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
	return Quote{Speaker: f.speaker, Mention: strings.TrimSpace(r.d.span(f.subj[0], f.subj[1])), Role: r.role(f.ent),
		Text: text, Kind: kind, Cue: f.cueText, Sentence: sent}
}

// role returns the description the article gives entity id (its
// appositive or title chain, else the noun that introduced an
// organisation), "" for an unnamed source or an unknown entity.
func (r *registry) role(id int) string {
	if id < 0 || id >= len(r.ents) || r.ents[id].pseudo {
		return ""
	}
	e := r.ents[id]
	return lowerArticle(cmp.Or(e.desc, e.orgNoun))
}

func dedupe(qs []Quote) []Quote {
	out := qs[:0]
	if len(qs) <= dedupeScan {
		// Few quotes: a look back at those kept is cheaper than a map.
	next:
		for _, q := range qs {
			for _, k := range out {
				if k.Speaker == q.Speaker && k.Text == q.Text {
					continue next
				}
			}
			out = append(out, q)
		}
		return out
	}
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
