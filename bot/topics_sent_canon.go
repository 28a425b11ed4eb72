package bot

import "bytes"

// Repeated sentences. Many articles repeat a sentence word for word (a
// boilerplate line, a quote carried by several outlets); search and
// question show each wording once (topSentences). The index numbers each
// sentence's first occurrence, its canonical sentence, so that a query
// drops the repeats before ranking instead of reading every repeat's text.
//
// A repeat has the words of its canonical sentence, so the same terms,
// length and term frequencies, and so the same impact in each of their
// postings; impact order keeps equal impacts in sentence order, so the
// canonical sentence comes before its repeats in every posting list and
// its score is at least any repeat's. Among a wording's hits the best
// ranked (score descending, then sentence) is thus always the canonical
// one, the one topSentences keeps.

// fnv64 offset basis and prime (FNV-1a).
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// hashWords extends the FNV-1a hash h with word w and a separator: the
// hash of a sentence's words is that of its normName.
func hashWords(h uint64, w []byte) uint64 {
	for _, c := range w {
		h = (h ^ uint64(c)) * fnvPrime
	}
	return (h ^ ' ') * fnvPrime
}

// canonicalize marks the sentences that are not their own canonical
// sentence (sentIndex.repeats) from the word hashes add gathered; text gives a sentence's text, read to
// confirm that sentences whose hashes agree have the same words. Call it
// after the last add and before finish.
func (s *sentIndex) canonicalize(text func(doc int32) string) {
	b := s.build
	if b == nil {
		return
	}
	s.repeats = make([]uint64, (s.docs.len()+63)/64)
	first := make(map[uint64]int32, s.docs.len())
	var byNorm map[string]int32 // the wordings whose hash another wording has
	var buf, other []byte
	for doc, h := range b.hashes {
		d := int32(doc)
		f, ok := first[h]
		if !ok {
			first[h] = d
			continue
		}
		buf = appendNorm(buf[:0], text(d))
		if other = appendNorm(other[:0], text(f)); bytes.Equal(buf, other) {
			s.repeats[d/64] |= 1 << (d % 64)
			continue
		}
		if byNorm == nil {
			byNorm = map[string]int32{}
		}
		if _, ok := byNorm[string(buf)]; ok {
			s.repeats[d/64] |= 1 << (d % 64)
		} else {
			byNorm[string(buf)] = d
		}
	}
	b.hashes = nil
}

// isCanonical reports whether doc is the first sentence of its wording;
// every sentence is when the index numbered none.
func (s *sentIndex) isCanonical(doc int) bool {
	return doc/64 >= len(s.repeats) || s.repeats[doc/64]&(1<<(doc%64)) == 0
}
