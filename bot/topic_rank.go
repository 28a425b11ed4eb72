package bot

import (
	"cmp"
	"sync"
)

// scores calls f once for each sentence holding a query term (the
// rankDepth best postings of each term) with its BM25 score, summed over
// the terms in query order exactly as sentIndex.rank sums it, in no
// particular order. Unlike rank it sorts nothing, a term kept as runs of
// equal impact (sentIndex.runs) is scored run by run without reading its
// sentences' lengths, and a query with one matching term needs no map;
// the table of a longer one (scoreTable) comes from a pool.
func (s *sentIndex) scores(q []string, f func(doc int, score float64)) {
	type termPostings struct {
		idf  float64
		ps   []posting
		big  map[int32]int32
		runs []impactRun
	}
	var buf [8]termPostings
	hit := buf[:0] // the query terms that have postings
	for _, t := range q {
		if ps := s.post[t]; len(ps) > 0 {
			hit = append(hit, termPostings{s.idf(t, ps), ps, s.bigTF[t], s.runs[t]})
		}
	}
	// A score is rounded to float64 before it is added (the conversions),
	// so that no platform fuses the multiply and the add: a run's score is
	// computed once for all its postings, and must equal each one's.
	if len(hit) == 1 {
		h := hit[0]
		w := h.idf
		if h.runs == nil {
			for _, p := range h.ps[:min(len(h.ps), rankDepth)] {
				f(int(p.doc()), float64(w*s.impact(p, h.big)))
			}
			return
		}
		from := uint32(0)
		for _, r := range h.runs {
			v := float64(w * s.rankImpact[r.rank])
			for _, p := range h.ps[from:r.end] {
				f(int(p.doc()), v)
			}
			from = r.end
		}
		return
	}
	read := 0
	for _, h := range hit {
		read += min(len(h.ps), rankDepth)
	}
	score := getScoreTable(read)
	defer score.put()
	for _, h := range hit {
		w := h.idf
		if h.runs == nil {
			for _, p := range h.ps[:min(len(h.ps), rankDepth)] {
				score.add(p.doc(), float64(w*s.impact(p, h.big)))
			}
			continue
		}
		from := uint32(0)
		for _, r := range h.runs {
			v := float64(w * s.rankImpact[r.rank])
			for _, p := range h.ps[from:r.end] {
				score.add(p.doc(), v)
			}
			from = r.end
		}
	}
	score.each(f)
}

// top3 keeps the three best sentence scores of an article in rank order:
// score descending, then sentence ascending.
type top3 struct {
	n     int32
	doc   [3]int32
	score [3]float64
}

// add offers a sentence's score.
func (t *top3) add(d int, score float64) {
	i, doc := t.n, int32(d)
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

// topicCand is an article topicRanking ranks: how many query terms its
// title holds and, when a sentence of it matched, 1 + the place of its
// best sentences in topicScratch.best (0 for none). Most candidates of a
// common title word have no matching sentence: they carry no top3.
type topicCand struct {
	art, inTitle, best int32
}

// topicHit is a sentence matching a topic: its article and score.
type topicHit struct {
	doc, art int32
	score    float64
}

// topicKey is what orders a candidate: title terms descending, sentence
// score descending, then its place in byDate.
type topicKey struct {
	art, inTitle, pos int32
	score             float64
}

func compareTopicKeys(a, b topicKey) int {
	switch {
	case a.inTitle != b.inTitle:
		return int(b.inTitle - a.inTitle)
	case a.score != b.score:
		return cmp.Compare(b.score, a.score)
	}
	return int(a.pos - b.pos)
}

// topicScratch is the working space of one topicRanking call.
type topicScratch struct {
	cands []topicCand
	best  []top3 // the best sentences of the candidates that have some
	hits  []topicHit
	keys  []topicKey
	at    []int32 // article → 1 + its candidate, 0 for none
	merge []counted

	storyAt   []int32    // story → 1 + its place in storyKeys, 0 for none (topicStories)
	storyKeys []topicKey // each story's best article
}

var topicScratchPool sync.Pool // *topicScratch

// getTopicScratch returns an empty scratch for an index of arts articles.
func getTopicScratch(arts int) *topicScratch {
	sc, _ := topicScratchPool.Get().(*topicScratch)
	if sc == nil {
		sc = &topicScratch{}
	}
	if len(sc.at) < arts {
		sc.at = make([]int32, arts)
	}
	return sc
}

// putTopicScratch empties sc and returns it to the pool.
func putTopicScratch(sc *topicScratch) {
	for _, c := range sc.cands {
		sc.at[c.art] = 0
	}
	sc.cands, sc.keys, sc.merge, sc.storyKeys, sc.best, sc.hits = sc.cands[:0], sc.keys[:0], sc.merge[:0], sc.storyKeys[:0], sc.best[:0], sc.hits[:0]
	topicScratchPool.Put(sc)
}

// countTitles makes a candidate of each article whose title holds a query
// term, ascending, with how many it holds: termIndex.countSorted, merging
// in sc's buffers.
func (sc *topicScratch) countTitles(titles termIndex, q []string) {
	acc, merged := sc.cands[:0], sc.merge
	for _, w := range q {
		ps := titles[w]
		if len(ps) == 0 {
			continue
		}
		if len(acc) == 0 { // the first term: its postings, once each
			for _, id := range ps {
				acc = append(acc, topicCand{art: id, inTitle: 1})
			}
			continue
		}
		merged = merged[:0]
		i, j := 0, 0
		for i < len(acc) || j < len(ps) {
			switch {
			case j == len(ps) || i < len(acc) && acc[i].art < ps[j]:
				merged = append(merged, counted{acc[i].art, acc[i].inTitle})
				i++
			case i == len(acc) || ps[j] < acc[i].art:
				merged = append(merged, counted{ps[j], 1})
				j++
			default:
				merged = append(merged, counted{ps[j], acc[i].inTitle + 1})
				i, j = i+1, j+1
			}
		}
		acc = acc[:0]
		for _, c := range merged {
			acc = append(acc, topicCand{art: c.id, inTitle: c.n})
		}
	}
	sc.cands, sc.merge = acc, merged
	for k, c := range acc {
		sc.at[c.art] = int32(k) + 1
	}
}
