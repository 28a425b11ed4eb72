package summarize

import "time"

// dlOptions tunes the deadline finder; the zero value is the default.
type dlOptions struct {
	// bareBy makes every forward "by DATE" a deadline ("cut jobs by
	// 2008"). By default "by DATE" counts only in a sentence that imposes
	// it (must, ordered, told X to, deadline ...), "by the end of the
	// year" included, since most bare "by 2008" targets are self-set.
	bareBy bool
}

// reviseWindow is how many sentences back a revision ("he reduced it to 10
// days") looks for the deadline it changes.
const reviseWindow = 3

// findDeadlines returns the deadlines, ultimatums and time limits an
// article states, each once, in order of first mention, with its history.
//
// Cues are deadline nouns ("a 50-day deadline"), until/till, due, expires,
// "no later than", "gave X N days to", "has N days to", a window noun's
// end ("voting ends on May 20"), "by DATE" and "within N days" where the
// sentence imposes the limit ("must", "ordered", "told X to"), forward
// "from DATE to DATE" windows of something to do (a vote, an offer), and
// revisions ("reduced/extended/moved/delayed it to|until X"). Limits no one
// imposed are left out: the dates of an occasion ("the talks run until
// Friday", "the meeting was moved to Thursday"), self-set targets ("aims
// to cut jobs by 2008"), expected durations ("will ship within two
// weeks"), lengths of something ("a 10-day trip", "given six months to
// live") and past states that ended ("lived there until 2004"); see
// deadlines_imposed.go.
//
// A revision attaches to the most recent deadline of the previous few
// sentences; one with no deadline before it is kept only when it names a
// date or a deadline noun. "The deadline ends ..." restates the most
// recent one; a new mention with the same setter and target, or the same
// due date, merges into an earlier deadline. A length becomes a due date
// only from the statement's own date ("Last month, ... a 50-day deadline":
// the end of July plus 50 days, month precision); a new deadline in a
// past-tense sentence without one runs from the published date (Approx),
// so it is never called passed early; a revision without one leaves the
// due date unknown until a later sentence restates it. Names are resolved
// through reg. Dates are resolved against published; with a zero
// published date relative ones stay unresolved.
func findDeadlines(sents []Sentence, reg *registry, published time.Time) []Deadline {
	return findDeadlinesWith(sents, reg, published, dlOptions{})
}

// findDeadlinesWith is findDeadlines with options.
func findDeadlinesWith(sents []Sentence, reg *registry, published time.Time, opts dlOptions) []Deadline {
	return findDeadlinesIn(sents, scanArticle(sents, published), reg, published, opts)
}

// findDeadlinesIn is findDeadlinesWith on the time expressions times
// (scanArticle of sents and published), which it does not change.
func findDeadlinesIn(sents []Sentence, times []sentTimes, reg *registry, published time.Time, opts dlOptions) []Deadline {
	var out []Deadline
	last := []int{} // sentence of each deadline's latest mention
	var ms mentionScratch
	for si, s := range sents {
		for _, m := range sentenceMentionsIn(times[si], si, reg, published, opts, &ms) {
			target := -1
			switch m.kind {
			case mentionRevise:
				for k := len(out) - 1; k >= 0 && target < 0; k-- {
					if last[k] >= si-reviseWindow {
						target = k
					}
				}
			case mentionRestate:
				target = len(out) - 1
			default:
				target = sameDeadline(out, m)
			}
			if target < 0 && m.kind == mentionRevise && !m.standalone() {
				continue // "extended his stay to two weeks": a length changed, no deadline known
			}
			if target < 0 {
				out = append(out, Deadline{SetBy: m.setBy, Target: m.target, Demand: m.demand,
					Consequence: m.consequence, Due: m.rev.Due, Precision: m.rev.Precision,
					History: []Revision{m.rev}, Evidence: s.Text, Sentence: si})
				last = append(last, si)
				continue
			}
			if applyMention(&out[target], m, s.Text, si) {
				last[target] = si
			}
		}
	}
	return out
}

// sameDeadline returns the earlier deadline a new mention restates: same
// setter and target, or the same resolved due date and precision with no
// conflicting setter; -1 if none.
func sameDeadline(ds []Deadline, m mention) int {
	for k := len(ds) - 1; k >= 0; k-- {
		d := ds[k]
		if m.setBy != "" && m.setBy == d.SetBy && m.target != "" && m.target == d.Target {
			return k
		}
		if !m.rev.Due.IsZero() && m.rev.Due.Equal(d.Due) && m.rev.Precision == d.Precision &&
			(m.setBy == "" || d.SetBy == "" || m.setBy == d.SetBy) {
			return k
		}
	}
	return -1
}

// applyMention updates d with a later mention and reports whether it changed.
// A restatement fills in the due date of the latest revision when that was
// unknown; a revision or a differing state is appended to the history.
func applyMention(d *Deadline, m mention, text string, si int) bool {
	r := m.rev
	prev := &d.History[len(d.History)-1]
	if m.delta != 0 {
		if !prev.Due.IsZero() {
			r.Due, r.Precision = prev.Due.AddDate(0, 0, m.delta), prev.Precision
		}
		if prev.LengthDays > 0 {
			r.LengthDays = prev.LengthDays + m.delta
		}
	}
	switch {
	case m.kind == mentionRestate && (prev.Due.IsZero() || prev.Approx) && !r.Due.IsZero():
		prev.Due, prev.Precision = r.Due, r.Precision
	case m.kind != mentionRevise && r.Due.Equal(prev.Due) && r.LengthDays == prev.LengthDays:
		return false
	case m.kind != mentionRevise && r.Due.IsZero() && r.LengthDays == 0:
		return false
	default:
		d.History = append(d.History, r)
	}
	d.Due, d.Precision = r.Due, r.Precision
	d.Evidence, d.Sentence = text, si
	for _, f := range []struct {
		dst *string
		src string
	}{
		{&d.SetBy, m.setBy}, {&d.Target, m.target}, {&d.Demand, m.demand}, {&d.Consequence, m.consequence},
	} {
		if *f.dst == "" {
			*f.dst = f.src
		}
	}
	return true
}

// sentenceMentions reads the deadline mentions of one sentence and dates
// them. SetOn is the sentence's own statement date: a point expression
// not governed by by/until/since ... and not pointing forward, else the
// published date when the sentence is not in the past tense ("Iran has 30
// days to respond"), else unknown ("Later, he reduced it to 10 days"). A
// length runs from the end of that period.
func sentenceMentions(st sentTimes, si int, reg *registry, published time.Time, opts dlOptions) []mention {
	return sentenceMentionsIn(st, si, reg, published, opts, &mentionScratch{})
}

// mentionScratch is the working memory of sentenceMentionsIn, for the
// sentences of one article in turn: the sentence's own copy of its
// expressions, and which the scan used.
type mentionScratch struct {
	xs   []timex
	used []bool
}

// sentenceMentionsIn is sentenceMentions with its working arrays in ms's,
// which the next call may overwrite: the mentions it returns hold none of
// them.
func sentenceMentionsIn(st sentTimes, si int, reg *registry, published time.Time, opts dlOptions, ms *mentionScratch) []mention {
	if len(st.xs) == 0 {
		return nil // every mention is read from a time expression (see sentenceScan.value)
	}
	ms.xs = append(ms.xs[:0], st.xs...) // a copy the scan may change without touching the shared one
	ms.used = sized(ms.used, len(st.xs))
	tg, xs := st.tg, ms.xs
	sc := &sentenceScan{tg: tg, xs: xs, used: ms.used, si: si, reg: reg, opts: opts}
	sc.scan()
	if len(sc.out) == 0 {
		return nil
	}
	var on timex
	for n, x := range xs {
		if sc.used[n] || !x.resolved() || (x.Kind != kindDate && x.Kind != kindRelative) {
			continue
		}
		if p := tg.low(x.i - 1); futureCues[p] || pastCues[p] || p == "from" || p == "to" || p == "after" {
			continue
		}
		if d := tg.dir(x.i, x.j); d != dirFuture && d != dirNear {
			on = x
			break
		}
	}
	past := false
	for _, mk := range tg.tense() {
		past = past || mk.dir == dirPast
	}
	if !on.resolved() && !published.IsZero() && !past {
		on = timex{Kind: kindRelative, Value: dayOf(published), Precision: Day}
	}
	for k := range sc.out {
		m := &sc.out[k]
		at := on
		if !at.resolved() && m.kind == mentionNew && m.lengthN > 0 && !published.IsZero() {
			// "The court gave him 30 days": the statement is no later
			// than the article, so the length runs from the published day
			// at the latest and the due date is never called passed early.
			at = timex{Kind: kindRelative, Value: dayOf(published), Precision: Day}
			m.rev.Approx = true
		}
		if at.resolved() {
			m.rev.SetOn, m.rev.SetOnPrecision = at.Value, at.Precision
		}
		if m.lengthN > 0 && at.resolved() {
			m.rev.Due = addUnits(periodEnd(at.Value, at.Precision), m.lengthN, m.lengthUnit)
			m.rev.Precision = coarser(at.Precision, Day)
		}
	}
	return sc.out
}

// standalone reports whether a revision found no deadline to change
// still states one: a new date ("deliveries were delayed until October
// 2007") or a named deadline ("extended the deadline by 10 days"), not a
// bare length ("reduced it to 10 days" with nothing before it).
func (m mention) standalone() bool {
	return m.noun || (m.rev.LengthDays == 0 && m.delta == 0)
}
