package snapshot

import (
	"reflect"
	"unsafe"
)

// fastMap returns a decoder of the n entries of m for the map shapes an
// index is mostly made of (string keys to strings or to slices of 4- or
// 8-byte numbers, and number keys to numbers), which set entries without
// reflection; nil for other maps. It writes through a map type of the
// same memory layout as m's, which the runtime treats alike.
func (d *decoder) fastMap(m reflect.Value, ti *typeInfo, n int) func() error {
	kt, et := ti.key.t, ti.elem.t
	p := m.UnsafePointer()
	if kt.Kind() == reflect.String {
		switch {
		case et.Kind() == reflect.String:
			mp := *(*map[string]string)(unsafe.Pointer(&p))
			return func() error {
				return d.fill(n, func() error {
					k, err := d.str()
					if err != nil {
						return err
					}
					v, err := d.str()
					mp[k] = v
					return err
				}, func() int { return len(mp) })
			}
		case et.Kind() == reflect.Slice && ti.elem.elem.raw && et.Elem().Size() == 4:
			mp := *(*map[string][]uint32)(unsafe.Pointer(&p))
			return func() error {
				return d.fill(n, func() error {
					k, err := d.str()
					if err != nil {
						return err
					}
					v, err := rawSlice[uint32](d)
					mp[k] = v
					return err
				}, func() int { return len(mp) })
			}
		case et.Kind() == reflect.Slice && ti.elem.elem.raw && et.Elem().Size() == 8:
			mp := *(*map[string][]uint64)(unsafe.Pointer(&p))
			return func() error {
				return d.fill(n, func() error {
					k, err := d.str()
					if err != nil {
						return err
					}
					v, err := rawSlice[uint64](d)
					mp[k] = v
					return err
				}, func() int { return len(mp) })
			}
		}
	}
	return nil
}

// fill runs one n times, then checks the map got n distinct keys.
func (d *decoder) fill(n int, one func() error, size func() int) error {
	for range n {
		if err := one(); err != nil {
			return err
		}
	}
	if size() != n {
		return corrupt("map of %d entries holds %d keys", n, size())
	}
	return nil
}

// rawSlice reads a slice of a pointer-free type the size of T as a []T.
func rawSlice[T uint32 | uint64](d *decoder) ([]T, error) {
	tag, err := d.byte()
	if err != nil || tag == tagNil {
		return nil, err
	}
	if tag != tagInline {
		return nil, corrupt("slice tag %d", tag)
	}
	var z T
	size := int(unsafe.Sizeof(z))
	n, err := d.count(size)
	if err != nil {
		return nil, err
	}
	var s []T
	d.rawInto(unsafe.Pointer(&s), n, size)
	return s, nil
}
