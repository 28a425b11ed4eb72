package bot

import "sync"

// scoreTable sums the scores of the sentences a query of several terms
// hits: an open-addressing hash table of sentences to scores, sized for
// the postings the query reads, that remembers which slots it filled so
// that emptying it costs what filling it did. It replaces a map, whose
// hashing and growth cost more per posting.
type scoreTable struct {
	keys []int32   // slot → its sentence + 1, 0 when empty
	vals []float64 // slot → the sentence's score so far
	used []int32   // the slots filled, in order of filling
	mask uint32
}

var scoreTables sync.Pool // *scoreTable, empty

// getScoreTable returns an empty table for up to n sentences.
func getScoreTable(n int) *scoreTable {
	t, _ := scoreTables.Get().(*scoreTable)
	if t == nil {
		t = &scoreTable{}
	}
	size := 64
	for size < 2*n {
		size *= 2
	}
	if len(t.keys) < size {
		t.keys, t.vals = make([]int32, size), make([]float64, size)
	}
	t.mask = uint32(size - 1)
	return t
}

// add adds v to doc's score.
func (t *scoreTable) add(doc int32, v float64) {
	i := uint32(doc) * 0x9E3779B1 >> 7 & t.mask
	for {
		switch t.keys[i] {
		case doc + 1:
			t.vals[i] += v
			return
		case 0:
			t.keys[i], t.vals[i] = doc+1, v
			t.used = append(t.used, int32(i))
			return
		}
		i = (i + 1) & t.mask
	}
}

// each calls f with each sentence and its score, in order of first add.
func (t *scoreTable) each(f func(doc int, score float64)) {
	for _, i := range t.used {
		f(int(t.keys[i]-1), t.vals[i])
	}
}

// put empties t and returns it to the pool.
func (t *scoreTable) put() {
	for _, i := range t.used {
		t.keys[i] = 0
	}
	t.used = t.used[:0]
	scoreTables.Put(t)
}
