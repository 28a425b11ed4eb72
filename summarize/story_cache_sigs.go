package summarize

import (
	"slices"

	"github.com/briefbot/briefbot/corpus"
)

// rehashMates makes the signature of every article held (one whose band
// digests and near-duplicates the previous cache holds, its signature
// nil) that shares a band's digest with a signature made afresh (those of
// the articles fresh), hashing its body again, and returns how many it
// made. Then nearDuplicates over the signatures finds every near-duplicate
// pair that the previous cache does not hold: two signatures at
// duplicateJacc or more agree on a whole band (they disagree in at most
// minHashes/5 values, fewer than there are bands), so their digests of
// that band are equal; and the two articles of a pair neither of which is
// fresh were in the previous corpus with the same bodies, where the pair
// was found.
func rehashMates(arts []corpus.Article, sigs []signature, bands []*bandDigests, held []bool, fresh []int, sh *shingler) int {
	if len(fresh) == 0 {
		return 0
	}
	var seen [minHashBands][]uint32 // by band: the fresh signatures' digests, ascending
	for _, i := range fresh {
		for b, x := range bands[i] {
			seen[b] = append(seen[b], x)
		}
	}
	for b := range seen {
		slices.Sort(seen[b])
	}
	made := 0
	for i, d := range bands {
		if !held[i] || d == nil {
			continue
		}
		for b, x := range d {
			if _, found := slices.BinarySearch(seen[b], x); found {
				sigs[i] = sh.minHash(arts[i].Body, nil)
				made++
				break
			}
		}
	}
	return made
}
