package summarize

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
)

// Weights of the summary score. News puts its key facts first, so position
// carries almost as much weight as centrality (nlp.md §1: plain TextRank
// loses ~7 ROUGE-1 points to lead-3 on news; position-aware centrality ties
// it).
const (
	weightCentrality = 0.5
	weightPosition   = 0.4
	weightSalience   = 0.1
	mmrLambda        = 0.7 // relevance against redundancy in MMR selection
	maxOverlap       = 0.5 // a candidate this similar to a chosen sentence is dropped
	minSummaryWords  = 6   // shorter sentences are headings, captions or fragments
	// maxCandidates bounds the sentences ranked, so the pairwise similarity
	// graph stays small on a book-length text. News puts its summary in its
	// first paragraphs; the position prior all but rules out later ones.
	maxCandidates = 80
)

// rank returns the indices of up to k sentences that best summarise the
// article, in article order. It scores each candidate by LexRank centrality
// over stemmed TF-IDF vectors, a lead-position prior and salience (numbers,
// quotations, names), then picks with MMR so the summary does not repeat
// itself. Headings, bylines and fragments are never picked.
func rank(sents []Sentence, k int) []int {
	var cand []int
	for i, s := range sents {
		if len(cand) == maxCandidates {
			break
		}
		if summarizable(s.Text) {
			cand = append(cand, i)
		}
	}
	if len(cand) == 0 || k <= 0 {
		return nil
	}
	vecs := tfidf(sents, cand)
	n := len(cand)
	sim := make([][]float64, n)
	for i := range sim {
		sim[i] = make([]float64, n)
		for j := range i {
			sim[i][j] = cosine(vecs[i], vecs[j])
			sim[j][i] = sim[i][j]
		}
	}
	cent := lexRank(sim)
	score := make([]float64, n)
	for ci, i := range cand {
		pos := 1 / math.Sqrt(float64(1+ci))
		score[ci] = weightCentrality*cent[ci] + weightPosition*pos + weightSalience*salience(sents[i].Text)
		if strings.HasSuffix(strings.TrimRight(sents[i].Text, `"”’'`), "?") {
			score[ci] *= 0.5 // a rhetorical question rarely states the news
		}
	}
	chosen := mmr(score, sim, k)
	out := make([]int, 0, len(chosen))
	for _, ci := range chosen {
		out = append(out, cand[ci])
	}
	slices.Sort(out)
	return out
}

// mmr picks up to k candidates greedily by maximal marginal relevance.
func mmr(score []float64, sim [][]float64, k int) []int {
	var chosen []int
	taken := make([]bool, len(score))
	for len(chosen) < k {
		best, bestVal := -1, math.Inf(-1)
		for i := range score {
			if taken[i] {
				continue
			}
			red := 0.0
			for _, j := range chosen {
				red = max(red, sim[i][j])
			}
			if red > maxOverlap {
				continue
			}
			if v := mmrLambda*score[i] - (1-mmrLambda)*red; v > bestVal {
				best, bestVal = i, v
			}
		}
		if best < 0 {
			break
		}
		taken[best] = true
		chosen = append(chosen, best)
	}
	return chosen
}

// lexRank returns the eigenvector centrality of the thresholded similarity
// graph (Erkan & Radev 2004), scaled so the most central sentence scores 1.
func lexRank(sim [][]float64) []float64 {
	const threshold, damping, steps = 0.1, 0.85, 50
	n := len(sim)
	adj := make([][]int, n) // the graph's edges: similarity at or over the threshold
	for i := range sim {
		for j := range sim[i] {
			if i != j && sim[i][j] >= threshold {
				adj[i] = append(adj[i], j)
			}
		}
	}
	p := make([]float64, n)
	for i := range p {
		p[i] = 1 / float64(n)
	}
	next := make([]float64, n)
	for range steps {
		for i := range next {
			v := 0.0
			for _, j := range adj[i] { // the graph is undirected: j links to i too
				v += p[j] / float64(len(adj[j]))
			}
			next[i] = (1-damping)/float64(n) + damping*v
		}
		p, next = next, p
	}
	top := slices.Max(p)
	if top > 0 {
		for i := range p {
			p[i] /= top
		}
	}
	return p
}

// tfidf returns a stemmed TF-IDF vector for each candidate sentence, the
// sentences of the article being the documents.
func tfidf(sents []Sentence, cand []int) []map[string]float64 {
	bags := make([]map[string]float64, len(cand))
	df := map[string]int{}
	for ci, i := range cand {
		bag := map[string]float64{}
		for _, w := range contentWords(sents[i].Text) {
			if bag[w] == 0 {
				df[w]++
			}
			bag[w]++
		}
		bags[ci] = bag
	}
	n := float64(len(cand))
	for _, bag := range bags {
		for w, tf := range bag {
			bag[w] = tf * (math.Log((1+n)/(1+float64(df[w]))) + 1)
		}
	}
	return bags
}

func cosine(a, b map[string]float64) float64 {
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

// contentWords returns the stemmed, lowercased words of s without stop
// words.
func contentWords(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		if len(w) < 2 || english.IsStopWord(w) {
			continue
		}
		out = append(out, english.Stem(w, false))
	}
	return out
}

// salience scores in [0,1] the signals of a fact-bearing sentence: a
// number or date, a quotation, and named entities.
func salience(s string) float64 {
	v := 0.0
	if strings.IndexFunc(s, unicode.IsDigit) >= 0 {
		v += 0.4
	}
	if strings.ContainsAny(s, `"“”«»`) {
		v += 0.3
	}
	caps := 0
	for i, w := range strings.Fields(s) {
		if r, _ := utf8.DecodeRuneInString(w); i > 0 && unicode.IsUpper(r) {
			caps++
		}
	}
	if caps >= 2 {
		v += 0.3
	}
	return v
}

// summarizable reports whether s may stand in a summary: a full sentence of
// some length, not a heading, byline, credit or link line.
func summarizable(s string) bool {
	if len(strings.Fields(s)) < minSummaryWords {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(s, `"”’')]`))
	if !strings.ContainsRune(".!?", last) {
		return false // a heading or a cut line
	}
	low := strings.ToLower(s)
	for _, p := range []string{"by ", "photo", "read more", "click here", "subscribe", "copyright", "©", "http://", "https://"} {
		if strings.HasPrefix(low, p) {
			return false
		}
	}
	return true
}
