package summarize

import (
	"math"
	"reflect"
	"testing"
)

// TestPackedTerms checks that docTerms packed and unpacked are the same,
// at every varint length, and that packedTermsSize is what packing takes.
func TestPackedTerms(t *testing.T) {
	all := []docTerms{
		{terms: []int32{}, counts: []int32{}, words: 0},
		{terms: []int32{0, 1, 127}, counts: []int32{3, 1, 2}, words: 2},
		{terms: []int32{128, 16383, 16384, 70000}, counts: []int32{1, 128, 300, 65536}, words: 1},
		{terms: []int32{math.MaxInt32, 5}, counts: []int32{math.MaxInt32, 1}, words: 2},
	}
	var slab []byte
	ends := make([]int, len(all))
	for i, d := range all {
		slab = appendPackedTerms(slab, d)
		ends[i] = len(slab)
	}
	if got := packedTermsSize(all, nil); got != len(slab) {
		t.Errorf("packedTermsSize = %d, packing took %d", got, len(slab))
	}
	from := 0
	for i, d := range all {
		got := unpackTerms(slab[from:ends[i]], len(d.terms), d.words)
		if !reflect.DeepEqual(got, d) {
			t.Errorf("article %d: unpacked %+v, want %+v", i, got, d)
		}
		from = ends[i]
	}
}
