package summarize

import (
	"cmp"
	"math"
	"slices"
)

// storySummaryLen is how many sentences a story's summary has at most;
// storyPool bounds the articles it draws from to the latest ones, so a
// story of hundreds of articles costs no more than one of dozens.
const (
	storySummaryLen = 3
	storyPool       = 30
)

// Weights of a pooled sentence in a story's summary: how central it is
// among the story's summary sentences (continuous LexRank), how recent its
// article is (the latest state of a running story matters most), and how
// high its own article ranked it (the lead first).
const (
	storyWeightCentrality = 0.4
	storyWeightRecency    = 0.3
	storyWeightLead       = 0.3
)

// storySummary draws up to storySummaryLen sentences across the story's
// articles (own: no copies, earliest first; the latest storyPool of them)
// from their own summaries: the lead of the latest article first (when it
// has a summary), the news as it stands, then the leads of the other
// articles, then any of their summary sentences, each step by MMR over the
// pool, so an event several articles report is told once. The result is in
// story order: by article, then sentence. A one-article story keeps its
// article's summary.
func storySummary(ans []*Analysis, own []int) []StorySentence {
	type pooled struct {
		StorySentence
		rank    int // its place in its article's summary
		article int // its article's place in own
	}
	own = own[max(0, len(own)-storyPool):]
	var pool []pooled
	for x, a := range own {
		for k, s := range ans[a].Summary {
			if s >= 0 && s < len(ans[a].Sentences) {
				pool = append(pool, pooled{StorySentence{a, s, ans[a].Sentences[s].Text}, k, x})
			}
		}
	}
	if len(own) == 1 || len(pool) == 0 {
		out := make([]StorySentence, len(pool))
		for i, p := range pool {
			out[i] = p.StorySentence
		}
		return out
	}
	texts := make([]string, len(pool))
	for i, p := range pool {
		texts[i] = p.Text
	}
	sim := similarities(tfidf(texts))
	cent := lexRank(sim)
	score := make([]float64, len(pool))
	for i, p := range pool {
		recency := float64(p.article+1) / float64(len(own))
		score[i] = storyWeightCentrality*cent[i] + storyWeightRecency*recency + storyWeightLead/float64(1+p.rank)
	}
	var chosen []int
	if latest := slices.IndexFunc(pool, func(p pooled) bool { return p.article == len(own)-1 }); latest >= 0 {
		chosen = append(chosen, latest)
	}
	// First the leads of the other episodes, then any sentence.
	for _, leadsOnly := range []bool{true, false} {
		chosen = mmrPool(len(pool), chosen, score, sim, func(i int) bool { return !leadsOnly || pool[i].rank == 0 })
	}
	slices.SortFunc(chosen, func(i, j int) int {
		return cmp.Or(cmp.Compare(pool[i].article, pool[j].article), cmp.Compare(pool[i].Sentence, pool[j].Sentence))
	})
	out := make([]StorySentence, len(chosen))
	for k, i := range chosen {
		out[k] = pool[i].StorySentence
	}
	return out
}

// mmrPool adds to chosen, up to storySummaryLen, the pool sentences (0 to
// n-1) that ok admits, greedily by maximal marginal relevance.
func mmrPool(n int, chosen []int, score []float64, sim [][]float64, ok func(int) bool) []int {
	for len(chosen) < storySummaryLen {
		best, bestVal := -1, math.Inf(-1)
		for i := range n {
			if slices.Contains(chosen, i) || !ok(i) {
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
		chosen = append(chosen, best)
	}
	return chosen
}
