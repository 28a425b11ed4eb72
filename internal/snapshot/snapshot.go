// Package snapshot is a binary codec for a web of Go values (structs with
// unexported fields, slices, maps, strings, pointers, time.Time) built to
// persist an in-memory index and read it back much faster than it can be
// rebuilt. It walks values by reflection, so a type that changes shape
// needs no codec change: the type's signature (TypeSig) is part of every
// snapshot, and a snapshot of another shape is refused.
//
// What it keeps: every field, exported or not; nil versus empty slices and
// maps; pointers shared within the snapshot (each pointee written once);
// slices of pointer-bearing elements that share a backing array with the
// same length; time.Time as its instant and location (UTC, Local, a fixed
// zone, or a named zone loaded again). What it does not keep: slice
// capacity, a pointer into the middle of a slice the snapshot owns, string
// data shared between values (each distinct string is written once and
// every decoded copy shares the decoded bytes).
//
// Pointers and strings that belong to something outside the snapshot (an
// index's articles and analyses, given again at restore) are written as
// references through Refs.
//
// Func, chan, interface and unsafe.Pointer values are refused when not nil
// (Encode returns an error); nil ones decode as nil.
//
// A snapshot is for the machine that wrote it: integers are written at
// their size in memory, and values whose type holds no pointers, strings,
// slices or maps are copied byte for byte.
package snapshot

import (
	"errors"
	"reflect"
	"unsafe"
)

// magic starts every snapshot; its last byte is the format's version.
const magic = "BBSNAP\x00\x01"

// ErrCorrupt is wrapped by Decode when the data is not a snapshot it can
// read: truncated, damaged, or of a type of another shape.
var ErrCorrupt = errors.New("corrupt snapshot")

// Ref locates a record the snapshot does not own: Kind says which table
// (the caller's numbering), A and I where in it.
type Ref struct {
	Kind, A, I uint32
}

// Refs maps pointers and strings the snapshot must not own to references
// and back. Encode asks PointerRef of every non-nil pointer and StringRef
// of every non-empty string; Decode resolves what they returned. A nil
// Refs owns everything.
type Refs interface {
	// PointerRef reports whether p, a non-nil pointer of type t, points at
	// a record outside the snapshot, and its reference.
	PointerRef(t reflect.Type, p unsafe.Pointer) (Ref, bool)
	// StringRef reports whether s is a string outside the snapshot, and
	// its reference.
	StringRef(s string) (Ref, bool)
	// Pointer returns the pointer of type t that r refers to, or an error
	// when r refers to nothing.
	Pointer(t reflect.Type, r Ref) (unsafe.Pointer, error)
	// String returns the string r refers to, or an error when r refers to
	// nothing.
	String(r Ref) (string, error)
}
