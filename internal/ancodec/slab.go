package ancodec

import (
	"unsafe"

	"github.com/briefbot/briefbot/summarize"
)

// slabBytes is about the size of one chunk of a slab.
const slabBytes = 16 << 10

// slab hands out slices of T cut from chunks: one allocation for the
// records of many analyses (Decoder), or for all the records of one type
// of one analysis (Decode, which sizes the chunk from the encoding),
// rather than one per slice. Each slice is cut to its length and
// capacity, so appending to one never writes into another. A chunk lives
// as long as any slice cut from it.
type slab[T any] struct {
	free []T // what is left of the current chunk
}

// take returns a slice of n zero Ts; of none, an empty one that is not
// nil, as make gives. It cuts them from what is left of the chunk when
// they fit; else, when exact, it makes them on their own; else it cuts
// them from a new chunk of about slabBytes, and gives a slice larger
// than a quarter of that its own allocation.
func (s *slab[T]) take(n int, exact bool) []T {
	if n == 0 {
		return make([]T, 0)
	}
	if n > len(s.free) && exact {
		return make([]T, n)
	}
	if n > len(s.free) {
		var zero T
		per := max(slabBytes/int(max(unsafe.Sizeof(zero), 1)), 1)
		if n > per/4 { // a large slice: its own allocation, and the chunk stays
			return make([]T, n)
		}
		s.free = make([]T, per)
	}
	out := s.free[:n:n]
	s.free = s.free[n:]
	return out
}

// reserve makes the current chunk exactly n Ts (none for 0), to be cut
// by the next takes.
func (s *slab[T]) reserve(n int) {
	s.free = nil
	if n > 0 {
		s.free = make([]T, n)
	}
}

// slabs are the slabs of the slices of an analysis. When exact (Decode),
// a slice that its slab's reserve does not hold is made on its own, of
// its size, rather than cut from a new chunk.
type slabs struct {
	exact     bool
	sentences slab[summarize.Sentence]
	people    slab[summarize.Person]
	quotes    slab[summarize.Quote]
	deadlines slab[summarize.Deadline]
	revisions slab[summarize.Revision]
	events    slab[summarize.Event]
	ints      slab[int]
	strs      slab[string]
}
