package ancodec

import (
	"encoding/binary"
	"hash/crc32"
	"strings"
	"time"
	"unsafe"

	"github.com/briefbot/briefbot/summarize"
)

// Append appends the encoding of an, which was computed from body (the
// article's Body), to dst and returns the extended slice. Strings of an
// that are slices of body, or equal to a part of it, are written as
// offsets; the others are written out. an is not changed, and nothing of
// it or of body is retained.
func Append(dst []byte, an *summarize.Analysis, body string) []byte {
	e := &encoder{buf: append(dst, codecFormat), body: body, sents: an.Sentences}
	start := len(dst)
	e.count(len(an.Sentences), an.Sentences == nil)
	for _, s := range an.Sentences {
		e.int(s.Start)
		e.int(s.End)
		e.int(s.Para)
		if s.Start >= 0 && s.Start <= s.End && s.End <= len(body) && body[s.Start:s.End] == s.Text {
			e.buf = append(e.buf, 0)
		} else {
			e.buf = append(e.buf, 1)
			e.str(s.Text)
		}
	}
	e.count(len(an.People), an.People == nil)
	for _, p := range an.People {
		if len(p.Sentences) > 0 {
			e.near(p.Sentences[0])
		}
		e.str(p.Name)
		e.strs(p.Aliases)
		e.str(p.Description)
		e.bool(p.Org)
		e.ints(p.Sentences)
	}
	e.count(len(an.Quotes), an.Quotes == nil)
	for _, q := range an.Quotes {
		e.near(q.Sentence)
		e.str(q.Speaker)
		e.str(q.Mention)
		e.str(q.Role)
		e.str(q.Text)
		e.str(q.Kind)
		e.str(q.Cue)
		e.int(q.Sentence)
	}
	e.count(len(an.Deadlines), an.Deadlines == nil)
	for _, d := range an.Deadlines {
		e.near(d.Sentence)
		e.str(d.SetBy)
		e.str(d.Target)
		e.str(d.Demand)
		e.str(d.Consequence)
		e.time(d.Due)
		e.str(string(d.Precision))
		e.count(len(d.History), d.History == nil)
		for _, r := range d.History {
			e.near(r.Sentence)
			e.int(r.LengthDays)
			e.time(r.Due)
			e.str(string(r.Precision))
			e.time(r.SetOn)
			e.str(string(r.SetOnPrecision))
			e.bool(r.Approx)
			e.str(r.Evidence)
			e.int(r.Sentence)
		}
		e.str(d.Evidence)
		e.int(d.Sentence)
	}
	e.count(len(an.Events), an.Events == nil)
	for _, ev := range an.Events {
		e.near(ev.Sentence)
		e.time(ev.When)
		e.str(string(ev.Precision))
		e.str(ev.Phrase)
		e.str(ev.Text)
		e.int(ev.Sentence)
	}
	e.ints(an.Summary)
	return binary.LittleEndian.AppendUint32(e.buf, crc32.Checksum(e.buf[start:], crcTable))
}

// encoder appends an analysis to buf; body is the article body it was
// computed from.
type encoder struct {
	buf   []byte
	body  string
	lits  map[string]int // literals written so far, by order
	found map[string]int // where searched strings are in the body, -1 for nowhere
	sents []summarize.Sentence
	from  int // where in the body the strings being written likely are
}

// near says the strings written next are likely in sentence i or after
// it: a copy of them is searched for from there first.
func (e *encoder) near(i int) {
	e.from = 0
	if i >= 0 && i < len(e.sents) && e.sents[i].Start <= len(e.body) {
		e.from = max(e.sents[i].Start, 0)
	}
}

func (e *encoder) int(v int)   { e.buf = binary.AppendVarint(e.buf, int64(v)) }
func (e *encoder) uint(v uint) { e.buf = binary.AppendUvarint(e.buf, uint64(v)) }

func (e *encoder) bool(v bool) {
	b := byte(0)
	if v {
		b = 1
	}
	e.buf = append(e.buf, b)
}

// count writes a slice's length, 0 for a nil slice.
func (e *encoder) count(n int, isNil bool) {
	if isNil {
		e.uint(0)
		return
	}
	e.uint(uint(n) + 1)
}

func (e *encoder) ints(vs []int) {
	e.count(len(vs), vs == nil)
	for _, v := range vs {
		e.int(v)
	}
}

func (e *encoder) strs(ss []string) {
	e.count(len(ss), ss == nil)
	for _, s := range ss {
		e.str(s)
	}
}

func (e *encoder) str(s string) {
	for i, w := range wellKnown {
		if s == w {
			e.uint(uint(i)<<2 | strConst)
			return
		}
	}
	if off, ok := addrIn(s, e.body); ok {
		e.uint(uint(off)<<2 | strBody)
		e.uint(uint(len(s)))
		return
	}
	if i, ok := e.lits[s]; ok {
		e.uint(uint(i)<<2 | strPrev)
		return
	}
	if off, ok := e.search(s); ok {
		e.uint(uint(off)<<2 | strBody)
		e.uint(uint(len(s)))
		return
	}
	if e.lits == nil {
		e.lits = map[string]int{}
	}
	e.lits[s] = len(e.lits)
	e.uint(uint(len(s))<<2 | strLit)
	e.buf = append(e.buf, s...)
}

// search returns where a copy of s is in the body, remembering the answer:
// names and phrases recur within an analysis, and each search reads the
// body.
func (e *encoder) search(s string) (int, bool) {
	if off, ok := e.found[s]; ok {
		return off, off >= 0
	}
	if e.found == nil {
		e.found = map[string]int{}
	}
	off := strings.Index(e.body[e.from:], s)
	if off >= 0 {
		off += e.from
	} else if e.from > 0 {
		off = strings.Index(e.body[:min(e.from+len(s), len(e.body))], s)
	}
	e.found[s] = off
	return off, off >= 0
}

// addrIn reports whether s lies in body's memory, and where.
func addrIn(s, body string) (int, bool) {
	base := uintptr(unsafe.Pointer(unsafe.StringData(body)))
	p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
	if len(s) > 0 && p >= base && p+uintptr(len(s)) <= base+uintptr(len(body)) {
		return int(p - base), true
	}
	return 0, false
}

// time writes t to the second and nanosecond with its zone: 0 for the
// zero Time, 1 for UTC, 2 for another zone (name and offset, read back
// as a fixed zone).
func (e *encoder) time(t time.Time) {
	switch {
	case t == time.Time{}:
		e.uint(0)
		return
	case t.Location() == time.UTC:
		e.uint(1)
	default:
		e.uint(2)
		name, off := t.Zone()
		e.str(name)
		e.int(off)
	}
	e.buf = binary.AppendVarint(e.buf, t.Unix())
	e.uint(uint(t.Nanosecond()))
}
