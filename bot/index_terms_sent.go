package bot

import (
	"math"
	"slices"
)

// sentDoc is one sentence of the corpus as a BM25 document.
type sentDoc struct {
	art, sent int32 // article index, sentence index in its analysis
	length    int32 // number of terms
}

// posting is a sentence holding a term and how often (tf): the sentence
// number shifted left by tfBits, with the tf in the low bits when below
// tfEscape. A higher tf reads tfEscape there and is kept in
// sentIndex.bigTF. An index thus holds at most maxSents sentences.
type posting uint32

const (
	tfBits   = 4
	tfEscape = 1<<tfBits - 1
	maxSents = 1 << (32 - tfBits)
)

func makePosting(doc, tf int32) posting {
	return posting(doc)<<tfBits | posting(min(tf, tfEscape))
}

// doc returns the posting's sentence.
func (p posting) doc() int32 { return int32(p >> tfBits) }

// tf returns the posting's tf, looking it up in big (its term's part of
// sentIndex.bigTF) when the posting cannot hold it.
func (p posting) tf(big map[int32]int32) int32 {
	if tf := int32(p & tfEscape); tf < tfEscape {
		return tf
	}
	return big[p.doc()]
}

// rankDepth bounds the postings of one term a query reads: a term's
// postings are kept in impact order (its BM25 score in each sentence,
// highest first), and rank reads only the rankDepth best of each. A query
// of one word thus gets exactly its best sentences however common the word;
// a sentence scoring low on every word of a longer query but high on their
// sum can be missed, a trade every impact-ordered search engine makes.
const rankDepth = 1000

// sentIndex is an inverted index of every sentence in the corpus, ranked
// with BM25. Sentences are added in order with add, then finish files
// them: until finish the postings are gathered in build, after it they
// are in post, every list cut from one array to its exact length. A query
// reads only a term's rankDepth best postings and how many it has, so
// finish keeps only those (post and df).
type sentIndex struct {
	docs   sentDocs
	post   map[string][]posting       // term → sentences, highest impact first, the rankDepth first (after finish)
	df     map[string]int32           // term → how many sentences hold it, for the terms post cuts at rankDepth
	bigTF  map[string]map[int32]int32 // term → sentence → its tf, when tfEscape or more
	avgLen float64
	build  *sentBuild // what add gathered for finish; nil once finished

	// runs holds, for a term whose best postings (the rankDepth first)
	// fall in few runs of equal impact, those runs: scoring them needs no
	// sentence's length. rankImpact gives a run's impact.
	runs       map[string][]impactRun
	rankImpact []float64

	// impact1 is the impact of a term once in a sentence, by the
	// sentence's length up to maxImpactLen: most postings' impact.
	impact1 []float64

	// repeats has bit doc%64 of word doc/64 set when sentence doc repeats
	// the words of an earlier one, its canonical sentence
	// (topics_sent_canon.go); nil when canonicalize was not called.
	repeats []uint64
}

// maxImpactLen bounds the sentence lengths sentIndex.impact1 holds.
const maxImpactLen = 4096

// impactRun is a run of a term's postings of one impact, in impact
// order: those before end (an index into the term's postings) and from
// the previous run's end, their impact sentIndex.rankImpact[rank].
type impactRun struct{ end, rank uint32 }

// maxRunShare is the fewest postings a run must average for a term's
// postings to be kept as runs (sentIndex.runs).
const maxRunShare = 8

// sentBuild is what sentIndex.add gathers: the terms numbered in order of
// first use, and one posting per term and sentence in sentence order.
type sentBuild struct {
	termNumbers
	log  []loggedPosting // in sentence order
	last []int           // term number → its latest posting in log, -1 for none
	sc   wordScanner
	// hashes holds each sentence's hash of its words (hashWords), for
	// canonicalize.
	hashes []uint64
}

// loggedPosting is a posting of the term numbered term.
type loggedPosting struct{ term, doc, tf int32 }

// add indexes sentence sent of article art, whose text is text. Sentences
// must be added before finish; those past the first maxSents are left out.
func (s *sentIndex) add(art, sent int, text string) {
	b := s.build
	if b == nil {
		b = &sentBuild{}
		s.build = b
	}
	doc := int32(s.docs.len())
	if doc >= maxSents {
		return // beyond what a posting can number
	}
	start, length := len(b.log), 0
	var buf [64]byte
	h := uint64(fnvOffset)
	b.sc.reset(text)
	for w, ok := b.sc.next(buf[:0]); ok; w, ok = b.sc.next(w) {
		h = hashWords(h, w)
		e := lookupWord(w)
		if e.stop {
			continue
		}
		length++
		t := b.number(e)
		if int(t) == len(b.last) {
			b.last = append(b.last, -1)
		}
		if k := b.last[t]; k >= start {
			b.log[k].tf++ // counted at its first occurrence
			continue
		}
		b.last[t] = len(b.log)
		b.log = append(b.log, loggedPosting{term: t, doc: doc, tf: 1})
	}
	s.docs.add(sentDoc{art: int32(art), sent: int32(sent), length: int32(length)})
	b.hashes = append(b.hashes, h)
}

// finish computes the average length and files every posting list in
// impact order; call it once after the last add.
func (s *sentIndex) finish() {
	total, maxLen := 0, int32(0)
	for doc := range int32(s.docs.len()) {
		l := s.docs.length(doc)
		total += int(l)
		maxLen = max(maxLen, l)
	}
	if s.docs.len() > 0 {
		s.avgLen = float64(total) / float64(s.docs.len())
	}
	s.docs.clip()
	s.impact1 = make([]float64, min(maxLen, maxImpactLen)+1)
	for l := range s.impact1 {
		s.impact1[l] = s.impactOf(1, int32(l))
	}
	b := s.build
	s.build = nil
	if b == nil {
		return
	}
	// Counting sort of the log by term: each term's postings in sentence
	// order, in one array.
	end := make([]int, len(b.names)+1) // term t's postings end at end[t+1]
	for _, p := range b.log {
		end[p.term+1]++
	}
	for t := range b.names {
		end[t+1] += end[t]
	}
	next := slices.Clone(end[:len(b.names)])
	all := make([]posting, len(b.log))
	for _, p := range b.log {
		all[next[p.term]] = makePosting(p.doc, p.tf)
		next[p.term]++
		if p.tf >= tfEscape {
			name := b.names[p.term]
			if s.bigTF[name] == nil {
				if s.bigTF == nil {
					s.bigTF = map[string]map[int32]int32{}
				}
				s.bigTF[name] = map[int32]int32{}
			}
			s.bigTF[name][p.doc] = p.tf
		}
	}
	b.log = nil
	if len(s.post) == 0 {
		s.post = make(map[string][]posting, len(b.names))
	}
	o := s.impactOrder(all)
	kept := 0 // the postings post keeps: each term's rankDepth first
	for t := range b.names {
		kept += min(end[t+1]-end[t], rankDepth)
	}
	top := make([]posting, kept)
	at := 0
	for t, name := range b.names {
		ps := all[end[t]:end[t+1]:end[t+1]]
		big := s.bigTF[name]
		o.sort(ps, big)
		if len(ps) > rankDepth {
			if s.df == nil {
				s.df = map[string]int32{}
			}
			s.df[name] = int32(len(ps))
		}
		n := copy(top[at:], ps[:min(len(ps), rankDepth)])
		ps, at = top[at:at+n:at+n], at+n
		s.post[name] = ps
		if runs := o.runs(ps, big); runs != nil {
			if s.runs == nil {
				s.runs = map[string][]impactRun{}
			}
			s.runs[name] = runs
		}
	}
	s.rankImpact = o.value
}

// idf returns the inverse document frequency of term t, whose postings
// (in post) are ps.
func (s *sentIndex) idf(t string, ps []posting) float64 {
	df := float64(len(ps))
	if n, ok := s.df[t]; ok {
		df = float64(n)
	}
	return math.Log(1 + (float64(s.docs.len())-df+0.5)/(df+0.5))
}

// exact returns xs in an array of exactly its length.
func exact[T any](xs []T) []T {
	if len(xs) == cap(xs) {
		return xs
	}
	out := make([]T, len(xs))
	copy(out, xs)
	return out
}

// impact is the length-normalised term frequency of a posting: its BM25
// score but for the term's IDF, which is the same for all of a term's
// postings. big is the term's part of bigTF.
func (s *sentIndex) impact(p posting, big map[int32]int32) float64 {
	l := s.docs.length(p.doc())
	tf := p.tf(big)
	if tf == 1 && int(l) < len(s.impact1) {
		return s.impact1[l]
	}
	return s.impactOf(tf, l)
}

// impactOf is the impact of a term tf times in a sentence of length terms.
func (s *sentIndex) impactOf(tf, length int32) float64 {
	f := float64(tf)
	norm := 1 - bm25B + bm25B*float64(length)/max(s.avgLen, 1)
	return f * (bm25K1 + 1) / (f + bm25K1*norm)
}

// hit is a scored sentence.
type hit struct {
	doc   int
	score float64
}

// rank scores the sentences holding a query term (the rankDepth best of
// each term), best first; ties keep corpus order so results are
// deterministic.
func (s *sentIndex) rank(q []string) []hit {
	score := map[int]float64{}
	for _, t := range q {
		ps := s.post[t]
		if len(ps) == 0 {
			continue
		}
		idf := s.idf(t, ps)
		big := s.bigTF[t]
		for _, p := range ps[:min(len(ps), rankDepth)] {
			score[int(p.doc())] += float64(idf * s.impact(p, big)) // rounded as scores rounds it
		}
	}
	hits := make([]hit, 0, len(score))
	for d, sc := range score {
		hits = append(hits, hit{doc: d, score: sc})
	}
	slices.SortFunc(hits, func(a, b hit) int {
		if a.score != b.score {
			if a.score > b.score {
				return -1
			}
			return 1
		}
		return a.doc - b.doc
	})
	return hits
}
