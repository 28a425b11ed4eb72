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
// article merged into one record. revs holds each state it has had, with
// the article that reported it, in date order; the last one is the state
// that stands. The remaining fields come from the latest report that has
// them.
type deadlineRef struct {
	setBy, target       string // as the name book writes them
	setKey, targetKey   string // name book keys, "" when unknown
	demand, consequence string
	evidence            string // the sentence stating the latest state
	art                 int    // the article of the latest report
	arts                []int  // every article that reports it, oldest first
	revs                []revisionRef
	words               []uint32  // content terms of its reports (symbols, ascending), kept while merging
	first, last         time.Time // its span (see span), kept while merging
	idx                 *revIndex // kept while merging, nil for a small record and after
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
func (dr *deadlineRef) latest() summarize.Revision { return dr.revs[len(dr.revs)-1].r }

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
		dr.trim()
	}
	ix.deadlines = latestFirst(ix.deadlines)
	ix.reportTerms = nil // merging is done
	ix.indexDeadlineTerms()
	for id, dr := range ix.deadlines {
		for _, k := range []string{dr.setKey, dr.targetKey} {
			for _, key := range ix.names.keys[k] {
				if ids := ix.actorKeys[key]; len(ids) == 0 || ids[len(ids)-1] != id {
					ix.actorKeys[key] = append(ids, id)
				}
			}
		}
	}
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

// trim drops the spare capacity merging left in dr's lists.
func (dr *deadlineRef) trim() {
	if cap(dr.arts) > len(dr.arts) {
		dr.arts = slices.Clone(dr.arts)
	}
	if cap(dr.revs) > len(dr.revs) {
		dr.revs = slices.Clone(dr.revs)
	}
	for k := range dr.revs {
		if also := dr.revs[k].also; cap(also) > len(also) {
			dr.revs[k].also = slices.Clone(also)
		}
	}
}

// sentence returns the text of an article's sentence, "" when out of range.
func (ix *Index) sentence(art, s int) string {
	if sents := ix.ans[art].Sentences; s >= 0 && s < len(sents) {
		return sents[s].Text
	}
	return ""
}
