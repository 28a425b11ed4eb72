package summarize

import (
	"math"
	"slices"
)

// A bag is a sparse term vector: stemmed term → weight. Story clustering
// builds its document vectors as bags; the sentence graphs of a summary use
// termVec, which compares faster.
type bag map[string]float64

// weigh turns term counts into TF-IDF weights in place, with the smoothed
// IDF ln((1+n)/(1+df))+1 over n documents. Terms missing from df count as
// seen in no document.
func weigh(bags []bag, df map[string]int, n int) {
	for _, b := range bags {
		for w, tf := range b {
			b[w] = tf * idf(df[w], n)
		}
	}
}

// idf is the smoothed inverse document frequency of a term found in df of
// n documents.
func idf(df, n int) float64 { return math.Log((1+float64(n))/(1+float64(df))) + 1 }

// cosine returns the cosine similarity of two vectors, 0 when either is
// empty.
func cosine(a, b bag) float64 {
	if len(a) > len(b) {
		a, b = b, a
	}
	var dot, na, nb float64
	for w, x := range a {
		dot += x * b[w]
		na += x * x
	}
	for _, y := range b {
		nb += y * y
	}
	if na == 0 || nb == 0 {
		return 0
	}
	return dot / math.Sqrt(na*nb)
}

// A termVec is a sparse term vector over the terms of one tfidf call,
// sorted by term number, with its Euclidean norm, so two are compared by
// one merge of their entries and no hashing.
type termVec struct {
	terms []termWeight
	norm  float64
}

type termWeight struct {
	term int32
	w    float64
}

// cosine returns the cosine similarity of v and u, 0 when either is empty.
// Both must come from the same tfidf call.
func (v termVec) cosine(u termVec) float64 {
	if v.norm == 0 || u.norm == 0 {
		return 0
	}
	a, b := v.terms, u.terms
	dot := 0.0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i].term < b[j].term:
			i++
		case a[i].term > b[j].term:
			j++
		default:
			dot += a[i].w * b[j].w
			i++
			j++
		}
	}
	return dot / (v.norm * u.norm)
}

// tfidf returns a stemmed TF-IDF vector for each text, the texts being the
// documents (the IDF of weigh).
func tfidf(texts []string) []termVec {
	vecs, _ := tfidfIn(texts, nil)
	return vecs
}

// tfidfIn is tfidf with the weights of all the vectors written into
// weights's array when it has room (an empty slice; nil to allocate one).
// It also returns the array used, which the vectors' terms are windows
// of: the caller may reuse it only once it no longer uses the vectors.
func tfidfIn(texts []string, weights []termWeight) ([]termVec, []termWeight) {
	vecs, weights, _ := tfidfInto(texts, weights, nil, nil)
	return vecs, weights
}

// tfidfInto is tfidfIn with the vectors written into vecs's array and the
// ends of the texts' terms into ends's when they have room (nil to
// allocate them). It returns ends, grown, for the caller to reuse too.
func tfidfInto(texts []string, weights []termWeight, vecs []termVec, ends []int) ([]termVec, []termWeight, []int) {
	sc := pooledTfidf()
	defer releaseTfidf(sc)
	return tfidfWith(sc, texts, weights, vecs, ends)
}

// tfidfWith is tfidfInto with the scratch memory sc (pooledTfidf), which
// the caller releases.
func tfidfWith(sc *tfidfScratch, texts []string, weights []termWeight, vecs []termVec, ends []int) ([]termVec, []termWeight, []int) {
	df := sc.df
	if cap(vecs) < len(texts) {
		vecs = make([]termVec, len(texts), regrown(cap(vecs), len(texts)))
	}
	vecs = vecs[:len(texts)]
	clear(vecs)
	// The terms of every text, each text's sorted, one after another: the
	// weights of all the vectors then take one allocation.
	all := sc.all
	defer func() { sc.df, sc.all = df, all }() // grown: pooled as grown
	ends = sized(ends, len(texts))
	distinct := 0
	sc.startWords(texts)
	for i, t := range texts {
		from := len(all)
		cs := contentScanner{s: t}
		for {
			start, end, plain, ok := cs.word()
			if !ok {
				break
			}
			h := wordHash32(t[start:end])
			sl := sc.slotOf(i, start, end, h)
			if sl.term < termNone { // a word new to this call
				sl.term = termNone
				if e, ok := sc.entry(&cs, start, end, plain, h); ok && e.stop {
					sl.term = termStop
				} else if ok {
					// Terms are numbered in the order their stems first
					// appear.
					sl.term = sc.term(e, int32(len(df)))
					if sl.term == int32(len(df)) {
						df = append(df, 0)
					}
				}
			}
			if sl.term >= 0 {
				all = append(all, sl.term)
			}
		}
		terms := all[from:]
		slices.Sort(terms)
		for k, id := range terms {
			if k == 0 || id != terms[k-1] {
				distinct++
			}
		}
		ends[i] = len(all)
	}
	if cap(weights) < distinct {
		weights = make([]termWeight, 0, distinct)
	}
	weights = weights[:0]
	from := 0
	for i := range vecs {
		// Merge repeats into term frequencies.
		terms := all[from:ends[i]]
		first := len(weights)
		for k, id := range terms {
			if k > 0 && id == terms[k-1] {
				weights[len(weights)-1].w++
				continue
			}
			weights = append(weights, termWeight{term: id, w: 1})
			df[id]++
		}
		vecs[i].terms = weights[first:len(weights):len(weights)]
		from = ends[i]
	}
	sc.idfs = sized(sc.idfs, len(texts)+1)
	for i := range vecs {
		sq := 0.0
		for k := range vecs[i].terms {
			tw := &vecs[i].terms[k]
			tw.w *= sc.idf(df[tw.term], len(texts))
			sq += tw.w * tw.w
		}
		vecs[i].norm = math.Sqrt(sq)
	}
	return vecs, weights, ends
}

// similarities returns the symmetric matrix of pairwise cosines, with 0 on
// the diagonal. Its rows share one backing array.
func similarities(vecs []termVec) [][]float64 {
	return similaritiesIn(vecs, make([]float64, len(vecs)*len(vecs)))
}

// similaritiesIn is similarities with the backing array of the rows
// given: flat holds len(vecs)² zeros.
func similaritiesIn(vecs []termVec, flat []float64) [][]float64 {
	sim, _ := similaritiesInto(vecs, flat, nil, nil)
	return sim
}

// similaritiesInto is similaritiesIn with the rows written into rows's
// array, and the working row (dense) in dense's, when they have room (nil
// to allocate them). It returns dense, grown, for the caller to reuse.
func similaritiesInto(vecs []termVec, flat []float64, rows [][]float64, dense []float64) ([][]float64, []float64) {
	n := len(vecs)
	if cap(rows) < n {
		rows = make([][]float64, n, regrown(cap(rows), n))
	}
	sim := rows[:n]
	terms := 0
	for _, v := range vecs {
		if len(v.terms) > 0 {
			terms = max(terms, int(v.terms[len(v.terms)-1].term)+1)
		}
	}
	// Row i is compared with the rows before it through vecs[i] spread
	// out by term: one pass over each other row rather than a merge.
	dense = sized(dense, terms)
	for i := range sim {
		sim[i] = flat[i*n : (i+1)*n : (i+1)*n]
		for _, tw := range vecs[i].terms {
			dense[tw.term] = tw.w
		}
		for j := range i {
			sim[i][j] = vecs[i].cosineDense(dense, vecs[j])
			sim[j][i] = sim[i][j]
		}
		for _, tw := range vecs[i].terms {
			dense[tw.term] = 0
		}
	}
	return sim, dense
}

// cosineDense is v.cosine(u) with v's weights spread out by term in dense
// (zero for the terms v lacks). The products are the same and summed in
// the same order, that of u's terms, so the result is the same to the
// bit: a term v lacks adds nothing.
func (v termVec) cosineDense(dense []float64, u termVec) float64 {
	if v.norm == 0 || u.norm == 0 {
		return 0
	}
	dot := 0.0
	for _, tw := range u.terms {
		if x := dense[tw.term]; x != 0 {
			dot += x * tw.w
		}
	}
	return dot / (v.norm * u.norm)
}

// lexRank returns the centrality of each node of the similarity graph:
// continuous LexRank (Erkan & Radev 2004) with damping 0.85, scaled so the
// most central node scores 1.
func lexRank(sim [][]float64) []float64 { return biasedLexRank(sim, nil, 0.85) }

// scaleToMax divides every value by the largest, when that is positive.
func scaleToMax(v []float64) {
	if len(v) == 0 {
		return
	}
	if top := slices.Max(v); top > 0 {
		for i := range v {
			v[i] /= top
		}
	}
}

// biasedLexRank returns the centrality of each node in the similarity
// graph of a random walk that jumps to node i with probability bias[i]
// (normalised; uniform when all are 0): topic-sensitive LexRank
// (Otterbacher, Erkan & Radev 2005), with the headline as the topic. Edges
// are weighted by similarity at or over 0.1; walk is the probability of
// following an edge rather than jumping. Scaled so the top node scores 1.
func biasedLexRank(sim [][]float64, bias []float64, walk float64) []float64 {
	return biasedLexRankIn(sim, bias, walk, &walkScratch{})
}

// biasedLexRankIn is biasedLexRank with its working arrays, and the
// centralities it returns, in ws's arrays when they have room: the result
// is a window of ws, valid until ws is used again.
func biasedLexRankIn(sim [][]float64, bias []float64, walk float64, ws *walkScratch) []float64 {
	const threshold, steps = 0.1, 50
	n := len(sim)
	ws.jump = sized(ws.jump, n)
	jump := ws.jump
	total := 0.0
	for _, b := range bias {
		total += b
	}
	for i := range jump {
		jump[i] = 1 / float64(n)
		if total > 0 {
			jump[i] = bias[i] / total
		}
	}
	ws.out = sized(ws.out, n)
	out := ws.out // each node's total outgoing edge weight
	ws.first = sized(ws.first, n+1)
	first := ws.first // the edges into i are edges[first[i]:first[i+1]]
	for i := range sim {
		first[i+1] = first[i]
		for j, s := range sim[i] {
			if i != j && s >= threshold {
				out[i] += s
				first[i+1]++
			}
		}
	}
	// The edges into each node with the chance of walking them, j
	// ascending, all in one array: the graph is sparse, so each step skips
	// the pairs under the threshold (adding their zero would change no
	// sum).
	if cap(ws.edges) < first[n] {
		ws.edges = make([]walkEdge, 0, regrown(cap(ws.edges), first[n]))
	}
	edges := ws.edges[:0]
	if cap(ws.in) < n {
		ws.in = make([][]walkEdge, n, regrown(cap(ws.in), n))
	}
	in := ws.in[:n] // in[i]: the edges into i, a window of edges
	for i := range sim {
		for j, s := range sim[i] {
			if i != j && s >= threshold {
				edges = append(edges, walkEdge{j, s / out[j]})
			}
		}
		in[i] = edges[first[i]:first[i+1]]
	}
	ws.p = append(ws.p[:0], jump...)
	p := ws.p
	ws.next = sized(ws.next, n)
	next := ws.next
	for range steps {
		for i := range next {
			v := 0.0
			for _, e := range in[i] {
				v += e.w * p[e.from]
			}
			next[i] = (1-walk)*jump[i] + walk*v
		}
		p, next = next, p
	}
	scaleToMax(p)
	return p
}
