package bot

import (
	"cmp"
	"slices"
	"time"

	"github.com/briefbot/briefbot/summarize"
)

// mergeWindow is how far apart, in days, two reports of one deadline may
// lie: the span of one (its statement dates, due dates and articles) must
// come within this many days of the other's. The same parties' deadline a
// year later is another deadline.
const mergeWindow = 60

// deadlineRef is one deadline of the corpus: the reports of it in every
// article merged into one record. states holds each state it has had,
// with the article that reported it, in date order; the last one is the
// state that stands (while merging, revs holds them, in merge order). The
// remaining fields come from the latest report that has them.
type deadlineRef struct {
	setBy, target       string // as the name book writes them
	setKey, targetKey   string // name book keys, "" when unknown
	demand, consequence string
	evidence            string                         // the sentence stating the latest state
	art                 int                            // the article of the latest report
	arts                []int                          // every article that reports it, oldest first
	states              []revState                     // once merged; nil while merging
	odd                 map[int][2]summarize.Precision // state → its precisions without a code (see revState), nil for none
	*deadlineMerge                                     // while merging; nil after
}

// revState is one state of a merged deadline, as the index keeps it: its
// first report and what it states (see rev): revisionRef less what only
// merging and the deadline word index (the evidence and its sentence)
// need.
type revState struct {
	art             int
	lengthDays      int
	due, setOn      time.Time
	prec, setOnPrec uint8 // precisionCodes; oddPrecision for another, kept in deadlineRef.odd
	approx          bool
}

// precisionCodes are the precisions a revState holds as a number: its
// place here.
var precisionCodes = [...]summarize.Precision{"", summarize.Day, summarize.Week, summarize.Month, summarize.Year}

// oddPrecision is the code of a precision not in precisionCodes.
const oddPrecision = 255

// precisionCode returns the code of p, oddPrecision for one without.
func precisionCode(p summarize.Precision) uint8 {
	for c, q := range precisionCodes {
		if p == q {
			return uint8(c)
		}
	}
	return oddPrecision
}

// precisionOf returns the precision of code c; odd is what an oddPrecision
// stands for.
func precisionOf(c uint8, odd summarize.Precision) summarize.Precision {
	if c == oddPrecision {
		return odd
	}
	return precisionCodes[c]
}

// newRevState returns the state a merged revision keeps, with its
// precisions that have no code (see precisionCodes).
func newRevState(rv *revisionRef) (revState, [2]summarize.Precision) {
	r := &rv.r
	s := revState{art: rv.art, lengthDays: r.LengthDays, due: r.Due, setOn: r.SetOn, prec: precisionCode(r.Precision), setOnPrec: precisionCode(r.SetOnPrecision), approx: r.Approx}
	return s, [2]summarize.Precision{r.Precision, r.SetOnPrecision}
}

// rev returns state k of dr, without its evidence and sentence (empty),
// which no command reads.
func (dr *deadlineRef) rev(k int) summarize.Revision {
	s := &dr.states[k]
	odd := dr.odd[k]
	return summarize.Revision{LengthDays: s.lengthDays, Due: s.due, Precision: precisionOf(s.prec, odd[0]), SetOn: s.setOn, SetOnPrecision: precisionOf(s.setOnPrec, odd[1]), Approx: s.approx}
}

// deadlineMerge is what a deadline record keeps only while the index
// merges reports into records (see indexDeadlines): a pointer in the
// record, so that the records the index keeps do not carry its room.
type deadlineMerge struct {
	revs        []revisionRef
	words       []uint32  // content terms of its reports (symbols, ascending)
	first, last time.Time // its span (see span)
	idx         *revIndex // nil for a small record
}

// revisionRef is one state of a merged deadline: its first report, the
// date it sorts by (the statement date, else the article's) and the
// articles that repeat it.
type revisionRef struct {
	art  int
	r    summarize.Revision
	key  time.Time
	also []int
}

// latest returns the state that stands.
func (dr *deadlineRef) latest() summarize.Revision {
	if dr.deadlineMerge != nil {
		return dr.revs[len(dr.revs)-1].r
	}
	return dr.rev(len(dr.states) - 1)
}

// numStates returns the number of states dr has had.
func (dr *deadlineRef) numStates() int {
	if dr.deadlineMerge != nil {
		return len(dr.revs)
	}
	return len(dr.states)
}

// due returns the due date and precision of the state that stands; the zero
// time when that state names none (an earlier due date does not count: it
// was superseded).
func (dr *deadlineRef) due() (time.Time, summarize.Precision) {
	r := dr.latest()
	return r.Due, r.Precision
}

// indexDeadlines merges the deadlines of every article, oldest article
// first, into one record per deadline (see sameDeadline), files them
// latest first, and indexes them by actor and by the words of their
// reports, titles and summaries.
func (ix *Index) indexDeadlines() {
	ix.mergeDeadlines()
	ix.reportTerms = nil // merging is done
	ix.indexDeadlineTerms()
	for k := range ix.deadlines {
		ix.deadlines[k].finish()
	}
	for id, dr := range ix.deadlines {
		for _, k := range []string{dr.setKey, dr.targetKey} {
			for _, key := range ix.names.keys[k] {
				if ids := ix.actorKeys[key]; len(ids) == 0 || ids[len(ids)-1] != int32(id) {
					ix.actorKeys[key] = append(ids, int32(id))
				}
			}
		}
	}
}

// mergeDeadlines is the first part of indexDeadlines: it merges the
// deadlines into records (ix.deadlines), latest first, each with its
// revisions in date order, not yet finished (see finish).
func (ix *Index) mergeDeadlines() {
	arts := slices.Clone(ix.byDate)
	slices.Reverse(arts) // oldest first, undated first too: they merge into nothing dated
	f := newDeadlineFinder()
	for _, i := range arts {
		for _, d := range ix.ans[i].Deadlines {
			ix.addDeadline(f, i, d)
		}
	}
	for k := range ix.deadlines {
		dr := &ix.deadlines[k]
		dr.idx, dr.words = nil, nil // positions change: merging is done
		slices.SortStableFunc(dr.revs, func(a, b revisionRef) int { return a.key.Compare(b.key) })
	}
	ix.deadlines = latestFirst(ix.deadlines)
}

// latestFirst returns the records ordered by their latest state's date,
// then its due date, latest first, ties in filing order: a new slice, of
// the records' number (sorting an order, not the records, which are
// large).
func latestFirst(ds []deadlineRef) []deadlineRef {
	order := make([]int, len(ds))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(i, j int) int {
		a, b := &ds[i], &ds[j]
		return cmp.Or(laterFirst(a.revs[len(a.revs)-1].key, b.revs[len(b.revs)-1].key), laterFirst(a.latest().Due, b.latest().Due), cmp.Compare(i, j))
	})
	out := make([]deadlineRef, len(ds))
	for k, i := range order {
		out[k] = ds[i]
	}
	return out
}

// addDeadline merges one article's deadline into the first record (in
// filing order) of the same deadline, or files it as a new one. f finds
// the records worth comparing (see deadlineFinder).
func (ix *Index) addDeadline(f *deadlineFinder, art int, d summarize.Deadline) {
	in := ix.report(art, d, f.syms)
	match := -1
	for k := range f.candidates(&in) {
		if ix.sameDeadline(&ix.deadlines[k], &in) {
			match = k
			break
		}
	}
	if match < 0 {
		ix.deadlines = append(ix.deadlines, in)
		f.file(len(ix.deadlines)-1, &ix.deadlines[len(ix.deadlines)-1], nil)
		return
	}
	dr := &ix.deadlines[match]
	if ch := dr.merge(in); ch.lost {
		dr.first, dr.last = ix.span(dr)
	} else {
		dr.first, dr.last = widen(dr.first, dr.last, append(ch.gained, ix.arts[in.art].Published)...)
	}
	f.file(match, dr, &in)
}

// report turns one article's deadline into a one-article record, its
// content words numbered by syms. A deadline without history gets one
// revision from its own fields; a revision's date key is its statement
// date, else its article's, and never earlier than the revision before it
// in the same article.
func (ix *Index) report(art int, d summarize.Deadline, syms symbols) deadlineRef {
	dr := deadlineRef{
		setKey: ix.names.resolve(d.SetBy), targetKey: ix.names.resolve(d.Target),
		demand: d.Demand, consequence: d.Consequence, evidence: d.Evidence,
		art: art, arts: []int{art},
		deadlineMerge: &deadlineMerge{},
	}
	dr.setBy, dr.target = cmp.Or(ix.names.display[dr.setKey], d.SetBy), cmp.Or(ix.names.display[dr.targetKey], d.Target)
	hist := slices.Clone(d.History)
	if len(hist) == 0 {
		hist = []summarize.Revision{{Due: d.Due, Precision: d.Precision, Evidence: d.Evidence, Sentence: d.Sentence}}
	}
	if last := &hist[len(hist)-1]; last.Due.IsZero() && !d.Due.IsZero() {
		last.Due, last.Precision = d.Due, d.Precision
	}
	var prev time.Time
	for _, r := range hist {
		key := cmp.Or(r.SetOn, ix.arts[art].Published)
		if key.Before(prev) {
			key = prev
		}
		prev = key
		dr.revs = append(dr.revs, revisionRef{art: art, r: r, key: key})
	}
	for _, s := range [...]string{d.Demand, d.Consequence, d.Evidence} {
		for _, t := range ix.contentTerms(s) {
			dr.words = append(dr.words, syms.id(t))
		}
	}
	slices.Sort(dr.words)
	dr.words = slices.Clip(slices.Compact(dr.words))
	dr.first, dr.last = ix.span(&dr)
	return dr
}

// genericDeadlineTerms are stemmed terms every deadline report may carry;
// they say nothing about which deadline it is.
var genericDeadlineTerms = func() map[string]bool {
	m := map[string]bool{}
	for _, t := range terms("deadline deadlines ultimatum day days week weeks month months year years " +
		"due until set gave given extended cut reduced moved end ends expires today tomorrow " +
		"january february march april may june july august september october november december " +
		"monday tuesday wednesday thursday friday saturday sunday") {
		m[t] = true
	}
	return m
}()

// finish ends merging dr: its states from its revisions, in their
// order, and its lists without the spare capacity merging left; what
// only merging needs is dropped.
func (dr *deadlineRef) finish() {
	if cap(dr.arts) > len(dr.arts) {
		dr.arts = slices.Clone(dr.arts)
	}
	dr.states = make([]revState, len(dr.revs))
	for k := range dr.revs {
		s, precs := newRevState(&dr.revs[k])
		dr.states[k] = s
		if s.prec == oddPrecision || s.setOnPrec == oddPrecision {
			if dr.odd == nil {
				dr.odd = map[int][2]summarize.Precision{}
			}
			dr.odd[k] = precs
		}
	}
	dr.deadlineMerge = nil
}

// sentence returns the text of an article's sentence, "" when out of range.
func (ix *Index) sentence(art, s int) string {
	if ix.ans != nil {
		return sentenceText(ix.ans[art], s)
	}
	return ix.enc.sentence(art, s)
}
