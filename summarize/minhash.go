package summarize

import (
	"math/bits"
	"slices"
	"unicode"
	"unicode/utf8"
)

// Near-duplicate detection: the same wire story printed by several outlets
// differs by a headline, a sign-off or a trimmed paragraph. Such copies
// share most of their word 5-grams, so the Jaccard similarity of their
// shingle sets stays high, and MinHash (Broder 1997) estimates it from
// fixed-size signatures. LSH banding (Leskovec, Rajaraman & Ullman,
// "Mining of Massive Datasets" ch. 3) finds the candidate pairs without
// comparing every pair.
const (
	shingleWords  = 5   // words per shingle
	minHashes     = 128 // signature length: the estimate's standard error is about 0.04 at J = 0.8
	minHashBands  = 32  // LSH bands of minHashes/minHashBands rows: pairs at J ≥ 0.5 collide with probability > 0.87
	duplicateJacc = 0.8 // estimated Jaccard at or over which two texts are copies of one story
)

// The FNV-1a 64-bit parameters (hash/fnv).
const (
	fnvOffset64 = 14695981039346656037
	fnvPrime64  = 1099511628211
)

// signature is a MinHash signature; the zero value is the signature of a
// text too short to shingle.
type signature []uint64

// minHashSeeds are the parameters of the hash family h_i(x) = a_i·x + b_i
// (mod 2^64), a_i odd, drawn once from a fixed SplitMix64 stream so
// signatures are comparable across runs.
var minHashSeeds = func() (s [minHashes][2]uint64) {
	x := uint64(0x9e3779b97f4a7c15)
	next := func() uint64 {
		x += 0x9e3779b97f4a7c15
		z := x
		z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
		z = (z ^ z>>27) * 0x94d049bb133111eb
		return z ^ z>>31
	}
	for i := range s {
		s[i] = [2]uint64{next() | 1, next()}
	}
	return s
}()

// minHash returns the MinHash signature of text's word shingles (lower
// case, punctuation dropped), or nil when text has fewer than shingleWords
// words.
func minHash(text string) signature {
	var sh shingler
	return sh.minHash(text, nil)
}

// shingler computes MinHash signatures, reusing its buffers from one text
// to the next. The zero value is ready to use; a shingler is not safe for
// concurrent use.
type shingler struct {
	words []byte   // the text's words, lowercased, each followed by a zero byte
	ends  []int32  // where each word of words ends, its zero byte included
	xs    []uint64 // the hash of each shingle
}

// minHash is the package's minHash; the signature is made in dst when it
// has room for minHashes values (it then holds text's signature, or is
// left unused when text is too short to shingle).
//
// The words are those of strings.FieldsFunc over strings.ToLower(text),
// split at every rune that is neither letter nor digit; each shingle is
// hashed by FNV-1a (hash/fnv's New64a) over its words, each followed by a
// zero byte. Then each hash function of the family runs over all the
// shingle hashes at once, keeping its minimum in a register, rather than
// each shingle updating all minHashes minima in memory.
func (sh *shingler) minHash(text string, dst signature) signature {
	sh.split(text)
	if len(sh.ends) < shingleWords {
		return nil
	}
	xs := sh.xs[:0]
	nsh := len(sh.ends) - shingleWords + 1
	i := 0
	for ; i+4 <= nsh; i += 4 { // four shingles at a time: four independent multiply chains
		b0, b1, b2, b3 := sh.shingle(i), sh.shingle(i+1), sh.shingle(i+2), sh.shingle(i+3)
		x0, x1, x2, x3 := uint64(fnvOffset64), uint64(fnvOffset64), uint64(fnvOffset64), uint64(fnvOffset64)
		l := min(len(b0), len(b1), len(b2), len(b3))
		c0, c1, c2, c3 := b0[:l], b1[:l], b2[:l], b3[:l]
		for k := range c0 {
			x0 = (x0 ^ uint64(c0[k])) * fnvPrime64
			x1 = (x1 ^ uint64(c1[k])) * fnvPrime64
			x2 = (x2 ^ uint64(c2[k])) * fnvPrime64
			x3 = (x3 ^ uint64(c3[k])) * fnvPrime64
		}
		xs = append(xs, fnvOn(x0, b0[l:]), fnvOn(x1, b1[l:]), fnvOn(x2, b2[l:]), fnvOn(x3, b3[l:]))
	}
	for ; i < nsh; i++ {
		xs = append(xs, fnvOn(fnvOffset64, sh.shingle(i)))
	}
	sh.xs = xs
	sig := dst
	if len(sig) < minHashes {
		sig = make(signature, minHashes)
	}
	sig = sig[:minHashes:minHashes]
	for k := range sig {
		sig[k] = minOfFamily(xs, minHashSeeds[k][0], minHashSeeds[k][1])
	}
	return sig
}

// shingle returns the bytes of shingle i: its words, each followed by a
// zero byte. FNV-1a over them is FNV-1a over its words, each followed by
// a zero byte (the zero byte's x ^= 0 is a no-op, its x *= prime is not).
func (sh *shingler) shingle(i int) []byte {
	from := int32(0)
	if i > 0 {
		from = sh.ends[i-1]
	}
	return sh.words[from:sh.ends[i+shingleWords-1]]
}

// fnvOn continues the FNV-1a hash x over b.
func fnvOn(x uint64, b []byte) uint64 {
	for _, c := range b {
		x = (x ^ uint64(c)) * fnvPrime64
	}
	return x
}

// minOfFamily returns the least of rot32(a·x+b) over xs (^0 for none):
// one position of a signature. The low bits of a·x+b are poorly mixed;
// rotating lets the high bits decide the minimum. Four running minima
// keep the processor's multipliers busy.
func minOfFamily(xs []uint64, a, b uint64) uint64 {
	m0, m1, m2, m3 := ^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0)
	i := 0
	for ; i+4 <= len(xs); i += 4 {
		q := xs[i : i+4 : i+4]
		m0 = min(m0, bits.RotateLeft64(q[0]*a+b, 32))
		m1 = min(m1, bits.RotateLeft64(q[1]*a+b, 32))
		m2 = min(m2, bits.RotateLeft64(q[2]*a+b, 32))
		m3 = min(m3, bits.RotateLeft64(q[3]*a+b, 32))
	}
	for ; i < len(xs); i++ {
		m0 = min(m0, bits.RotateLeft64(xs[i]*a+b, 32))
	}
	return min(m0, m1, m2, m3)
}

// split fills sh.words and sh.ends with the words of text as
// strings.FieldsFunc(strings.ToLower(text), not letter or digit) gives
// them: ASCII bytes by table (normKeyASCII), other runes lowercased with unicode.ToLower
// (strings.ToLower's mapping) and kept when the lowercased rune is a
// letter or digit; invalid UTF-8 separates words, as the U+FFFD that
// strings.ToLower writes for it does.
func (sh *shingler) split(text string) {
	words, ends := sh.words[:0], sh.ends[:0]
	in := false
	end := func() {
		if in {
			words = append(words, 0)
			ends = append(ends, int32(len(words)))
			in = false
		}
	}
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			i++
			if l := normKeyASCII[c]; l != 0 {
				words, in = append(words, l), true
			} else {
				end()
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		if r == utf8.RuneError && size == 1 {
			end()
			continue
		}
		if l := unicode.ToLower(r); unicode.IsLetter(l) || unicode.IsDigit(l) {
			words, in = utf8.AppendRune(words, l), true
		} else {
			end()
		}
	}
	end()
	sh.words, sh.ends = words, ends
}

// jaccard estimates the Jaccard similarity of the shingle sets behind two
// signatures: the share of positions where they agree. It is 0 when either
// is nil.
func (s signature) jaccard(t signature) float64 {
	if len(s) == 0 || len(t) == 0 {
		return 0
	}
	same := 0
	for i := range s {
		if s[i] == t[i] {
			same++
		}
	}
	return float64(same) / float64(len(s))
}

// nearDuplicates returns the pairs (i, j), i < j, of signatures whose
// estimated Jaccard similarity is at least duplicateJacc. Candidates come
// from LSH banding; each is then checked on the whole signature, once: in
// the first band where the two agree. The pairs come band by band, each
// band's by j, then i ascending.
//
// A band's buckets are chains through the signatures (the latest of each
// bucket by the band's hash, each signature linking to the one before it
// with that hash), confirmed value by value, so the buckets cost no
// allocation per signature.
func nearDuplicates(sigs []signature) [][2]int {
	const rows = minHashes / minHashBands
	var out [][2]int
	latest := make(map[uint64]int32, len(sigs))
	prev := make([]int32, len(sigs)) // the signature before, in the chain of the same band hash; -1 for none
	var bucket []int
	for b := range minHashBands {
		clear(latest)
		lo, hi := b*rows, (b+1)*rows
		for i, s := range sigs {
			if s == nil {
				continue
			}
			key := s[lo:hi:hi]
			h := bandHash(key)
			head, ok := latest[h]
			if !ok {
				head = -1
			}
			prev[i], latest[h] = head, int32(i)
			bucket = bucket[:0]
			for j := head; j >= 0; j = prev[j] {
				if t := sigs[j]; slices.Equal(t[lo:hi], key) && !agreeBefore(t, s, b) {
					bucket = append(bucket, int(j))
				}
			}
			for _, j := range slices.Backward(bucket) {
				if sigs[j].jaccard(s) >= duplicateJacc {
					out = append(out, [2]int{j, i})
				}
			}
		}
	}
	return out
}

// bandHash hashes one band of a signature (its values in order): two
// signatures that agree on the band have its hash in common.
func bandHash(band []uint64) uint64 {
	h := uint64(0)
	for _, v := range band {
		h = (h^v)*0x9e3779b97f4a7c15 + 1
	}
	return h
}

// bandDigests are the band hashes of a signature, each cut to its high 32
// bits: a signature's stand-in where only whether it may agree with
// another on a whole band matters (equal bands give equal digests; equal
// digests of unequal bands are rare and only cost a closer look).
type bandDigests [minHashBands]uint32

// digests returns s's bandDigests; s is not nil.
func (s signature) digests() (d bandDigests) {
	const rows = minHashes / minHashBands
	for b := range d {
		d[b] = uint32(bandHash(s[b*rows:(b+1)*rows]) >> 32)
	}
	return d
}

// agreeBefore reports whether s and t agree on a whole band before band b:
// then an earlier band has checked them.
func agreeBefore(s, t signature, b int) bool {
	const rows = minHashes / minHashBands
	for e := range b {
		if slices.Equal(s[e*rows:(e+1)*rows], t[e*rows:(e+1)*rows]) {
			return true
		}
	}
	return false
}
