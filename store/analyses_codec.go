package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"strings"
	"time"
	"unsafe"

	"github.com/briefbot/briefbot/summarize"
)

// The analysis codec: a summarize.Analysis in a compact binary form, read
// back against the article it was computed from.
//
// Layout: one format byte, the fields of Analysis in declaration order, and
// a CRC-32C of everything before it. Integers are varints, slices a
// count+1 (0 for nil, so nil and empty survive apart), booleans a byte.
// ArticleID and Published are not written: they are the article's own.
//
// A string is one uvarint v and what follows, by v&3:
//   - strBody: a slice of the article body, v>>2 its offset, then its
//     length; decoded as that slice of the body, so it shares the body's
//     memory (most of an analysis is sentences and phrases of the body).
//   - strLit: v>>2 bytes follow; decoded as a copy, one for every row
//     of a lookup that holds the same string (names and roles recur).
//   - strPrev: the (v>>2)th literal of this row again (names repeat).
//   - strConst: wellKnown[v>>2].
//
// Any change to this layout must change codecFormat; a row of another
// format is unreadable, and unreadable rows are analysed again.
const codecFormat byte = 1

const (
	strBody = iota
	strLit
	strPrev
	strConst
)

// wellKnown are strings written as their index. Part of the format: only
// ever append, and change codecFormat when you do.
var wellKnown = [...]string{"",
	string(summarize.Day), string(summarize.Week), string(summarize.Month), string(summarize.Year),
	summarize.Direct, summarize.Reported, "said", "says", "told", "according to"}

var crcTable = crc32.MakeTable(crc32.Castagnoli)

// errCorrupt is wrapped by every decoding error.
var errCorrupt = errors.New("corrupt cached analysis")

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

// encodeAnalysis appends the encoding of an, computed from body, to dst.
func encodeAnalysis(dst []byte, an *summarize.Analysis, body string) []byte {
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

// checkRow verifies a row's format byte and checksum and returns its
// payload.
func checkRow(data string) (string, error) {
	if len(data) < 5 {
		return "", fmt.Errorf("%w: %d bytes", errCorrupt, len(data))
	}
	if data[0] != codecFormat {
		return "", fmt.Errorf("%w: format %d, want %d", errCorrupt, data[0], codecFormat)
	}
	n := len(data) - 4
	want := uint32(data[n]) | uint32(data[n+1])<<8 | uint32(data[n+2])<<16 | uint32(data[n+3])<<24
	if got := crc32.Checksum(unsafe.Slice(unsafe.StringData(data), n), crcTable); got != want {
		return "", fmt.Errorf("%w: checksum %08x, want %08x", errCorrupt, got, want)
	}
	return data[1:n], nil
}
