package summarize

import (
	"strings"
	"unicode"
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
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	if len(words) < shingleWords {
		return nil
	}
	sig := make(signature, minHashes)
	for i := range sig {
		sig[i] = ^uint64(0)
	}
	for i := 0; i+shingleWords <= len(words); i++ {
		// FNV-1a of the shingle's words, each followed by a zero byte
		// (hash/fnv's New64a, inlined: no allocation per shingle).
		x := uint64(fnvOffset64)
		for _, w := range words[i : i+shingleWords] {
			for k := 0; k < len(w); k++ {
				x ^= uint64(w[k])
				x *= fnvPrime64
			}
			x *= fnvPrime64 // x ^= 0 is a no-op
		}
		for k, ab := range minHashSeeds {
			// The low bits of a·x+b are poorly mixed; rotating lets the
			// high bits decide the minimum.
			v := x*ab[0] + ab[1]
			v = v>>32 | v<<32
			if v < sig[k] {
				sig[k] = v
			}
		}
	}
	return sig
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
// from LSH banding; each is then checked on the whole signature.
func nearDuplicates(sigs []signature) [][2]int {
	const rows = minHashes / minHashBands
	seen := map[[2]int]bool{}
	var out [][2]int
	for b := range minHashBands {
		buckets := map[[rows]uint64][]int{}
		for i, s := range sigs {
			if s == nil {
				continue
			}
			var key [rows]uint64
			copy(key[:], s[b*rows:(b+1)*rows])
			for _, j := range buckets[key] {
				p := [2]int{j, i}
				if !seen[p] {
					seen[p] = true
					if sigs[j].jaccard(s) >= duplicateJacc {
						out = append(out, p)
					}
				}
			}
			buckets[key] = append(buckets[key], i)
		}
	}
	return out
}
