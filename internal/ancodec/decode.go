package ancodec

import (
	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/summarize"
)

// Decode decodes data, an analysis encoded by Append for article a (for
// a.Body), checking its frame first (Check). The analysis's ArticleID and
// Published are a's. Its strings are slices of a.Body, well-known
// constants, or copies of the literals in data; nothing of data is
// retained, so data may be reused once Decode returns.
//
// Decode is for one analysis decoded alone: it allocates each kind of
// record once, of exactly its size (the nested ones, aliases and
// sentences of people and revisions of deadlines, counted by walking
// their section first), and the analysis: about ten allocations. To
// decode many analyses in a row, a Decoder allocates less.
//
// The error wraps ErrCorrupt when data is not such an encoding, or
// points outside a.Body. An analysis encoded for another body of at
// least the same length decodes, into slices of that body.
func Decode(data []byte, a corpus.Article) (*summarize.Analysis, error) {
	p, err := payload(data)
	if err != nil {
		return nil, err
	}
	d := newReader(p, a.Body)
	d.sl.exact = true
	an := &summarize.Analysis{}
	d.analysis(an, a)
	if d.err != nil {
		return nil, d.err
	}
	return an, nil
}

// analysis decodes the payload in d into an, for article a.
func (d *reader) analysis(an *summarize.Analysis, a corpus.Article) {
	an.ArticleID, an.Published = a.ID, a.Published
	if n, ok := d.count(); ok {
		an.Sentences = d.sl.sentences.take(n, d.sl.exact)
		for i := range an.Sentences {
			d.sentence(&an.Sentences[i])
		}
	}
	if n, ok := d.count(); ok {
		if d.sl.exact {
			s := scanner{data: d.data, pos: d.pos}
			var c counts
			if s.records(secPeople, n, &c); s.ok() {
				d.sl.ints.reserve(c.ints)
				d.sl.strs.reserve(c.strs)
			}
		}
		an.People = d.sl.people.take(n, d.sl.exact)
		for i := range an.People {
			p := &an.People[i]
			p.Name = d.str()
			p.Aliases = d.strs()
			p.Description = d.str()
			p.Org = d.bool()
			p.Sentences = d.ints()
		}
	}
	if n, ok := d.count(); ok {
		an.Quotes = d.sl.quotes.take(n, d.sl.exact)
		for i := range an.Quotes {
			d.quote(&an.Quotes[i])
		}
	}
	if n, ok := d.count(); ok {
		if d.sl.exact {
			s := scanner{data: d.data, pos: d.pos}
			var c counts
			if s.records(secDeadlines, n, &c); s.ok() {
				d.sl.revisions.reserve(c.revisions)
			}
		}
		an.Deadlines = d.sl.deadlines.take(n, d.sl.exact)
		for i := range an.Deadlines {
			dl := &an.Deadlines[i]
			dl.SetBy, dl.Target, dl.Demand, dl.Consequence = d.str(), d.str(), d.str(), d.str()
			dl.Due = d.time()
			dl.Precision = summarize.Precision(d.str())
			if n, ok := d.count(); ok {
				dl.History = d.sl.revisions.take(n, d.sl.exact)
				for j := range dl.History {
					r := &dl.History[j]
					r.LengthDays = d.int()
					r.Due = d.time()
					r.Precision = summarize.Precision(d.str())
					r.SetOn = d.time()
					r.SetOnPrecision = summarize.Precision(d.str())
					r.Approx = d.bool()
					r.Evidence = d.str()
					r.Sentence = d.int()
				}
			}
			dl.Evidence = d.str()
			dl.Sentence = d.int()
		}
	}
	if n, ok := d.count(); ok {
		an.Events = d.sl.events.take(n, d.sl.exact)
		for i := range an.Events {
			d.event(&an.Events[i])
		}
	}
	an.Summary = d.ints()
	if d.err == nil && d.pos != len(d.data) {
		d.fail("%d bytes left over", len(d.data)-d.pos)
	}
}

// sentence reads a Sentence into s (zero), as analysis does: Sentence
// reads one alone with it.
func (d *reader) sentence(s *summarize.Sentence) {
	s.Start, s.End, s.Para = d.int(), d.int(), d.int()
	if d.byte() == 0 {
		s.Text = d.slice(s.Start, s.End)
	} else {
		s.Text = d.str()
	}
}

// quote reads a Quote into q (zero), as analysis does: Quote reads one
// alone with it.
func (d *reader) quote(q *summarize.Quote) {
	q.Speaker, q.Mention, q.Role, q.Text, q.Kind, q.Cue = d.str(), d.str(), d.str(), d.str(), d.str(), d.str()
	q.Sentence = d.int()
}

// event reads an Event into ev (zero), as analysis does: Event reads one
// alone with it.
func (d *reader) event(ev *summarize.Event) {
	ev.When = d.time()
	ev.Precision = summarize.Precision(d.str())
	ev.Phrase, ev.Text = d.str(), d.str()
	ev.Sentence = d.int()
}
