package ancodec

import (
	"fmt"
	"strings"
	"time"
	"unsafe"
)

// reader reads the payload of one encoded analysis (inside its frame).
// After the first error every read returns a zero value and err keeps
// that error, so a decoding runs to its end and checks err once.
//
// data is the caller's bytes viewed as a string: no string handed out
// may be a slice of it (literals are copied).
type reader struct {
	data string
	pos  int
	body string
	err  error

	lits   []string // the literals read so far, for strPrev
	walked int      // the literals before them, walked over by a scanner (seek): strPrev finds one again

	// Where literals are copied: intern when not nil (one copy of each
	// string for all the analyses of a Decoder), else each its own copy
	// (literals are rare: 5 in 416 analyses of the tests).
	intern map[string]string

	sl slabs // where the slices are cut from (a Decoder's, copied in and back)
}

// newReader returns a reader of payload p for an article body.
func newReader(p []byte, body string) reader {
	return reader{data: unsafe.String(unsafe.SliceData(p), len(p)), body: body}
}

func (d *reader) fail(format string, args ...any) {
	if d.err == nil {
		d.err = fmt.Errorf("%w: at byte %d: %s", ErrCorrupt, d.pos, fmt.Sprintf(format, args...))
	}
}

func (d *reader) uint() uint64 {
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

func (d *reader) int() int {
	u := d.uint()
	v := int64(u >> 1)
	if u&1 != 0 {
		v = ^v
	}
	return int(v)
}

func (d *reader) byte() byte {
	if d.pos >= len(d.data) {
		d.fail("truncated")
		return 0
	}
	d.pos++
	return d.data[d.pos-1]
}

func (d *reader) bool() bool { return d.byte() != 0 }

// count reads a slice's length; ok is false for a nil slice (or an
// error). A length no row could hold is an error, so garbage never
// allocates much.
func (d *reader) count() (n int, ok bool) {
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

func (d *reader) ints() []int {
	n, ok := d.count()
	if !ok {
		return nil
	}
	out := d.sl.ints.take(n, d.sl.exact)
	for i := range out {
		out[i] = d.int()
	}
	return out
}

func (d *reader) strs() []string {
	n, ok := d.count()
	if !ok {
		return nil
	}
	out := d.sl.strs.take(n, d.sl.exact)
	for i := range out {
		out[i] = d.str()
	}
	return out
}

// slice returns body[start:end], or fails when that is out of range.
func (d *reader) slice(start, end int) string {
	if start < 0 || start > end || end > len(d.body) {
		d.fail("body slice [%d:%d] out of %d bytes", start, end, len(d.body))
		return ""
	}
	return d.body[start:end]
}

// str reads a string.
func (d *reader) str() string {
	v := d.uint()
	if d.err != nil {
		return ""
	}
	arg := v >> 2
	switch v & 3 {
	case strBody:
		return d.bodyStr(arg)
	case strLit:
		raw := d.literal(arg)
		if d.err != nil {
			return ""
		}
		s := d.keep(raw)
		d.lits = append(d.lits, s)
		return s
	case strPrev:
		if arg < uint64(d.walked) {
			return d.walkedLiteral(int(arg))
		}
		if arg -= uint64(d.walked); arg >= uint64(len(d.lits)) {
			d.fail("string #%d of %d", arg+uint64(d.walked), len(d.lits)+d.walked)
			return ""
		}
		return d.lits[arg]
	default:
		return d.constStr(arg)
	}
}

// bodyStr reads the rest of a strBody string that starts at off.
func (d *reader) bodyStr(off uint64) string {
	n := d.uint()
	if off > uint64(len(d.body)) || n > uint64(len(d.body)) {
		d.fail("body slice beyond %d bytes", len(d.body))
		return ""
	}
	return d.slice(int(off), int(off)+int(n))
}

// literal returns the next n bytes of data (a view, not a copy).
func (d *reader) literal(n uint64) string {
	if n > uint64(len(d.data)-d.pos) {
		d.fail("string of %d bytes beyond the row", n)
		return ""
	}
	s := d.data[d.pos : d.pos+int(n)]
	d.pos += int(n)
	return s
}

// constStr returns well-known string i.
func (d *reader) constStr(i uint64) string {
	if i >= uint64(len(wellKnown)) {
		d.fail("well-known string #%d of %d", i, len(wellKnown))
		return ""
	}
	return wellKnown[i]
}

// keep returns a copy of raw, a view of data, that the analysis may
// keep.
func (d *reader) keep(raw string) string {
	switch {
	case d.intern != nil:
		s, ok := d.intern[raw]
		if !ok {
			s = strings.Clone(raw)
			d.intern[s] = s
		}
		return s
	default:
		return strings.Clone(raw)
	}
}

// time reads a time written by encoder.time.
func (d *reader) time() time.Time {
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
