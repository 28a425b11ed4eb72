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
	noun        bool      // a revision whose clause names a deadline noun ("extended the deadline by 10 days")
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

// scanCues are the words at which scan may record a mention: the first
// test of each of its cases. A case that learns a new cue word must add
// it here.
var scanCues = func() map[string]bool {
	m := wordSet("time", "due", "has", "have", "until", "till", "later", "by", "within", "from")
	for _, set := range []map[string]bool{reviseVerbs, deadlineNouns, expireWords, closeVerbs, giveVerbs} {
		for w := range set {
			m[w] = true
		}
	}
	return m
}()

// scanCuesFilter turns most words away before a lookup in scanCues.
var scanCuesFilter = newWordFilter(scanCues)

// scan walks the tokens once and records a mention at each cue. A cue
// whose clause is about an occasion (a meeting, a trip) records nothing;
// "by", "within" and "until" in the past need the sentence to impose the
// limit (see imposedIn), so self-set targets and expected or past
// durations are left out.
func (sc *sentenceScan) scan() {
	tg := sc.tg
	imposedKnown, imposedVal := false, false
	imposed := func() bool { // read once, and only for a cue that needs it
		if !imposedKnown {
			imposedKnown, imposedVal = true, sc.imposedIn(0, len(tg.toks))
		}
		return imposedVal
	}
	for k := range tg.toks {
		w := tg.low(k)
		if !scanCuesFilter.mayHave(w) || !scanCues[w] {
			continue
		}
		switch {
		case reviseVerbs[w]:
			sc.revision(k)
		case deadlineNouns[w] || (w == "time" && tg.low(k+1) == "limit"):
			sc.noun(k)
		case w == "due" && tg.low(k+1) != "to":
			if n := sc.after(k, 3); n >= 0 && !sc.occasion(sc.headClause(k), k) {
				sc.value(mentionNew, n, k, -1, -1)
			}
		case expireWords[w]:
			if n := sc.after(k, 4); n >= 0 && !sc.occasion(sc.headClause(k), k) {
				sc.value(mentionNew, n, k, -1, -1)
			}
		case closeVerbs[w] && tg.low(k+1) != "of" && sc.windowBefore(k):
			if n := sc.after(k, 3); n >= 0 { // "voting ends on May 20": a window's end lies ahead
				sc.xs[n] = tg.forward(sc.xs[n])
				sc.value(mentionNew, n, k, -1, -1)
			}
		case giveVerbs[w]:
			sc.give(k)
		case (w == "has" || w == "have") && sc.durationAt(k+1) >= 0:
			sc.give(k)
		case w == "until" || w == "till":
			n := sc.at(k + 1)
			if n < 0 || sc.xs[n].Past || sc.pastState(k, sc.xs[n]) || sc.occasion(sc.headClause(k), k) {
				break
			}
			sc.value(mentionNew, n, k, -1, -1)
		case w == "later" && tg.low(k-1) == "no" && tg.low(k+1) == "than":
			if n := sc.at(k + 2); n >= 0 {
				sc.value(mentionNew, n, k-1, -1, -1)
			}
		case w == "by":
			n := sc.at(k + 1)
			if n < 0 || sc.xs[n].Past || nearestDir(tg.tense(), k, sc.xs[n].j) == dirPast && !sc.infinitiveBefore(k) {
				break
			}
			if sc.opts.bareBy || imposed() {
				sc.value(mentionNew, n, k, -1, -1)
			}
		case w == "within":
			if !imposed() {
				break
			}
			if n := sc.at(k); n >= 0 && !sc.xs[n].Past {
				sc.value(mentionNew, n, k, -1, -1)
			} else if n := sc.durationAt(k + 1); n >= 0 {
				sc.value(mentionNew, n, k, -1, -1)
			}
		case w == "from":
			sc.window(k)
		}
	}
}

// window reads "from DATE to|until|through DATE" pointing forward (a
// voting window, an offer period) as a deadline due at its end; the
// dates of an event ("the festival runs from June 1 to June 5") are none.
func (sc *sentenceScan) window(k int) {
	a := sc.at(k + 1)
	if a < 0 || !sc.windowOpen() {
		return
	}
	x := sc.xs[a]
	if sep := sc.tg.low(x.j); sep != "to" && sep != "until" && sep != "through" && sep != "till" && sep != "-" && sep != "–" {
		return
	}
	b := sc.at(x.j + 1)
	if b < 0 || nearestDir(sc.tg.tense(), k, sc.xs[b].j) == dirPast {
		return
	}
	sc.used[a] = true
	sc.xs[b] = sc.tg.forward(sc.xs[b])
	sc.value(mentionNew, b, k, -1, -1)
}

// revision reads "reduced/extended/moved/delayed it to|until|by X". What
// is changed is read from the verb's clause up to "to": an occasion ("the
// meeting was moved to Thursday", "reduced his sentence to 10 years") is
// no deadline; a deadline noun there marks the mention (see mention.noun).
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
		cs := sc.clauseStart(k)
		if sc.occasion(cs, p) {
			return
		}
		m := mention{kind: mentionRevise, noun: sc.namesDeadline(cs, p)}
		if d := sc.durationAt(p + 1); d >= 0 {
			if w == "by" {
				m.delta = sc.xs[d].days()
				if shrinkVerbs[tg.low(k)] {
					m.delta = -m.delta
				}
				sc.used[d] = true
				m.rev = Revision{Evidence: sc.evidence(k, sc.xs[d].j), Sentence: sc.si}
				sc.out = append(sc.out, m)
				return
			}
			sc.value(mentionRevise, d, k, -1, -1)
			sc.out[len(sc.out)-1].noun = m.noun
			return
		}
		if n := sc.at(p + 1); n >= 0 && w != "by" {
			sc.xs[n] = tg.forward(sc.xs[n])
			sc.value(mentionRevise, n, k, -1, -1)
			sc.out[len(sc.out)-1].noun = m.noun
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
		for p := end; p < sc.xs[n].i; p++ {
			if reviseVerbs[tg.low(p)] {
				return // "the deadline was moved to Thursday": the revision reads it forward
			}
		}
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
			j := sc.xs[d].j
			if w := sc.tg.low(j); (w == "to" || w == "for" || w == "until") && !remainingVerbs[sc.tg.low(j+1)] {
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
