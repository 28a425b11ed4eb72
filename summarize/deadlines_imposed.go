package summarize

// Telling a limit imposed on someone from the times that are not one: a
// scheduled event ("the talks run until Friday"), a self-set target ("Ford
// aims to cut jobs by 2008"), an expected or past duration ("a 10-day
// trip", "within two weeks, he had resigned", "he lived there until
// 2004"). The deadline cues consult these tests before they record a
// mention, so each rule stays a word test on the cue's own sentence.

// occasionNouns name things that happen or last for a time without being
// a limit anyone must meet: scheduled events, stays and terms served. A
// date or length attached to one is when it happens or how long it lasts.
var occasionNouns = wordSet("talks", "summit", "conference", "festival", "meeting", "meetings",
	"visit", "visits", "trip", "trips", "tour", "exhibition", "games", "tournament",
	"championship", "ceremony", "celebration", "celebrations", "mourning", "hearing", "hearings",
	"trial", "session", "match", "concert", "convention", "forum", "launch",
	"premiere", "opening", "flight", "voyage", "holiday", "vacation", "leave", "sentence",
	"strike", "race", "event", "season", "broadcast", "release", "retreat", "parade", "exercises")

// windowNouns name what people may or must do within a span: a vote, an
// application round, an offer. "From DATE to DATE" is a limit only for
// one of these ("voting runs from November 20 to December 11"), and they
// outweigh an occasion noun in the same clause ("the summit's ceasefire").
var windowNouns = wordSet("vote", "votes", "voting", "voters", "referendum", "ballot", "ballots",
	"application", "applications", "apply", "registration", "registrations", "register",
	"enrolment", "enrollment", "submission", "submissions", "entries", "nominations", "bids",
	"bidding", "tender", "consultation", "comments", "petition", "offer", "offers", "sale",
	"discount", "amnesty", "ceasefire", "truce", "moratorium", "ban", "freeze", "grace")

// closeVerbs end a window ("voting ends on May 20", "applications close
// on June 1"); they are a cue only after a window noun.
var closeVerbs = wordSet("ends", "end", "closes", "close", "finishes")

// windowBefore reports whether the clause of token k names a window noun
// before k.
func (sc *sentenceScan) windowBefore(k int) bool {
	for p := sc.clauseStart(k); p < k; p++ {
		if windowNouns[sc.tg.base(p)] {
			return true
		}
	}
	return false
}

// imposeVerbs impose a limit on their object or their passive subject
// besides the setterVerbs: bans and permissions ("barred him from working
// until April 2009", "allowed to stay until March").
var imposeVerbs = wordSet("barred", "banned", "suspended", "prohibited", "forbidden", "forbade",
	"obliged", "compelled", "instructed", "directed", "summoned", "threatened", "permitted")

// reportingSetters are setting verbs that mostly report speech ("told
// reporters that ..."); they impose only as "told X to ...".
var reportingSetters = wordSet("told", "tells", "tell", "asked", "urged", "warned")

// remainingVerbs after "N days to" say how long something has left, not
// what must be done by then ("given six months to live", "a contract with
// two years to run").
var remainingVerbs = wordSet("live", "go", "run", "spare")

// imposedIn reports whether tokens [from, to) of the sentence impose a
// limit on someone: an obligation word ("must", "required", "has to"), a
// deadline noun, or a setting or banning verb. "In order to" is no order,
// "set" alone is a schedule ("set to begin"), and a reporting verb imposes
// only when "to" follows it in its clause ("told him to leave", not "told
// reporters that ...").
func (sc *sentenceScan) imposedIn(from, to int) bool {
	tg := sc.tg
	for p := max(from, 0); p < to && p < len(tg.toks); p++ {
		w := tg.low(p)
		switch {
		case w == "order" && tg.low(p-1) == "in":
		case w == "set" || w == "sets":
		case (w == "has" || w == "have" || w == "had") && tg.low(p+1) == "to":
			return true
		case reportingSetters[w]:
			if sc.toFollows(p) {
				return true
			}
		case obligationWords[w], setterVerbs[w], imposeVerbs[w]:
			return true
		}
	}
	return false
}

// toFollows reports whether "to" follows timeToken p within its clause, a
// few words on ("told Putin to", "urged the rebels to").
func (sc *sentenceScan) toFollows(p int) bool {
	for q := p + 1; q <= p+5 && q < len(sc.tg.toks); q++ {
		w := sc.tg.low(q)
		if w == "to" {
			return true
		}
		if clauseBreaks[w] || sentenceEnd(w) {
			return false
		}
	}
	return false
}

// occasion reports whether tokens [from, to) are about an occasion (a
// meeting, a trip, a sentence served) and name nothing imposed or to be
// done within a window: its time is when it happens, not a limit.
func (sc *sentenceScan) occasion(from, to int) bool {
	found := false
	for p := max(from, 0); p < to && p < len(sc.tg.toks); p++ {
		w := sc.tg.base(p)
		if windowNouns[w] || deadlineNouns[w] {
			return false
		}
		found = found || occasionNouns[w]
	}
	return found && !sc.imposedIn(from, to)
}

// headClause returns the first token of the clause of token k, or of the
// clause a relative clause hangs on ("The exhibition, which runs until
// May": the exhibition's).
func (sc *sentenceScan) headClause(k int) int {
	p := sc.clauseStart(k)
	if p < 1 || !relativeWords[sc.tg.low(p-1)] {
		return p
	}
	r := p - 1
	if r >= 1 && sc.tg.low(r-1) == "," {
		r--
	}
	return sc.clauseStart(r)
}

var relativeWords = wordSet("which", "that", "who")

// windowOpen reports whether the sentence names something done within a
// span or imposes one, so that "from DATE to DATE" is a limit rather than
// the dates of an event ("the festival runs from June 1 to June 5").
func (sc *sentenceScan) windowOpen() bool {
	for p := range sc.tg.toks {
		if w := sc.tg.base(p); windowNouns[w] || deadlineNouns[w] {
			return true
		}
	}
	return sc.imposedIn(0, len(sc.tg.toks))
}

// pastState reports whether "until DATE" at cue k ends a past state
// rather than a limit: the date lies before the published day and nothing
// in the clause imposed it ("he lived in Paris until 2004", but "a judge
// barred him from working until April 2009" stays a limit).
func (sc *sentenceScan) pastState(k int, x timex) bool {
	if sc.tg.pub.IsZero() || !x.resolved() {
		return false
	}
	if !dueDay(x.Value, x.Precision).Before(sc.tg.today()) {
		return false
	}
	return !sc.imposedIn(sc.clauseStart(k), k)
}

// namesDeadline reports whether tokens [from, to) hold a deadline noun.
func (sc *sentenceScan) namesDeadline(from, to int) bool {
	for p := max(from, 0); p < to && p < len(sc.tg.toks); p++ {
		if deadlineNouns[sc.tg.base(p)] || (sc.tg.low(p) == "time" && sc.tg.low(p+1) == "limit") {
			return true
		}
	}
	return false
}

// infinitiveBefore reports whether an infinitive ("to comply") comes
// between the cue at k and the start of its clause: "were told to comply
// by October 1" looks forward from the telling, while "the report was
// finished by Friday" is past.
func (sc *sentenceScan) infinitiveBefore(k int) bool {
	for p := sc.clauseStart(k); p < k-1; p++ {
		if sc.tg.low(p) == "to" && !sc.tg.capital(p+1) && !dlDefinite[sc.tg.low(p+1)] &&
			!targetStops[sc.tg.low(p+1)] && !sc.startsTime(p+1) {
			return true
		}
	}
	return false
}
