package ancodec

// counts are the nested records of one section of an encoded analysis,
// counted by a scanner before Decode allocates them.
type counts struct {
	ints      int // Person.Sentences
	strs      int // Person.Aliases
	revisions int // Deadline.History
}

// scanner walks a payload as reader.analysis reads it, without building
// anything: Decode walks a section first to count its nested records
// (and then allocates each kind once, of exactly that size), and
// Sentence, Quote and Event walk to the one record they read (walk.go).
// It is lenient where that is cheap (a varint's length, the values of
// offsets and literal numbers, which decoding checks when it reads
// them), and strict where a walk could go astray: a count or a literal's
// length that the rest of the payload cannot hold ends the walk, as
// running off the end does.
//
// It reads with free functions over a position (skip) rather than a
// reader's methods, which is about twice as fast. Past the end, pos is
// beyond len(data) and every value it reads is 0.
type scanner struct {
	data string
	pos  int

	lits  int    // the literals walked over (strLit), for strPrev
	want  int    // 1 + the number of the literal to keep in found; 0 for none
	found string // that literal, once walked over: a view of data
}

// skip returns the position after the varint at pos, or len(p)+1 when
// that is past the end (and so is every position skip returns after it).
func skip(p string, pos int) int {
	for pos < len(p) {
		b := p[pos]
		pos++
		if b < 0x80 {
			return pos
		}
	}
	return len(p) + 1
}

// ok reports whether the scan stayed within the payload.
func (s *scanner) ok() bool { return s.pos <= len(s.data) }

// end ends the walk: it is past the end from now on.
func (s *scanner) end() { s.pos = len(s.data) + 1 }

// uvarint reads a varint's value (more than 64 bits: garbage, which
// decoding rejects).
func (s *scanner) uvarint() uint64 {
	var v uint64
	for shift := uint(0); s.pos < len(s.data); shift += 7 {
		b := s.data[s.pos]
		s.pos++
		v |= uint64(b&0x7f) << (shift & 63)
		if b < 0x80 {
			return v
		}
	}
	s.end()
	return 0
}

// count reads a slice's length (0 for nil). One that the rest of the
// payload could not hold ends the walk.
func (s *scanner) count() int {
	v := s.uvarint()
	if v == 0 {
		return 0
	}
	if v-1 > uint64(max(len(s.data)-s.pos, 0)) {
		s.end()
		return 0
	}
	return int(v - 1)
}

// str reads past a string, counting it when it is a literal.
func (s *scanner) str() { s.strs(1) }

// strs reads past k strings, counting the literals. The kind is the low
// bits of a string's first byte; only a literal needs the rest of the
// value (its length). It walks on locals, which keeps the position in a
// register (faster than on s.pos).
func (s *scanner) strs(k int) {
	p, pos := s.data, s.pos
	for range k {
		if pos >= len(p) {
			s.end()
			return
		}
		switch p[pos] & 3 {
		case strBody:
			pos = skip(p, skip(p, pos))
		case strLit:
			s.pos = pos
			n := s.uvarint() >> 2
			if pos = s.pos; n > uint64(max(len(p)-pos, 0)) {
				s.end()
				return
			}
			if s.lits++; s.lits == s.want {
				s.found = p[pos : pos+int(n)]
			}
			pos += int(n)
		default:
			pos = skip(p, pos)
		}
	}
	s.pos = pos
}

// time reads past a time.
func (s *scanner) time() {
	switch s.uvarint() {
	case 0:
		return
	case 2:
		s.str()
		s.pos = skip(s.data, s.pos)
	}
	s.pos = skip(s.data, skip(s.data, s.pos))
}
