package store

import (
	"unsafe"

	"github.com/briefbot/briefbot/summarize"
)

// slabBytes is about the size of one chunk of a slab.
const slabBytes = 16 << 10

// slab hands out slices of T cut from chunks of about slabBytes: one
// allocation for the records of many analyses rather than one per slice.
// Each slice is cut to its length and capacity, so appending to one never
// writes into another. A chunk lives as long as any slice cut from it:
// the analyses of one lookup keep their chunks together.
type slab[T any] struct {
	free []T // what is left of the current chunk
}

// take returns a slice of n zero Ts; of none, an empty one that is not
// nil, as make gives.
func (s *slab[T]) take(n int) []T {
	if n == 0 {
		return make([]T, 0)
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

// slabs are the slabs of the slices of an analysis, shared by the
// analyses decoded in one lookup (one goroutine).
type slabs struct {
	sentences slab[summarize.Sentence]
	people    slab[summarize.Person]
	quotes    slab[summarize.Quote]
	deadlines slab[summarize.Deadline]
	revisions slab[summarize.Revision]
	events    slab[summarize.Event]
	ints      slab[int]
	strs      slab[string]
}

// A nil *slabs makes each slice on its own.

func (s *slabs) sentencesOf(n int) []summarize.Sentence {
	if s == nil {
		return make([]summarize.Sentence, n)
	}
	return s.sentences.take(n)
}

func (s *slabs) peopleOf(n int) []summarize.Person {
	if s == nil {
		return make([]summarize.Person, n)
	}
	return s.people.take(n)
}

func (s *slabs) quotesOf(n int) []summarize.Quote {
	if s == nil {
		return make([]summarize.Quote, n)
	}
	return s.quotes.take(n)
}

func (s *slabs) deadlinesOf(n int) []summarize.Deadline {
	if s == nil {
		return make([]summarize.Deadline, n)
	}
	return s.deadlines.take(n)
}

func (s *slabs) revisionsOf(n int) []summarize.Revision {
	if s == nil {
		return make([]summarize.Revision, n)
	}
	return s.revisions.take(n)
}

func (s *slabs) eventsOf(n int) []summarize.Event {
	if s == nil {
		return make([]summarize.Event, n)
	}
	return s.events.take(n)
}

func (s *slabs) intsOf(n int) []int {
	if s == nil {
		return make([]int, n)
	}
	return s.ints.take(n)
}

func (s *slabs) stringsOf(n int) []string {
	if s == nil {
		return make([]string, n)
	}
	return s.strs.take(n)
}
