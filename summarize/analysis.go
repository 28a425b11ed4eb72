// Package summarize turns the text of one article into structured facts:
// sentences, people, attributed statements, deadlines, dated events and a
// short extractive summary.
//
// Everything here is a pure function of the article (its text and its
// published date): no network, no chat, no clock but the one a caller passes
// in. Nothing is written for one article; the rules are general English news
// rules.
package summarize

import (
	"time"

	"github.com/briefbot/briefbot/corpus"
)

// Precision says how exactly a date is known.
type Precision string

// The precisions a resolved date can have.
const (
	Day   Precision = "day"
	Week  Precision = "week"
	Month Precision = "month"
	Year  Precision = "year"
)

// Sentence is one sentence of an article body. Start and End are byte
// offsets into the body (Text == body[Start:End] after trimming), Para the
// 0-based paragraph it belongs to.
type Sentence struct {
	Text       string
	Start, End int
	Para       int
}

// Person is a person or organisation the article names, under the fullest
// form of its name, with the other forms the article uses for it.
type Person struct {
	Name        string   // "Nina Khrushcheva"
	Aliases     []string // "Khrushcheva", "the professor", "This analyst"
	Description string   // "a professor at The New School in New York"
	Org         bool     // an organisation, outlet or government rather than a person
	Sentences   []int    // sentences that mention it, in order
}

// Quote kinds.
const (
	Direct   = "direct"
	Reported = "reported"
)

// Quote is one attributed statement.
type Quote struct {
	Speaker  string // fullest name, or the mention as written when unresolved ("a Russian newspaper")
	Mention  string // the words that name the speaker in the text ("This analyst")
	Role     string // the speaker's role or description as the article gives it ("a professor at The New School in New York"), "" if none
	Text     string // the quoted words without quotation marks, or the reported clause
	Kind     string // Direct or Reported
	Cue      string // the reporting verb or phrase ("said", "according to")
	Sentence int    // index of the sentence the statement starts in
}

// Revision is one state of a deadline: when it was set or changed, and to
// what.
type Revision struct {
	LengthDays     int       // 0 when the revision names a date rather than a length
	Due            time.Time // zero when it cannot be resolved
	Precision      Precision
	SetOn          time.Time // the date of the statement, zero when unknown
	SetOnPrecision Precision // how exactly SetOn is known; SetOn is then the period's first day ("Last month": July 2025, Month)
	Approx         bool      // SetOn is the published date standing in for a statement date the text does not give ("X gave Y 30 days")
	Evidence       string    // the words that state it ("he reduced it to 10 days")
	Sentence       int
}

// Deadline is a deadline, ultimatum or time limit with its latest known
// state. History holds every revision in text order, the last one being the
// state Due and Precision reflect.
type Deadline struct {
	SetBy       string // who set it, fullest name
	Target      string // for whom
	Demand      string // what must be done ("stop the war")
	Consequence string // what happens otherwise ("sanctions and tariffs")
	Due         time.Time
	Precision   Precision
	History     []Revision
	Evidence    string // the sentence that states the latest state
	Sentence    int
}

// Event is a dated statement for a timeline: something the article says
// happened (or will happen) at a resolvable time.
type Event struct {
	When      time.Time // first day of the period
	Precision Precision
	Phrase    string // the time expression as written ("Last February")
	Text      string // the sentence
	Sentence  int
}

// Analysis is everything summarize extracts from one article.
type Analysis struct {
	ArticleID string
	Published time.Time
	Sentences []Sentence
	People    []Person
	Quotes    []Quote
	Deadlines []Deadline
	Events    []Event
	Summary   []int // indices into Sentences, in article order
}

// timely reports, by sentence index, whether the sentence states a
// deadline or a dated event of the past week or later: the news and what
// comes next, rather than background.
func (a *Analysis) timely() func(int) bool {
	has := make([]bool, len(a.Sentences)) // by sentence: every index above is one
	set := func(i int) {
		if i >= 0 && i < len(has) {
			has[i] = true
		}
	}
	for _, e := range a.Events {
		if a.Published.IsZero() || !periodEnd(e.When, e.Precision).Before(a.Published.AddDate(0, 0, -7)) {
			set(e.Sentence)
		}
	}
	for _, d := range a.Deadlines {
		set(d.Sentence)
		for _, r := range d.History {
			set(r.Sentence)
		}
	}
	return func(i int) bool { return i >= 0 && i < len(has) && has[i] }
}

// SummaryText returns the summary sentences as written.
func (a *Analysis) SummaryText() []string {
	out := make([]string, 0, len(a.Summary))
	for _, i := range a.Summary {
		out = append(out, a.Sentences[i].Text)
	}
	return out
}

// Analyze extracts the facts of one article. It is deterministic: the same
// article always gives the same Analysis. The Analysis keeps nothing alive
// but its own values and a.Body, which its strings are slices of wherever
// they repeat the body's text.
func Analyze(a corpus.Article) *Analysis {
	sents := Sentences(a.Body)
	lows, lowBuf := lowerSentencesInto(sents, pooledBytes(len(a.Body)), pooledLows())
	reg := newRegistryLow(sents, lows)
	an := &Analysis{
		ArticleID: a.ID,
		Published: a.Published,
		Sentences: sents,
	}
	an.Quotes = findQuotes(sents, reg)
	ts := pooledTimeScratch(sents)
	times := scanArticleIn(sents, lows, a.Published, ts)
	an.Deadlines = findDeadlinesIn(sents, times, reg, a.Published, dlOptions{})
	an.Events = findEventsIn(sents, times)
	an.People = reg.people()
	an.Summary = rankLow(a.Title, sents, lows, an.timely(), 3)
	shareBody(an, a.Body, reg.d)
	// Nothing of the analysis points into the token arrays: reuse them.
	// Nor into the joined text or the lowered sentences: shareBody made
	// every string of it a slice of a.Body or a copy.
	releaseToks(reg.d.toks)
	releaseSpans(reg.ch.spans)
	releaseCounts(reg.ch.capCount)
	releaseMrefs(reg.mentBuf)
	releaseTimeScratch(ts)
	releaseBytes(reg.d.textBuf)
	releaseBytes(lowBuf)
	releaseLows(lows)
	releaseRegistry(reg)
	return an
}
