package ancodec

// section is one of the slices of records of an encoded analysis, in the
// order they are written: each is a count, then its records.
type section int

const (
	secSentences section = iota
	secPeople
	secQuotes
	secDeadlines
	secEvents
	numSections // then Summary, a slice of ints
)

var sectionNames = [numSections]string{"sentence", "person", "quote", "deadline", "event"}

// String is the name of one record of the section.
func (sec section) String() string { return sectionNames[sec] }

// to walks from the start of the payload over the sections before sec
// and returns the number of records of sec (0 when the walk went past
// the end: see ok).
func (s *scanner) to(sec section) int {
	var c counts
	for k := range sec {
		s.records(k, s.count(), &c)
	}
	return s.count()
}

// records walks n records of section sec, adding the nested records of
// people and deadlines to c. It stops where the walk goes past the end.
func (s *scanner) records(sec section, n int, c *counts) {
	if sec == secSentences {
		s.sentences(n)
		return
	}
	for range n {
		switch sec {
		case secPeople:
			s.person(c)
		case secQuotes:
			s.quote()
		case secDeadlines:
			s.deadline(c)
		default:
			s.event()
		}
		if !s.ok() {
			return
		}
	}
}

// sentences walks n Sentences: Start, End, Para, and each Text that is
// not the body's slice. It walks on locals, as strs does.
func (s *scanner) sentences(n int) {
	p, pos := s.data, s.pos
	for range n {
		pos = skip(p, skip(p, skip(p, pos)))
		if pos >= len(p) {
			s.end()
			return
		}
		if pos++; p[pos-1] != 0 {
			s.pos = pos
			if s.str(); !s.ok() {
				return
			}
			pos = s.pos
		}
	}
	s.pos = pos
}

// person walks a Person, adding its aliases and sentences to c.
func (s *scanner) person(c *counts) {
	s.str()
	k := s.count()
	c.strs += k
	s.strs(k + 1) // and Description
	s.pos++       // Org
	k = s.count()
	c.ints += k
	for range k {
		s.pos = skip(s.data, s.pos)
	}
}

// quote walks a Quote.
func (s *scanner) quote() {
	s.strs(6)
	s.pos = skip(s.data, s.pos)
}

// deadline walks a Deadline, adding its revisions to c.
func (s *scanner) deadline(c *counts) {
	s.strs(4)
	s.time()
	s.str()
	k := s.count()
	c.revisions += k
	for range k {
		s.pos = skip(s.data, s.pos)
		s.time()
		s.str()
		s.time()
		s.str()
		s.pos++ // Approx
		s.str()
		s.pos = skip(s.data, s.pos)
		if !s.ok() {
			return
		}
	}
	s.str()
	s.pos = skip(s.data, s.pos)
}

// event walks an Event.
func (s *scanner) event() {
	s.time()
	s.strs(3)
	s.pos = skip(s.data, s.pos)
}
