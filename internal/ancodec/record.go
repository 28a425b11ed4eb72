package ancodec

import (
	"errors"
	"fmt"
	"strings"

	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/summarize"
)

// ErrNoRecord is wrapped by the error of Sentence, Quote and Event when
// the analysis has no record of that index.
var ErrNoRecord = errors.New("no such record")

// ErrNoSentence is wrapped by Sentence's error when the analysis has no
// sentence of that index. It wraps ErrNoRecord.
var ErrNoSentence = fmt.Errorf("no such sentence (%w)", ErrNoRecord)

// Quote returns quote i of the analysis encoded in data for article a,
// equal to Decode's Quotes[i], without decoding the rest: the sentences,
// the people and the quotes before i are walked over. Its strings are
// slices of a.Body, constants or copies (nothing of data is retained).
//
// Like Sentence, it checks data's size and format byte, and everything
// it reads, but not the CRC: it trusts data to have passed Check or to
// come from Append, and never panics on anything else. The error wraps
// ErrNoRecord when i is out of range, ErrCorrupt when data cannot be
// read.
func Quote(data []byte, a corpus.Article, i int) (summarize.Quote, error) {
	d := seek(data, a.Body, secQuotes, i)
	var q summarize.Quote
	d.quote(&q)
	return result(q, d.err)
}

// Event returns event i of the analysis encoded in data for article a,
// equal to Decode's Events[i] (its time in the same zone), without
// decoding the rest: every section before the events, and the events
// before i, are walked over. Its contract is Quote's.
func Event(data []byte, a corpus.Article, i int) (summarize.Event, error) {
	d := seek(data, a.Body, secEvents, i)
	var ev summarize.Event
	d.event(&ev)
	return result(ev, d.err)
}

// seek returns a reader of data, encoded for body, at record i of
// section sec: it walks over what comes before (scanner) without
// decoding it. It checks data's size and format byte, not its CRC. When
// data cannot be walked, or has no record i, the reader's err says so
// (wrapping ErrCorrupt, or ErrNoRecord) and what it reads is zeros.
func seek(data []byte, body string, sec section, i int) reader {
	if err := checkFormat(data); err != nil {
		return reader{err: err}
	}
	d := newReader(data[1:len(data)-crcBytes], body)
	s := scanner{data: d.data}
	n := s.to(sec)
	if s.ok() && i >= 0 && i < n {
		s.records(sec, i, &counts{})
	}
	switch {
	case !s.ok():
		d.pos = len(d.data)
		d.fail("truncated before %s %d", sec, i)
	case i < 0 || i >= n:
		none := ErrNoRecord
		if sec == secSentences {
			none = ErrNoSentence
		}
		d.err = fmt.Errorf("%s %d of %d: %w", sec, i, n, none)
	default:
		d.pos, d.walked = s.pos, s.lits
		return d
	}
	d.data = "" // every read fails, quietly (err is set), and is zero
	return d
}

// result returns v, or the zero T and err when err is not nil.
func result[T any](v T, err error) (T, error) {
	if err != nil {
		var zero T
		return zero, err
	}
	return v, nil
}

// walkedLiteral returns a copy of literal k of the payload, one of those
// that seek walked over to the record being read: it walks from the
// start again to find it (literals are rare: 5 in the 416 analyses of
// the tests).
func (d *reader) walkedLiteral(k int) string {
	s := scanner{data: d.data, want: k + 1}
	var c counts
	for sec := range numSections {
		if s.records(sec, s.count(), &c); s.lits > k || !s.ok() {
			break
		}
	}
	if s.lits <= k { // seek counted it: only a bug gets here
		d.fail("string #%d of %d walked over", k, s.lits)
		return ""
	}
	return strings.Clone(s.found)
}
