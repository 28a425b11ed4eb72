package bot

import "slices"

// sentDocs holds the sentences of a sentIndex (sentDoc), numbered in the
// order added, in 2 bytes each instead of sentDoc's 12: each sentence's
// length and article, column by column, and each article's first
// sentence. A sentence's article is held as its distance from the
// article of the first sentence of its block of docBlock sentences, and
// its place in its article as its number less its article's first, as
// they are when articles add their sentences in order, which is how the
// index adds them; a sentence added otherwise, or too long for the
// length column, is kept whole in big.
type sentDocs struct {
	base  []int32           // block of docBlock sentences → the article of its first
	off   []uint8           // sentence → its article less its block's base
	lens  []uint8           // sentence → its length (terms), bigDoc when in big
	first []int32           // article → its first sentence, -1 for none
	big   map[int32]sentDoc // the sentences the columns cannot hold
}

// docBlock is the number of sentences that share a base article.
const docBlock = 64

// bigDoc marks, in sentDocs.lens, a sentence kept in sentDocs.big.
const bigDoc = 1<<8 - 1

// len returns the number of sentences.
func (d *sentDocs) len() int { return len(d.lens) }

// add appends a sentence.
func (d *sentDocs) add(s sentDoc) {
	doc := int32(len(d.lens))
	if doc%docBlock == 0 {
		d.base = append(d.base, s.art)
	}
	off := s.art - d.base[doc/docBlock]
	if a := int(s.art); a >= len(d.first) {
		n := len(d.first)
		d.first = slices.Grow(d.first, a+1-n)[:a+1]
		for k := n; k <= a; k++ {
			d.first[k] = -1
		}
	}
	if d.first[s.art] < 0 {
		d.first[s.art] = doc
	}
	if s.sent != doc-d.first[s.art] || s.length < 0 || s.length >= bigDoc || off < 0 || off > 1<<8-1 {
		d.off = append(d.off, 0)
		if d.big == nil {
			d.big = map[int32]sentDoc{}
		}
		d.big[doc] = s
		d.lens = append(d.lens, bigDoc)
		return
	}
	d.off = append(d.off, uint8(off))
	d.lens = append(d.lens, uint8(s.length))
}

// art returns the article of sentence doc.
func (d *sentDocs) art(doc int32) int32 {
	if d.lens[doc] == bigDoc {
		return d.big[doc].art
	}
	return d.base[doc/docBlock] + int32(d.off[doc])
}

// at returns sentence doc.
func (d *sentDocs) at(doc int32) sentDoc {
	l := d.lens[doc]
	if l == bigDoc {
		return d.big[doc]
	}
	a := d.base[doc/docBlock] + int32(d.off[doc])
	return sentDoc{art: a, sent: doc - d.first[a], length: int32(l)}
}

// length returns the length of sentence doc.
func (d *sentDocs) length(doc int32) int32 {
	if l := d.lens[doc]; l != bigDoc {
		return int32(l)
	}
	return d.big[doc].length
}

// clip drops the spare capacity adding left.
func (d *sentDocs) clip() {
	d.base, d.off, d.lens, d.first = exact(d.base), exact(d.off), exact(d.lens), exact(d.first)
}
