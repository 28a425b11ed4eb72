package summarize

import (
	"encoding/binary"
	"math/bits"
)

// A StoryCache keeps the articles' docTerms packed: each term ID and its
// count as two unsigned varints (encoding/binary), term after term, one
// article's after another's, in one byte slab. Term IDs are numbered in
// the order terms first appear in the corpus, so the common terms have
// small IDs, and counts are small: a term takes about three bytes rather
// than the eight of two int32s.

// packedTermsSize returns how many bytes packing all takes, where
// packed[i] (when not nil, and when packed is not nil) is all[i] packed.
func packedTermsSize(all []docTerms, packed [][]byte) int {
	size := 0
	for i, d := range all {
		if packed != nil && packed[i] != nil {
			size += len(packed[i])
			continue
		}
		for k, t := range d.terms {
			size += uvarintLen(uint32(t)) + uvarintLen(uint32(d.counts[k]))
		}
	}
	return size
}

// uvarintLen returns the length of x as an unsigned varint.
func uvarintLen(x uint32) int {
	return (bits.Len32(x|1) + 6) / 7
}

// appendPackedTerms appends d's terms and counts, packed, to dst. Term IDs
// are never negative and counts always positive.
func appendPackedTerms(dst []byte, d docTerms) []byte {
	for k, t := range d.terms {
		dst = appendUvarint32(dst, uint32(t))
		dst = appendUvarint32(dst, uint32(d.counts[k]))
	}
	return dst
}

// appendUvarint32 is binary.AppendUvarint, a byte's worth at once.
func appendUvarint32(dst []byte, x uint32) []byte {
	if x < 0x80 {
		return append(dst, byte(x))
	}
	return binary.AppendUvarint(dst, uint64(x))
}

// packedTerm decodes the term and count at the start of src and returns
// them with the rest of src; src must hold a packed term.
func packedTerm(src []byte) (t, c int32, rest []byte) {
	x, n := uvarint32(src)
	src = src[n:]
	y, m := uvarint32(src)
	return int32(x), int32(y), src[m:]
}

// uvarint32 is binary.Uvarint for a value that fits 32 bits, a byte's
// worth at once.
func uvarint32(src []byte) (uint32, int) {
	if b := src[0]; b < 0x80 {
		return uint32(b), 1
	}
	x, n := binary.Uvarint(src)
	return uint32(x), n
}

// unpackTerms returns the n terms packed in src, of which the first words
// are words.
func unpackTerms(src []byte, n, words int) docTerms {
	d := docTerms{terms: make([]int32, n), counts: make([]int32, n), words: words}
	for k := range n {
		d.terms[k], d.counts[k], src = packedTerm(src)
	}
	return d
}
