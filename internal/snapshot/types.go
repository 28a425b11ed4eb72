package snapshot

import (
	"crypto/sha256"
	"fmt"
	"reflect"
	"strings"
	"time"
)

var timeType = reflect.TypeFor[time.Time]()

// typeInfo is what the codec needs to know of a type, computed once per
// codec.
type typeInfo struct {
	t    reflect.Type
	kind reflect.Kind
	raw  bool // no pointers, strings, slices, maps or interfaces: copied byte for byte
	size int  // bytes in memory
	min  int  // fewest bytes one value takes in a snapshot (for sanity checks of lengths)

	fields    []*typeInfo // a struct's
	elem, key *typeInfo   // an array's, slice's, map's or pointer's elements; a map's keys
}

// types memoises typeInfo for one Encode or Decode.
type types map[reflect.Type]*typeInfo

func (ts types) info(t reflect.Type) *typeInfo {
	if ti, ok := ts[t]; ok {
		return ti
	}
	ti := &typeInfo{t: t, kind: t.Kind(), size: int(t.Size()), min: 1}
	ts[t] = ti // a recursive type meets this before it is complete: not raw, min 1
	switch t.Kind() {
	case reflect.Slice, reflect.Pointer:
		ti.elem = ts.info(t.Elem())
	case reflect.Map:
		ti.key, ti.elem = ts.info(t.Key()), ts.info(t.Elem())
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Complex64, reflect.Complex128:
		ti.raw, ti.min = true, ti.size
	case reflect.Array:
		e := ts.info(t.Elem())
		ti.elem = e
		ti.raw, ti.min = e.raw, t.Len()*e.min
	case reflect.Struct:
		if t == timeType {
			break
		}
		ti.raw, ti.min = true, 0
		for i := range t.NumField() {
			f := ts.info(t.Field(i).Type)
			ti.fields = append(ti.fields, f)
			ti.raw = ti.raw && f.raw
			ti.min += f.min
		}
		if ti.raw {
			ti.min = ti.size
		}
	}
	return ti
}

// TypeSig returns a digest of t's shape: every field's name and type,
// recursively. Two types with the same signature encode alike; a
// snapshot records its type's signature and Decode refuses another.
func TypeSig(t reflect.Type) [sha256.Size]byte {
	var b strings.Builder
	describe(&b, t, map[reflect.Type]bool{})
	return sha256.Sum256([]byte(b.String()))
}

func describe(b *strings.Builder, t reflect.Type, seen map[reflect.Type]bool) {
	if t.Name() != "" {
		fmt.Fprintf(b, "%s.%s/%d", t.PkgPath(), t.Name(), t.Size())
		if seen[t] || t == timeType {
			return
		}
		seen[t] = true
		b.WriteByte('=')
	}
	switch t.Kind() {
	case reflect.Pointer:
		b.WriteByte('*')
		describe(b, t.Elem(), seen)
	case reflect.Slice:
		b.WriteString("[]")
		describe(b, t.Elem(), seen)
	case reflect.Array:
		fmt.Fprintf(b, "[%d]", t.Len())
		describe(b, t.Elem(), seen)
	case reflect.Map:
		b.WriteString("map[")
		describe(b, t.Key(), seen)
		b.WriteByte(']')
		describe(b, t.Elem(), seen)
	case reflect.Struct:
		b.WriteString("struct{")
		for i := range t.NumField() {
			f := t.Field(i)
			fmt.Fprintf(b, "%s@%d ", f.Name, f.Offset)
			describe(b, f.Type, seen)
			b.WriteByte(';')
		}
		b.WriteByte('}')
	default:
		b.WriteString(t.Kind().String())
	}
}
