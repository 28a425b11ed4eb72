package snapshot

import (
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"math"
	"reflect"
	"time"
	"unsafe"
)

// Pointer, slice and map tags.
const (
	tagNil    = 0
	tagInline = 1 // the value follows
	tagBack   = 2 // an earlier value's number follows
	tagRef    = 3 // a Ref follows
)

// Location tags of a time.Time.
const (
	locZero  = 0 // time.Time{}
	locUTC   = 1
	locLocal = 2
	locFixed = 3 // name, offset
	locNamed = 4 // name, for time.LoadLocation
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// Encode returns the snapshot of *v; v must be a non-nil pointer to a
// struct. It returns an error for a non-nil func, chan, interface or
// unsafe.Pointer value.
//
// Layout: magic, the type's signature, the string table (count, each
// length, then the bytes), the body, and a CRC-32C of all before it.
func Encode(v any, refs Refs) ([]byte, error) {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() || rv.Elem().Kind() != reflect.Struct {
		return nil, fmt.Errorf("snapshot: encode %T: want a non-nil pointer to a struct", v)
	}
	e := &encoder{refs: refs, types: types{}, strs: map[string]uint64{}, ptrs: map[ptrKey]uint64{}, slices: map[sliceKey]uint64{}, locs: map[*time.Location]locInfo{}}
	if err := e.value(rv.Elem(), e.types.info(rv.Elem().Type()), 0); err != nil {
		return nil, fmt.Errorf("snapshot: encode %T: %w", v, err)
	}
	sig := TypeSig(rv.Elem().Type())
	var strBytes int
	for _, s := range e.table {
		strBytes += len(s)
	}
	out := make([]byte, 0, len(magic)+len(sig)+2*binary.MaxVarintLen64+len(e.table)*2+strBytes+len(e.buf)+4)
	out = append(out, magic...)
	out = append(out, sig[:]...)
	out = binary.AppendUvarint(out, uint64(len(e.table)))
	for _, s := range e.table {
		out = binary.AppendUvarint(out, uint64(len(s)))
	}
	for _, s := range e.table {
		out = append(out, s...)
	}
	out = append(out, e.buf...)
	return binary.LittleEndian.AppendUint32(out, crc32.Checksum(out, castagnoli)), nil
}

type ptrKey struct {
	p unsafe.Pointer
	t reflect.Type
}

type sliceKey struct {
	p unsafe.Pointer
	n int
	t reflect.Type
}

type locInfo struct {
	fixed bool
}

// maxDepth bounds the nesting of values, so a cycle through values the
// codec cannot share (none today) or garbage given to Decode fails
// rather than exhausting the stack.
const maxDepth = 1 << 12

type encoder struct {
	refs   Refs
	types  types
	buf    []byte
	table  []string          // the string table, by number - 1
	strs   map[string]uint64 // string → its number in table + 1
	ptrs   map[ptrKey]uint64 // pointer written → its number
	slices map[sliceKey]uint64
	shared uint64 // pointers and slices numbered so far
	locs   map[*time.Location]locInfo
}

func (e *encoder) uvarint(x uint64) { e.buf = binary.AppendUvarint(e.buf, x) }

func (e *encoder) ref(r Ref) {
	e.uvarint(uint64(r.Kind))
	e.uvarint(uint64(r.A))
	e.uvarint(uint64(r.I))
}

// raw appends the n bytes at p.
func (e *encoder) raw(p unsafe.Pointer, n int) {
	if n > 0 {
		e.buf = append(e.buf, unsafe.Slice((*byte)(p), n)...)
	}
}

func (e *encoder) value(v reflect.Value, ti *typeInfo, depth int) error {
	if depth > maxDepth {
		return fmt.Errorf("values nested deeper than %d", maxDepth)
	}
	t := ti.t
	if ti.raw {
		if v.CanAddr() {
			e.raw(unsafe.Pointer(v.UnsafeAddr()), ti.size)
			return nil
		}
		if t.Kind() != reflect.Struct && t.Kind() != reflect.Array {
			e.scalar(v)
			return nil
		}
		c := reflect.New(t).Elem()
		c.Set(v)
		e.raw(unsafe.Pointer(c.UnsafeAddr()), ti.size)
		return nil
	}
	if !v.CanAddr() && (t.Kind() == reflect.Struct || t.Kind() == reflect.Array) {
		c := reflect.New(t).Elem() // a map's key or value: copied, so that its fields can be read
		c.Set(v)
		v = c
	}
	switch t.Kind() {
	case reflect.String:
		e.str(v.String())
	case reflect.Struct:
		if t == timeType {
			return e.time(v)
		}
		for i := range t.NumField() {
			f := v.Field(i)
			if f.CanAddr() {
				f = settable(f) // reading through it is allowed, and what it yields too
			}
			if err := e.value(f, ti.fields[i], depth+1); err != nil {
				return fmt.Errorf("%s.%s: %w", t, t.Field(i).Name, err)
			}
		}
	case reflect.Array:
		for i := range v.Len() {
			if err := e.value(v.Index(i), ti.elem, depth+1); err != nil {
				return err
			}
		}
	case reflect.Slice:
		return e.slice(v, ti, depth)
	case reflect.Map:
		return e.mapValue(v, ti, depth)
	case reflect.Pointer:
		return e.pointer(v, ti, depth)
	default: // func, chan, interface, unsafe.Pointer
		if !v.IsNil() {
			return fmt.Errorf("cannot encode a non-nil %s (%s)", t.Kind(), t)
		}
	}
	return nil
}

// scalar writes a number or bool that is not addressable, at its size in
// memory, as raw would.
func (e *encoder) scalar(v reflect.Value) {
	var x uint64
	switch v.Kind() {
	case reflect.Bool:
		if v.Bool() {
			x = 1
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		x = uint64(v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		x = v.Uint()
	case reflect.Float32:
		x = uint64(math.Float32bits(float32(v.Float())))
	case reflect.Float64:
		x = math.Float64bits(v.Float())
	default: // complex
		c := reflect.New(v.Type()).Elem()
		c.Set(v)
		e.raw(unsafe.Pointer(c.UnsafeAddr()), int(v.Type().Size()))
		return
	}
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], x) // the low bytes first: what memory holds on a little-endian machine
	e.buf = append(e.buf, b[:v.Type().Size()]...)
}

// str writes 0 for "", 2n for the table's string n (from 1), 2k+1 and a
// Ref's A and I for a reference of kind k.
func (e *encoder) str(s string) {
	if s == "" {
		e.uvarint(0)
		return
	}
	if e.refs != nil {
		if r, ok := e.refs.StringRef(s); ok {
			e.uvarint(2*uint64(r.Kind) + 1)
			e.uvarint(uint64(r.A))
			e.uvarint(uint64(r.I))
			return
		}
	}
	n, ok := e.strs[s]
	if !ok {
		e.table = append(e.table, s)
		n = uint64(len(e.table))
		e.strs[s] = n
	}
	e.uvarint(2 * n)
}

func (e *encoder) slice(v reflect.Value, ti *typeInfo, depth int) error {
	if v.IsNil() {
		e.buf = append(e.buf, tagNil)
		return nil
	}
	t, et := ti.t, ti.elem
	if et.raw {
		e.buf = append(e.buf, tagInline)
		e.uvarint(uint64(v.Len()))
		e.raw(v.UnsafePointer(), v.Len()*et.size)
		return nil
	}
	k := sliceKey{v.UnsafePointer(), v.Len(), t}
	if n, ok := e.slices[k]; ok && v.Len() > 0 {
		e.buf = append(e.buf, tagBack)
		e.uvarint(n)
		return nil
	}
	e.slices[k] = e.shared
	e.shared++
	e.buf = append(e.buf, tagInline)
	e.uvarint(uint64(v.Len()))
	for i := range v.Len() {
		if err := e.value(v.Index(i), et, depth+1); err != nil {
			return fmt.Errorf("[%d]: %w", i, err)
		}
	}
	return nil
}

func (e *encoder) mapValue(v reflect.Value, ti *typeInfo, depth int) error {
	if v.IsNil() {
		e.buf = append(e.buf, tagNil)
		return nil
	}
	e.buf = append(e.buf, tagInline)
	e.uvarint(uint64(v.Len()))
	it := v.MapRange()
	for it.Next() {
		if err := e.value(it.Key(), ti.key, depth+1); err != nil {
			return fmt.Errorf("map key: %w", err)
		}
		if err := e.value(it.Value(), ti.elem, depth+1); err != nil {
			return fmt.Errorf("map value: %w", err)
		}
	}
	return nil
}

func (e *encoder) pointer(v reflect.Value, ti *typeInfo, depth int) error {
	if v.IsNil() {
		e.buf = append(e.buf, tagNil)
		return nil
	}
	t, p := ti.t, v.UnsafePointer()
	if e.refs != nil {
		if r, ok := e.refs.PointerRef(t, p); ok {
			e.buf = append(e.buf, tagRef)
			e.ref(r)
			return nil
		}
	}
	k := ptrKey{p, t}
	if n, ok := e.ptrs[k]; ok {
		e.buf = append(e.buf, tagBack)
		e.uvarint(n)
		return nil
	}
	e.ptrs[k] = e.shared
	e.shared++
	e.buf = append(e.buf, tagInline)
	return e.value(v.Elem(), ti.elem, depth+1)
}

// time writes a location tag (and the zone of a fixed one, the name of a
// named one), then the Unix seconds and nanoseconds.
func (e *encoder) time(v reflect.Value) error {
	var t time.Time
	if v.CanAddr() {
		t = *(*time.Time)(unsafe.Pointer(v.UnsafeAddr()))
	} else {
		c := reflect.New(timeType).Elem()
		c.Set(v)
		t = *(*time.Time)(unsafe.Pointer(c.UnsafeAddr()))
	}
	if t == (time.Time{}) {
		e.buf = append(e.buf, locZero)
		return nil
	}
	switch loc := t.Location(); {
	case loc == time.UTC:
		e.buf = append(e.buf, locUTC)
	case loc == time.Local:
		e.buf = append(e.buf, locLocal)
	case e.fixed(loc):
		name, off := t.Zone()
		e.buf = append(e.buf, locFixed)
		e.str(name)
		e.buf = binary.AppendVarint(e.buf, int64(off))
	default:
		e.buf = append(e.buf, locNamed)
		e.str(loc.String())
	}
	e.buf = binary.AppendVarint(e.buf, t.Unix())
	e.uvarint(uint64(t.Nanosecond()))
	return nil
}

// fixed reports whether loc is a fixed zone (time.FixedZone): one zone,
// at most one transition, no rule for later times.
func (e *encoder) fixed(loc *time.Location) bool {
	if li, ok := e.locs[loc]; ok {
		return li.fixed
	}
	l := reflect.ValueOf(loc).Elem()
	f := l.FieldByName("zone").Len() == 1 && l.FieldByName("tx").Len() <= 1 && l.FieldByName("extend").Len() == 0
	e.locs[loc] = locInfo{fixed: f}
	return f
}
