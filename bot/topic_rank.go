package bot

import "math"

// scores calls f once for each sentence holding a query term (the
// rankDepth best postings of each term) with its BM25 score, summed over
// the terms in query order exactly as sentIndex.rank sums it, in no
// particular order. Unlike rank it sorts nothing, and a query with one
// matching term needs no map.
func (s *sentIndex) scores(q []string, f func(doc int, score float64)) {
	n := float64(len(s.docs))
	idf := func(ps []posting) float64 {
		df := float64(len(ps))
		return math.Log(1 + (n-df+0.5)/(df+0.5))
	}
	var hit []string
	for _, t := range q {
		if len(s.post[t]) > 0 {
			hit = append(hit, t)
		}
	}
	if len(hit) == 1 {
		ps := s.post[hit[0]]
		w := idf(ps)
		for _, p := range ps[:min(len(ps), rankDepth)] {
			f(int(p.doc), 0+w*s.impact(p))
		}
		return
	}
	score := map[int]float64{}
	for _, t := range hit {
		ps := s.post[t]
		w := idf(ps)
		for _, p := range ps[:min(len(ps), rankDepth)] {
			score[int(p.doc)] += w * s.impact(p)
		}
	}
	for d, sc := range score {
		f(d, sc)
	}
}

// top3 keeps the three best sentence scores of an article in rank order:
// score descending, then sentence ascending.
type top3 struct {
	n     int
	doc   [3]int
	score [3]float64
}

// add offers a sentence's score.
func (t *top3) add(doc int, score float64) {
	i := t.n
	for i > 0 && (score > t.score[i-1] || score == t.score[i-1] && doc < t.doc[i-1]) {
		i--
	}
	if i == 3 {
		return
	}
	for j := min(t.n, 2); j > i; j-- {
		t.doc[j], t.score[j] = t.doc[j-1], t.score[j-1]
	}
	t.doc[i], t.score[i] = doc, score
	t.n = min(t.n+1, 3)
}

// sum adds the scores in rank order, as topicRanking always has.
func (t *top3) sum() float64 {
	s := 0.0
	for i := range t.n {
		s += t.score[i]
	}
	return s
}
