package snapshot

import "unsafe"

// slabWords is the size of a slab, in 8-byte words: the arrays of
// decoded slices of pointer-free elements are cut from slabs, so that a
// snapshot of millions of small slices costs thousands of allocations.
const slabWords = 1 << 17 // 1 MB

// sliceHeader is the memory layout of a slice.
type sliceHeader struct {
	data     unsafe.Pointer
	len, cap int
}

// alloc returns n bytes, 8-byte aligned, for pointer-free values: from
// the current slab, or a new one, or an array of their own when large.
// The slabs hold no pointers, so the garbage collector does not scan
// them; a slice cut from one keeps the whole slab alive.
func (d *decoder) alloc(n int) unsafe.Pointer {
	words := (n + 7) / 8
	if words > slabWords/8 {
		return unsafe.Pointer(unsafe.SliceData(make([]uint64, words)))
	}
	if len(d.slab) == 0 || len(d.slab) < words { // never a pointer past the end of a slab
		d.slab = make([]uint64, slabWords)
	}
	p := unsafe.Pointer(unsafe.SliceData(d.slab))
	d.slab = d.slab[words:]
	return p
}

// rawInto sets the slice at p to n elements of size bytes each, copied
// from the data; the caller checked that n*size bytes are left.
func (d *decoder) rawInto(p unsafe.Pointer, n, size int) {
	b := n * size
	data := d.alloc(b)
	if b > 0 {
		copy(unsafe.Slice((*byte)(data), b), d.buf)
		d.buf = d.buf[b:]
	}
	*(*sliceHeader)(p) = sliceHeader{data, n, n}
}
