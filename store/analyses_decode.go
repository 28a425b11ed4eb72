package store

import (
	"fmt"
	"strings"
	"time"

	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/summarize"
)

// decodeAnalysis reads an analysis encoded by encodeAnalysis from the
// article a it was computed from. Its strings are slices of a.Body,
// well-known constants, or copies of data's literals through intern
// (which may be nil), which returns one copy of each string for all the
// analyses that share it; nothing refers to data afterwards, so it may be
// a database buffer about to be reused. It wraps errCorrupt when data is
// not such an encoding.
func decodeAnalysis(data string, a corpus.Article, intern map[string]string) (*summarize.Analysis, error) {
	return decodeAnalysisIn(data, a, intern, nil, nil)
}

// decodeAnalysisIn is decodeAnalysis cutting the analysis's slices from
// sl (nil: each its own allocation) and the analysis itself from ans
// (nil: its own), both shared by the analyses of one lookup.
func decodeAnalysisIn(data string, a corpus.Article, intern map[string]string, sl *slabs, ans *slab[summarize.Analysis]) (*summarize.Analysis, error) {
	payload, err := checkRow(data)
	if err != nil {
		return nil, err
	}
	if intern == nil {
		intern = map[string]string{}
	}
	d := &decoder{data: payload, body: a.Body, intern: intern, sl: sl}
	var an *summarize.Analysis
	if ans != nil {
		an = &ans.take(1)[0]
	} else {
		an = new(summarize.Analysis)
	}
	an.ArticleID, an.Published = a.ID, a.Published
	if n, ok := d.count(); ok {
		an.Sentences = sl.sentencesOf(n)
		for i := range an.Sentences {
			s := &an.Sentences[i]
			s.Start, s.End, s.Para = d.int(), d.int(), d.int()
			if d.byte() == 0 {
				s.Text = d.slice(s.Start, s.End)
			} else {
				s.Text = d.str()
			}
		}
	}
	if n, ok := d.count(); ok {
		an.People = sl.peopleOf(n)
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
		an.Quotes = sl.quotesOf(n)
		for i := range an.Quotes {
			q := &an.Quotes[i]
			q.Speaker, q.Mention, q.Role, q.Text, q.Kind, q.Cue = d.str(), d.str(), d.str(), d.str(), d.str(), d.str()
			q.Sentence = d.int()
		}
	}
	if n, ok := d.count(); ok {
		an.Deadlines = sl.deadlinesOf(n)
		for i := range an.Deadlines {
			dl := &an.Deadlines[i]
			dl.SetBy, dl.Target, dl.Demand, dl.Consequence = d.str(), d.str(), d.str(), d.str()
			dl.Due = d.time()
			dl.Precision = summarize.Precision(d.str())
			if n, ok := d.count(); ok {
				dl.History = sl.revisionsOf(n)
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
		an.Events = sl.eventsOf(n)
		for i := range an.Events {
			ev := &an.Events[i]
			ev.When = d.time()
			ev.Precision = summarize.Precision(d.str())
			ev.Phrase, ev.Text = d.str(), d.str()
			ev.Sentence = d.int()
		}
	}
	an.Summary = d.ints()
	if d.err == nil && d.pos != len(d.data) {
		d.fail("%d bytes left over", len(d.data)-d.pos)
	}
	if d.err != nil {
		return nil, d.err
	}
	return an, nil
}

// decoder reads the payload of one row. After the first error every read
// returns a zero value and err keeps that error.
type decoder struct {
	data   string
	pos    int
	body   string
	lits   []string
	intern map[string]string
	sl     *slabs // nil: each slice its own allocation
	err    error
}

func (d *decoder) fail(format string, args ...any) {
	if d.err == nil {
		d.err = fmt.Errorf("%w: at byte %d: %s", errCorrupt, d.pos, fmt.Sprintf(format, args...))
	}
}

func (d *decoder) uint() uint64 {
	if d.pos < len(d.data) && d.data[d.pos] < 0x80 { // one byte: most of them
		d.pos++
		return uint64(d.data[d.pos-1])
	}
	var v uint64
	for shift := uint(0); shift < 64; shift += 7 {
		if d.pos >= len(d.data) {
			d.fail("truncated")
			return 0
		}
		b := d.data[d.pos]
		d.pos++
		v |= uint64(b&0x7f) << shift
		if b < 0x80 {
			return v
		}
	}
	d.fail("varint too long")
	return 0
}

func (d *decoder) int() int {
	u := d.uint()
	v := int64(u >> 1)
	if u&1 != 0 {
		v = ^v
	}
	return int(v)
}

func (d *decoder) byte() byte {
	if d.pos >= len(d.data) {
		d.fail("truncated")
		return 0
	}
	d.pos++
	return d.data[d.pos-1]
}

func (d *decoder) bool() bool { return d.byte() != 0 }

// count reads a slice's length; ok is false for a nil slice (or an
// error). A length no row could hold is an error, so garbage never
// allocates much.
func (d *decoder) count() (n int, ok bool) {
	v := d.uint()
	if v == 0 || d.err != nil {
		return 0, false
	}
	if v-1 > uint64(len(d.data)-d.pos) {
		d.fail("count %d beyond the row", v-1)
		return 0, false
	}
	return int(v - 1), true
}

func (d *decoder) ints() []int {
	n, ok := d.count()
	if !ok {
		return nil
	}
	out := d.sl.intsOf(n)
	for i := range out {
		out[i] = d.int()
	}
	return out
}

func (d *decoder) strs() []string {
	n, ok := d.count()
	if !ok {
		return nil
	}
	out := d.sl.stringsOf(n)
	for i := range out {
		out[i] = d.str()
	}
	return out
}

// slice returns body[start:end], or fails when that is out of range.
func (d *decoder) slice(start, end int) string {
	if start < 0 || start > end || end > len(d.body) {
		d.fail("body slice [%d:%d] out of %d bytes", start, end, len(d.body))
		return ""
	}
	return d.body[start:end]
}

func (d *decoder) str() string {
	v := d.uint()
	if d.err != nil {
		return ""
	}
	arg := v >> 2
	switch v & 3 {
	case strBody:
		n := d.uint()
		if arg > uint64(len(d.body)) || n > uint64(len(d.body)) {
			d.fail("body slice beyond %d bytes", len(d.body))
			return ""
		}
		return d.slice(int(arg), int(arg)+int(n))
	case strLit:
		if arg > uint64(len(d.data)-d.pos) {
			d.fail("string of %d bytes beyond the row", arg)
			return ""
		}
		s, ok := d.intern[d.data[d.pos:d.pos+int(arg)]]
		if !ok {
			s = strings.Clone(d.data[d.pos : d.pos+int(arg)])
			d.intern[s] = s
		}
		d.pos += int(arg)
		d.lits = append(d.lits, s)
		return s
	case strPrev:
		if arg >= uint64(len(d.lits)) {
			d.fail("string #%d of %d", arg, len(d.lits))
			return ""
		}
		return d.lits[arg]
	default:
		if arg >= uint64(len(wellKnown)) {
			d.fail("well-known string #%d of %d", arg, len(wellKnown))
			return ""
		}
		return wellKnown[arg]
	}
}

// time reads a time written by encoder.time.
func (d *decoder) time() time.Time {
	var loc *time.Location
	switch z := d.uint(); z {
	case 0:
		return time.Time{}
	case 1:
		loc = time.UTC
	case 2:
		name := d.str()
		loc = time.FixedZone(name, d.int())
	default:
		d.fail("time zone kind %d", z)
		return time.Time{}
	}
	sec := d.int()
	nsec := d.uint()
	if nsec >= 1e9 {
		d.fail("nanoseconds %d", nsec)
		return time.Time{}
	}
	return time.Unix(int64(sec), int64(nsec)).In(loc)
}
