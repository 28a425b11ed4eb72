package snapshot

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"math"
	"reflect"
	"time"
	"unsafe"
)

// Decode reads a snapshot Encode wrote of a value of v's type into *v (a
// non-nil pointer to a struct), resolving references through refs. On
// error (wrapping ErrCorrupt for data it cannot read) *v is left partly
// written and must be dropped. It never panics on bad data.
//
// The decoded strings share one copy of the snapshot's string bytes; data
// is not kept and may be reused once Decode returns.
func Decode(data []byte, v any, refs Refs) (err error) {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() || rv.Elem().Kind() != reflect.Struct {
		return fmt.Errorf("snapshot: decode into %T: want a non-nil pointer to a struct", v)
	}
	defer func() {
		if r := recover(); r != nil { // a check missed: still an error, not a crash
			err = fmt.Errorf("snapshot: decode %T: %w: %v", v, ErrCorrupt, r)
		}
	}()
	sig := TypeSig(rv.Elem().Type())
	head := len(magic) + len(sig)
	switch {
	case len(data) < head+4 || string(data[:len(magic)]) != magic:
		return fmt.Errorf("snapshot: decode %T: %w: not a snapshot", v, ErrCorrupt)
	case !bytes.Equal(data[len(magic):head], sig[:]):
		return fmt.Errorf("snapshot: decode %T: %w: written for a type of another shape", v, ErrCorrupt)
	case crc32.Checksum(data[:len(data)-4], castagnoli) != binary.LittleEndian.Uint32(data[len(data)-4:]):
		return fmt.Errorf("snapshot: decode %T: %w: checksum mismatch", v, ErrCorrupt)
	}
	d := &decoder{refs: refs, types: types{}, buf: data[head : len(data)-4], locs: map[string]*time.Location{}}
	if err := d.strings(); err != nil {
		return fmt.Errorf("snapshot: decode %T: %w", v, err)
	}
	if err := d.value(rv.Elem(), d.types.info(rv.Elem().Type()), 0); err != nil {
		return fmt.Errorf("snapshot: decode %T: %w", v, err)
	}
	if len(d.buf) != 0 {
		return fmt.Errorf("snapshot: decode %T: %w: %d bytes left over", v, ErrCorrupt, len(d.buf))
	}
	return nil
}

type decoder struct {
	refs   Refs
	types  types
	buf    []byte // what is left to read
	table  []string
	shared []reflect.Value // pointers and slices, numbered in the order met
	slab   []uint64        // what is left of the slab raw slices are cut from (alloc)
	locs   map[string]*time.Location
}

func corrupt(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrCorrupt, fmt.Sprintf(format, args...))
}

func (d *decoder) uvarint() (uint64, error) {
	x, n := binary.Uvarint(d.buf)
	if n <= 0 {
		return 0, corrupt("bad varint")
	}
	d.buf = d.buf[n:]
	return x, nil
}

func (d *decoder) varint() (int64, error) {
	x, n := binary.Varint(d.buf)
	if n <= 0 {
		return 0, corrupt("bad varint")
	}
	d.buf = d.buf[n:]
	return x, nil
}

func (d *decoder) byte() (byte, error) {
	if len(d.buf) == 0 {
		return 0, corrupt("truncated")
	}
	b := d.buf[0]
	d.buf = d.buf[1:]
	return b, nil
}

// count reads a length of items of at least min bytes each, checking
// that that many bytes are left.
func (d *decoder) count(min int) (int, error) {
	n, err := d.uvarint()
	if err != nil {
		return 0, err
	}
	if n > uint64(len(d.buf))/uint64(max(min, 1)) || (min == 0 && n > 1<<24) {
		return 0, corrupt("length %d past the end", n)
	}
	return int(n), nil
}

func (d *decoder) ref() (Ref, error) {
	var r [3]uint64
	for i := range r {
		x, err := d.uvarint()
		if err != nil {
			return Ref{}, err
		}
		if x > math.MaxUint32 {
			return Ref{}, corrupt("reference out of range")
		}
		r[i] = x
	}
	return Ref{uint32(r[0]), uint32(r[1]), uint32(r[2])}, nil
}

// strings reads the string table: every string is a part of one copy of
// the table's bytes.
func (d *decoder) strings() error {
	n, err := d.count(1)
	if err != nil {
		return err
	}
	lens := make([]int, n)
	total := 0
	for i := range lens {
		l, err := d.uvarint()
		if err != nil {
			return err
		}
		if l > uint64(len(d.buf)) || total+int(l) > len(d.buf) {
			return corrupt("string table past the end")
		}
		lens[i] = int(l)
		total += int(l)
	}
	if total > len(d.buf) {
		return corrupt("string table past the end")
	}
	blob := string(d.buf[:total])
	d.buf = d.buf[total:]
	d.table = make([]string, n)
	off := 0
	for i, l := range lens {
		d.table[i] = blob[off : off+l]
		off += l
	}
	return nil
}

// settable returns v, or when v is an unexported field, the same memory
// as a value that may be set.
func settable(v reflect.Value) reflect.Value {
	if v.CanSet() {
		return v
	}
	return reflect.NewAt(v.Type(), unsafe.Pointer(v.UnsafeAddr())).Elem()
}

// value decodes into v, which is addressable.
func (d *decoder) value(v reflect.Value, ti *typeInfo, depth int) error {
	if depth > maxDepth {
		return corrupt("values nested deeper than %d", maxDepth)
	}
	t := ti.t
	if ti.raw {
		if len(d.buf) < ti.size {
			return corrupt("truncated %s", t)
		}
		copy(unsafe.Slice((*byte)(unsafe.Pointer(v.UnsafeAddr())), ti.size), d.buf)
		d.buf = d.buf[ti.size:]
		return nil
	}
	switch t.Kind() {
	case reflect.String:
		s, err := d.str()
		if err != nil {
			return err
		}
		*(*string)(unsafe.Pointer(v.UnsafeAddr())) = s
	case reflect.Struct:
		if t == timeType {
			return d.time((*time.Time)(unsafe.Pointer(v.UnsafeAddr())))
		}
		for i := range t.NumField() {
			if err := d.value(v.Field(i), ti.fields[i], depth+1); err != nil {
				return fmt.Errorf("%s.%s: %w", t, t.Field(i).Name, err)
			}
		}
	case reflect.Array:
		for i := range v.Len() {
			if err := d.value(v.Index(i), ti.elem, depth+1); err != nil {
				return err
			}
		}
	case reflect.Slice:
		return d.slice(settable(v), ti, depth)
	case reflect.Map:
		return d.mapValue(settable(v), ti, depth)
	case reflect.Pointer:
		return d.pointer(settable(v), ti, depth)
	}
	return nil // func, chan, interface, unsafe.Pointer: written as nothing, left nil
}

func (d *decoder) str() (string, error) {
	x, err := d.uvarint()
	switch {
	case err != nil:
		return "", err
	case x == 0:
		return "", nil
	case x%2 == 0:
		if x/2 > uint64(len(d.table)) {
			return "", corrupt("string %d of %d", x/2, len(d.table))
		}
		return d.table[x/2-1], nil
	}
	if d.refs == nil || x/2 > math.MaxUint32 {
		return "", corrupt("string reference without references")
	}
	var r [2]uint64
	for i := range r {
		if r[i], err = d.uvarint(); err != nil {
			return "", err
		}
		if r[i] > math.MaxUint32 {
			return "", corrupt("reference out of range")
		}
	}
	s, err := d.refs.String(Ref{uint32(x / 2), uint32(r[0]), uint32(r[1])})
	if err != nil {
		return "", fmt.Errorf("%w: %w", ErrCorrupt, err)
	}
	return s, nil
}

func (d *decoder) slice(v reflect.Value, ti *typeInfo, depth int) error {
	tag, err := d.byte()
	if err != nil {
		return err
	}
	t, et := ti.t, ti.elem
	switch {
	case tag == tagNil:
		v.SetZero()
		return nil
	case tag == tagBack && !et.raw:
		s, err := d.back(t)
		if err != nil {
			return err
		}
		v.Set(s)
		return nil
	case tag != tagInline:
		return corrupt("slice tag %d", tag)
	}
	min := et.min
	if et.raw {
		min = et.size
	}
	n, err := d.count(min)
	if err != nil {
		return err
	}
	if et.raw {
		d.rawInto(unsafe.Pointer(v.UnsafeAddr()), n, et.size)
		return nil
	}
	s := reflect.MakeSlice(t, n, n)
	v.Set(s)
	d.shared = append(d.shared, s)
	for i := range n {
		if err := d.value(s.Index(i), et, depth+1); err != nil {
			return fmt.Errorf("[%d]: %w", i, err)
		}
	}
	return nil
}

// back returns the shared value numbered by the next varint, of type t.
func (d *decoder) back(t reflect.Type) (reflect.Value, error) {
	n, err := d.uvarint()
	if err != nil {
		return reflect.Value{}, err
	}
	if n >= uint64(len(d.shared)) || d.shared[n].Type() != t {
		return reflect.Value{}, corrupt("bad back reference %d", n)
	}
	return d.shared[n], nil
}

func (d *decoder) mapValue(v reflect.Value, ti *typeInfo, depth int) error {
	tag, err := d.byte()
	if err != nil {
		return err
	}
	switch tag {
	case tagNil:
		v.SetZero()
		return nil
	case tagInline:
	default:
		return corrupt("map tag %d", tag)
	}
	t := ti.t
	n, err := d.count(ti.key.min + ti.elem.min)
	if err != nil {
		return err
	}
	m := reflect.MakeMapWithSize(t, n)
	v.Set(m)
	if fast := d.fastMap(m, ti, n); fast != nil {
		return fast()
	}
	k, e := reflect.New(t.Key()).Elem(), reflect.New(t.Elem()).Elem()
	for range n {
		k.SetZero()
		e.SetZero()
		if err := d.value(k, ti.key, depth+1); err != nil {
			return fmt.Errorf("map key: %w", err)
		}
		if err := d.value(e, ti.elem, depth+1); err != nil {
			return fmt.Errorf("map value: %w", err)
		}
		m.SetMapIndex(k, e)
	}
	if m.Len() != n {
		return corrupt("map of %d entries holds %d keys", n, m.Len())
	}
	return nil
}

func (d *decoder) pointer(v reflect.Value, ti *typeInfo, depth int) error {
	tag, err := d.byte()
	if err != nil {
		return err
	}
	t := ti.t
	switch tag {
	case tagNil:
		v.SetZero()
		return nil
	case tagBack:
		p, err := d.back(t)
		if err != nil {
			return err
		}
		v.Set(p)
		return nil
	case tagRef:
		r, err := d.ref()
		if err != nil {
			return err
		}
		if d.refs == nil {
			return corrupt("pointer reference without references")
		}
		p, err := d.refs.Pointer(t, r)
		if err != nil {
			return fmt.Errorf("%w: %w", ErrCorrupt, err)
		}
		v.Set(reflect.NewAt(t.Elem(), p))
		return nil
	case tagInline:
		p := reflect.New(t.Elem())
		v.Set(p)
		d.shared = append(d.shared, p)
		return d.value(p.Elem(), ti.elem, depth+1)
	}
	return corrupt("pointer tag %d", tag)
}

func (d *decoder) time(t *time.Time) error {
	tag, err := d.byte()
	if err != nil {
		return err
	}
	var loc *time.Location
	switch tag {
	case locZero:
		*t = time.Time{}
		return nil
	case locUTC:
		loc = time.UTC
	case locLocal:
		loc = time.Local
	case locFixed:
		name, err := d.str()
		if err != nil {
			return err
		}
		off, err := d.varint()
		if err != nil {
			return err
		}
		if off < -1<<31 || off > 1<<31-1 {
			return corrupt("zone offset %d", off)
		}
		key := fmt.Sprintf("%s\x00%d", name, off)
		if loc = d.locs[key]; loc == nil {
			loc = time.FixedZone(name, int(off))
			d.locs[key] = loc
		}
	case locNamed:
		name, err := d.str()
		if err != nil {
			return err
		}
		if loc = d.locs[name]; loc == nil {
			if loc, err = time.LoadLocation(name); err != nil {
				return fmt.Errorf("%w: %w", ErrCorrupt, err)
			}
			d.locs[name] = loc
		}
	default:
		return corrupt("time tag %d", tag)
	}
	sec, err := d.varint()
	if err != nil {
		return err
	}
	nsec, err := d.uvarint()
	if err != nil {
		return err
	}
	if nsec >= 1e9 {
		return corrupt("nanoseconds %d", nsec)
	}
	*t = time.Unix(sec, int64(nsec)).In(loc)
	return nil
}
