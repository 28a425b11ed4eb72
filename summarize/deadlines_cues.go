package summarize

// Reading the deadline mentions of one sentence: the cue words, the date
// or length they govern, and the statement's own date.

// The kinds of deadline mention.
const (
	mentionNew     = iota // a deadline is set, or a date by which something is due
	mentionRevise         // it is cut, extended, moved or delayed
	mentionRestate        // "the deadline ends this week": its current state, unchanged
)

// mention is one statement about a deadline in a sentence.
type mention struct {
	kind        int
	rev         Revision
	delta       int       // days added ("extended by") or removed ("cut by"), for a revision without a new value
	lengthN     int       // a length in lengthUnit units, whose due date runs from SetOn
	lengthUnit  Precision // Day, Week, Month or Year
	setBy       string
	target      string
	demand      string
	consequence string
}

var deadlineNouns = wordSet("deadline", "ultimatum")
var reviseVerbs = wordSet("reduced", "reduce", "reduces", "cut", "cuts", "shortened", "shortens",
	"extended", "extends", "extend", "moved", "moves", "brought", "pushed", "postponed",
	"postpones", "delayed", "delays", "advanced")
var shrinkVerbs = wordSet("reduced", "reduce", "reduces", "cut", "cuts", "shortened", "shortens",
	"brought", "advanced")
var giveVerbs = wordSet("gave", "give", "gives", "given", "giving", "granted", "grants", "grant")
var expireWords = wordSet("expire", "expires", "expired", "expiring", "expiry", "lapse", "lapses")
var restateVerbs = wordSet("ends", "end", "expires", "expire", "falls", "is", "was", "runs",
	"passes", "lapses", "comes")
var obligationWords = wordSet("must", "ordered", "order", "orders", "required", "requires",
	"require", "demanded", "demands", "obliged", "deadline", "ultimatum")
var dlDefinite = wordSet("the", "this", "that", "its", "his", "her", "their")

// sentenceScan reads the deadline mentions of one sentence.
type sentenceScan struct {
	tg   *tagger
	xs   []timex
	used []bool
	si   int
	reg  *registry
	opts dlOptions
	out  []mention
}

// at returns the index of the unused point-in-time expression (date or
// relative, not a duration or reference) starting at timeToken i, or -1.
func (sc *sentenceScan) at(i int) int {
	for n, x := range sc.xs {
		if x.i == i && !sc.used[n] && (x.Kind == kindDate || x.Kind == kindRelative) {
			return n
		}
	}
	return -1
}

// durationAt returns the index of the unused duration starting at i, or -1.
func (sc *sentenceScan) durationAt(i int) int {
	for n, x := range sc.xs {
		if x.i == i && !sc.used[n] && x.Kind == kindDuration {
			return n
		}
	}
	return -1
}

// after returns the first unused point expression starting in (i, i+w].
func (sc *sentenceScan) after(i, w int) int {
	for k := i + 1; k <= i+w && k < len(sc.tg.toks); k++ {
		if n := sc.at(k); n >= 0 {
			return n
		}
	}
	return -1
}

// scan walks the tokens once and records a mention at each cue.
func (sc *sentenceScan) scan() {
	tg := sc.tg
	hasObligation := false
	for k, t := range tg.toks {
		hasObligation = hasObligation || obligationWords[t.low] ||
			((t.low == "has" || t.low == "have" || t.low == "had") && tg.low(k+1) == "to")
	}
	for k, t := range tg.toks {
		w := t.low
		switch {
		case reviseVerbs[w]:
			sc.revision(k)
		case deadlineNouns[w] || (w == "time" && tg.low(k+1) == "limit"):
			sc.noun(k)
		case w == "due" && tg.low(k+1) != "to":
			if n := sc.after(k, 3); n >= 0 {
				sc.value(mentionNew, n, k, -1, -1)
			}
		case expireWords[w]:
			if n := sc.after(k, 4); n >= 0 {
				sc.value(mentionNew, n, k, -1, -1)
			}
		case giveVerbs[w]:
			sc.give(k)
		case (w == "has" || w == "have" || w == "had") && sc.durationAt(k+1) >= 0:
			sc.give(k)
		case w == "until" || w == "till":
			if n := sc.at(k + 1); n >= 0 && !sc.xs[n].Past {
				sc.value(mentionNew, n, k, -1, -1)
			}
		case w == "later" && tg.low(k-1) == "no" && tg.low(k+1) == "than":
			if n := sc.at(k + 2); n >= 0 {
				sc.value(mentionNew, n, k-1, -1, -1)
			}
		case w == "by":
			n := sc.at(k + 1)
			if n < 0 || sc.xs[n].Past || nearestDir(tg.marks, k, sc.xs[n].j) == dirPast {
				break
			}
			edge := edgeWords[tg.low(k+1)] || edgeWords[tg.low(k+2)]
			if sc.opts.bareBy || edge || hasObligation {
				sc.value(mentionNew, n, k, -1, -1)
			}
		case w == "within":
			if n := sc.at(k); n >= 0 && !sc.xs[n].Past {
				sc.value(mentionNew, n, k, -1, -1)
			} else if n := sc.durationAt(k + 1); n >= 0 && sc.imposedBefore(k) {
				sc.value(mentionNew, n, k, -1, -1)
			}
		case w == "from":
			sc.window(k)
		}
	}
}

// imposedBefore reports whether an obligation or a setting verb ("must",
// "ordered", "gave") comes before token k: "ordered them to leave within
// 30 days" imposes a limit, "Within two days, he had resigned" does not.
func (sc *sentenceScan) imposedBefore(k int) bool {
	for p := 0; p < k; p++ {
		if w := sc.tg.low(p); obligationWords[w] || setterVerbs[w] {
			return true
		}
	}
	return false
}

// window reads "from DATE to|until|through DATE" pointing forward (a
// voting window, an offer period) as a deadline due at its end.
func (sc *sentenceScan) window(k int) {
	a := sc.at(k + 1)
	if a < 0 {
		return
	}
	x := sc.xs[a]
	if sep := sc.tg.low(x.j); sep != "to" && sep != "until" && sep != "through" && sep != "till" && sep != "-" && sep != "–" {
		return
	}
	b := sc.at(x.j + 1)
	if b < 0 || nearestDir(sc.tg.marks, k, sc.xs[b].j) == dirPast {
		return
	}
	sc.used[a] = true
	sc.xs[b] = sc.tg.forward(sc.xs[b])
	sc.value(mentionNew, b, k, -1, -1)
}

// revision reads "reduced/extended/moved/delayed it to|until|by X".
func (sc *sentenceScan) revision(k int) {
	tg := sc.tg
	for p := k + 1; p <= k+5 && p < len(tg.toks); p++ {
		w := tg.low(p)
		if w != "to" && w != "until" && w != "till" && w != "by" {
			if w == "." || w == ";" || w == "," {
				return
			}
			continue
		}
		if d := sc.durationAt(p + 1); d >= 0 {
			if w == "by" {
				sign := 1
				if shrinkVerbs[tg.low(k)] {
					sign = -1
				}
				sc.used[d] = true
				sc.out = append(sc.out, mention{kind: mentionRevise, delta: sign * sc.xs[d].days(),
					rev: Revision{Evidence: sc.evidence(k, sc.xs[d].j), Sentence: sc.si}})
				return
			}
			sc.value(mentionRevise, d, k, -1, -1)
			return
		}
		if n := sc.at(p + 1); n >= 0 && w != "by" {
			sc.xs[n] = tg.forward(sc.xs[n])
			sc.value(mentionRevise, n, k, -1, -1)
			return
		}
	}
}

// noun reads a deadline noun: "a 50-day deadline", "a deadline of 30
// days", "a Friday deadline", or "the deadline ends this week".
func (sc *sentenceScan) noun(k int) {
	tg := sc.tg
	end := k + 1
	if tg.low(k) == "time" {
		end = k + 2
	}
	for n, x := range sc.xs {
		if x.j == k && !sc.used[n] && x.Kind != kindRef {
			sc.value(mentionNew, n, k, sc.npStart(x.i), end)
			return
		}
	}
	if tg.low(end) == "of" {
		if n := sc.durationAt(end + 1); n >= 0 {
			sc.value(mentionNew, n, k, sc.npStart(k), sc.xs[n].j)
			return
		}
		if n := sc.at(end + 1); n >= 0 {
			sc.value(mentionNew, n, k, sc.npStart(k), sc.xs[n].j)
			return
		}
	}
	if n := sc.after(end-1, 8); n >= 0 {
		kind := mentionNew
		if dlDefinite[tg.low(k-1)] && restateVerbs[tg.low(end)] {
			kind = mentionRestate
		}
		sc.value(kind, n, k, -1, -1)
	}
}

// give reads "gave X N days to ...", "has N days to ...".
func (sc *sentenceScan) give(k int) {
	for p := k + 1; p <= k+8 && p < len(sc.tg.toks); p++ {
		if d := sc.durationAt(p); d >= 0 {
			if w := sc.tg.low(sc.xs[d].j); w == "to" || w == "for" || w == "until" {
				sc.value(mentionNew, d, k, -1, -1)
			}
			return
		}
	}
}

// value records a mention whose value is the expression xs[n]: a due date,
// or a length whose due date is computed once the statement's date is
// known. The cue is at timeToken k; a noun phrase [np, npEnd) ("a 50-day
// deadline"), when np >= 0, is the evidence, else the cue's clause is.
func (sc *sentenceScan) value(kind, n, k, np, npEnd int) {
	x := sc.xs[n]
	sc.used[n] = true
	m := mention{kind: kind, rev: Revision{Evidence: sc.evidence(k, x.j), Sentence: sc.si}}
	if np >= 0 {
		m.rev.Evidence = sc.phrase(np, npEnd)
	}
	if x.Kind == kindDuration {
		m.rev.LengthDays, m.lengthN, m.lengthUnit = x.days(), x.Max, x.Unit
	} else {
		m.rev.Precision = x.Precision
		if x.resolved() {
			m.rev.Due = dueDay(x.Value, x.Precision)
		}
	}
	switch kind {
	case mentionNew:
		start := np
		if start < 0 {
			start = k
		}
		sc.parts(&m, k, start, max(x.j, npEnd, k+1))
	case mentionRevise:
		if reviseVerbs[sc.tg.low(k)] {
			if who, passive := sc.subject(k); !passive {
				m.setBy = who
			}
		}
	}
	sc.out = append(sc.out, m)
}
