package summarize

import (
	"slices"
	"strings"
)

// maxBlockParas bounds text reproduced after "which reads:".
const maxBlockParas = 30

// reported returns the reported speech of the frames: each content span
// cut into "…, and that …" conjuncts, with the conjuncts that hold a
// quotation attributed to the same speaker left to the direct quotes (a
// paraphrase with a quoted fragment is one direct quote of the fragment).
// A conjunct holding someone else's words in a relative clause ("Critics
// say the law, which the government calls 'a framework', is vague") stays
// reported.
//
// The quotes are appended to out, which is returned.
func (r *registry) reported(out []Quote, frames []*frame, direct []attributed) []Quote {
	d := r.d
	quoted, full := map[int]*frame{}, map[int]bool{}
	for _, a := range direct {
		quoted[a.q.open], full[a.q.open] = a.f, !a.fragment
	}
	var spans [][2]int // content of the sentence's frames that can report
	spanSent := -1
	for _, f := range frames {
		if s := d.toks[f.cue].sent; s != spanSent {
			spans, spanSent = spans[:0], s
			for _, g := range r.frames[s] {
				if g.class != cueName && g.class != cueQuote && g.class != cueDoc {
					spans = append(spans, g.content)
				}
			}
			slices.SortFunc(spans, func(x, y [2]int) int { return x[0] - y[0] })
		}
		if f.class == cueName || f.class == cueQuote || f.class == cueDoc {
			continue
		}
		lo, hi := f.content[0], f.content[1]
		var parts [][2]int
		start := lo
		for k := lo; k < hi; k++ {
			t := &d.toks[k]
			if t.kind == kQuote && t.pair > k {
				k = t.pair
				continue
			}
			if t.is("that") && k-1 > start && d.toks[k-1].is("and", "but") {
				end := k - 1
				if d.toks[end-1].s == "," {
					end--
				}
				parts = append(parts, [2]int{start, end})
				start = k + 1
			}
		}
		parts = append(parts, [2]int{start, hi})
		run := [2]int{-1, -1}
		flush := func() {
			if run[0] >= 0 && !nested(spans, run, f.content) {
				if q, ok := r.reportedQuote(f, run[0], run[1]); ok {
					out = append(out, q)
				}
			}
			run = [2]int{-1, -1}
		}
		for _, p := range parts {
			has := false
			for k := p[0]; k < p[1]; k++ {
				who, ok := quoted[k]
				if ok && k-1 > p[0] && (strings.Contains("-—–:", d.toks[k-1].s) || (full[k] && d.toks[k-1].s == ",")) {
					p[1] = k - 1 // "…, the music it sells is not - \"I conclude …\""
					break
				}
				has = has || (ok && (who.speaker == f.speaker || !r.relative(who, p[0])))
			}
			switch {
			case has:
				flush()
			case run[0] < 0:
				run = p
			default:
				run[1] = p[1]
			}
		}
		flush()
	}
	return out
}

// relative reports whether frame g stands in a relative clause that opens
// after token lo: ", which the government calls …".
func (r *registry) relative(g *frame, lo int) bool {
	start := g.cue
	if g.subj[1] > g.subj[0] {
		start = min(start, g.subj[0])
	}
	for k := start - 1; k > lo; k-- {
		if r.d.toks[k].is("which", "who", "whom", "whose") && r.d.toks[k-1].s == "," {
			return true
		}
	}
	return false
}

// nested reports whether run lies inside another frame's content: "X said
// that Y claimed Z" is X's statement.
func nested(spans [][2]int, run, own [2]int) bool {
	lo, _ := slices.BinarySearchFunc(spans, run[0]-maxClause, func(x [2]int, t int) int { return x[0] - t })
	for _, sp := range spans[lo:] {
		if sp[0] > run[0] {
			break
		}
		if sp != own && sp[0] <= run[0] && run[1] <= sp[1] && sp[1]-sp[0] > own[1]-own[0] {
			return true
		}
	}
	return false
}

// reportedQuote makes the reported clause [lo,hi) of f a Quote, unless it
// is too short to be a statement.
func (r *registry) reportedQuote(f *frame, lo, hi int) (Quote, bool) {
	d := r.d
	words := 0
	for k := lo; k < hi; k++ {
		if d.toks[k].kind == kWord || d.toks[k].kind == kNum {
			words++
		}
	}
	if words < 3 {
		return Quote{}, false
	}
	text := strings.TrimSpace(strings.TrimRight(d.span(lo, hi), ",;:—– "))
	text = strings.TrimPrefix(text, "that ")
	if f.lead[1] > f.lead[0] && lo == f.content[0] {
		text = r.leadText(f, text)
	}
	return r.quote(f, text, Reported, d.toks[lo].sent), true
}

// blocks returns text reproduced verbatim after a frame that ends its
// paragraph with a colon ("Apple released the text of Jobs's email, which
// reads:"): each following paragraph up to one with quotation marks or a
// reporting frame of its own is a direct quote. A short salutation line
// ("Team,") joins the paragraph after it.
func (r *registry) blocks(frames []*frame) []Quote {
	d := r.d
	var out []Quote
	for _, f := range frames {
		s := d.toks[f.cue].sent
		b := d.sentTok[s][1]
		if d.toks[b-1].s != ":" || f.cue < b-6 || f.content[1] > f.content[0] ||
			s+1 >= len(d.sents) || d.sents[s+1].Para == d.sents[s].Para {
			continue
		}
		prefix, prefixSent := "", -1
		for p, n := s+1, 0; p < len(d.sents) && n < maxBlockParas; n++ {
			q := p
			for q < len(d.sents) && d.sents[q].Para == d.sents[p].Para {
				q++
			}
			stop := len(r.frames[p]) > 0
			var texts []string
			for k := p; k < q; k++ {
				stop = stop || len(r.frames[k]) > 0
				for i := d.sentTok[k][0]; i < d.sentTok[k][1]; i++ {
					stop = stop || d.toks[i].kind == kQuote
				}
				texts = append(texts, d.sents[k].Text)
			}
			if stop {
				break
			}
			text := strings.Join(texts, " ")
			if len(strings.Fields(text)) <= 3 && strings.HasSuffix(text, ",") {
				prefix, prefixSent = text+" ", p
				p = q
				continue
			}
			sent := p
			if prefixSent >= 0 {
				sent = prefixSent
			}
			out = append(out, r.quote(f, prefix+text, Direct, sent))
			prefix, prefixSent = "", -1
			p = q
		}
	}
	return out
}
