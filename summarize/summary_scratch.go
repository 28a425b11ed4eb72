package summarize

import "sync"

// rankScratch is the working memory of one summary ranking (rankLow): the
// candidates and their traits, the term vectors and the similarity
// matrix, the LexRank walk and the selection. None of it outlives the
// call but the indices rankLow copies out, so Analyze reuses it from one
// article to the next rather than making the garbage collector run for
// about twenty arrays an article.
type rankScratch struct {
	cand    []int
	tr      []traits
	texts   []string // the candidates' texts and the title: cleared before pooling
	vecs    []termVec
	ends    []int
	weights []termWeight
	flat    []float64
	rows    [][]float64 // windows of flat: cleared before pooling
	dense   []float64
	onTitle []float64
	score   []float64
	taken   []bool
	chosen  []int
	walk    walkScratch
}

// walkScratch is the working memory of one biased LexRank walk.
type walkScratch struct {
	jump, out, p, next []float64
	first              []int
	edges              []walkEdge
	in                 [][]walkEdge // windows of edges: cleared before pooling
}

// walkEdge is one edge into a node of the walk: the node it comes from and
// the chance of walking it.
type walkEdge struct {
	from int
	w    float64
}

var rankPool sync.Pool // *rankScratch

// pooledRank returns the working memory of a ranking, reused when the pool
// has some. Every array in it is empty or to be resized by its user.
func pooledRank() *rankScratch {
	if sc, ok := rankPool.Get().(*rankScratch); ok {
		return sc
	}
	return &rankScratch{}
}

// releaseRank drops what sc points to outside itself (texts, vectors over
// its weights, rows of its matrix) and pools it. The caller must not use
// sc, or anything it returned that is a window of it, afterwards.
func releaseRank(sc *rankScratch) {
	clear(sc.texts[:cap(sc.texts)])
	clear(sc.vecs[:cap(sc.vecs)])
	clear(sc.rows[:cap(sc.rows)])
	clear(sc.walk.in[:cap(sc.walk.in)])
	rankPool.Put(sc)
}
