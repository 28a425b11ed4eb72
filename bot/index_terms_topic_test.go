package bot

import (
	"slices"
	"strings"
	"testing"
)

// topicStoriesRerank is topicStories as it was: topicRanking asked again,
// scoring every article again, for 8 times as many articles when the
// best ones held fewer than n stories. It is the reference.
func (ix *Index) topicStoriesRerank(topic string, n, first int) []int {
	for limit := first; ; limit *= 8 {
		ranked, more := ix.topicRanking(topic, limit)
		var out []int
		for _, a := range ranked {
			if s := ix.storyOf[a]; !slices.Contains(out, s) {
				if out = append(out, s); len(out) == n {
					return out
				}
			}
		}
		if !more {
			return out
		}
	}
}

// TestTopicStoriesOnce checks that topicStories, scoring once and keeping
// each story's best article, finds the stories the reranking did, the
// reranking made to need several rounds by small first ones.
func TestTopicStoriesOnce(t *testing.T) {
	ix := generatedIndex(t, 250)
	var topics []string
	for a := 0; a < ix.Len(); a += 11 {
		ws := strings.Fields(ix.arts[a].Title)
		topics = append(topics, ws[a%len(ws)], ws[a%len(ws)]+" "+ws[(a+3)%len(ws)])
	}
	topics = append(topics, "", "the of", "penguins", "said")
	rounds := 0
	for _, topic := range topics {
		for _, n := range []int{0, 1, 3, 5, 40} {
			for _, first := range []int{1, 2, 7, 64 * n} {
				got, want := ix.topicStories(topic, n), ix.topicStoriesRerank(topic, n, first)
				if !slices.Equal(got, want) {
					t.Errorf("topicStories(%q, %d) = %v, want %v (first round %d)", topic, n, got, want, first)
				}
				if ranked, _ := ix.topicRanking(topic, 0); len(ranked) > first && len(ix.topicStoriesRerank(topic, n, len(ranked))) > len(storiesOf(ix, ranked[:first])) {
					rounds++ // the first round's articles hold fewer stories than were found
				}
			}
		}
		if got, want := ix.topicStories(topic, 5), ix.topicStoriesRerank(topic, 5, 320); !slices.Equal(got, want) {
			t.Errorf("topicStories(%q, 5) = %v, want %v", topic, got, want)
		}
	}
	t.Logf("%d queries took the reference more than one round", rounds)
	if rounds == 0 {
		t.Errorf("no query needed a second round: the test does not exercise it")
	}
}

// storiesOf returns the distinct stories of articles.
func storiesOf(ix *Index, arts []int) []int {
	var out []int
	for _, a := range arts {
		if !slices.Contains(out, ix.storyOf[a]) {
			out = append(out, ix.storyOf[a])
		}
	}
	return out
}

// TestScoresRunsMatchRank checks that scoring the terms kept as runs of
// equal impact gives every sentence the score rank gives it, bit for
// bit, alone and in pairs with other terms.
func TestScoresRunsMatchRank(t *testing.T) {
	ix := generatedIndex(t, 250)
	var withRuns []string
	for term := range ix.sents.runs {
		withRuns = append(withRuns, term)
	}
	slices.Sort(withRuns)
	if len(withRuns) < 10 {
		t.Fatalf("%d terms kept as runs: the corpus does not test them", len(withRuns))
	}
	var others []string
	for term := range ix.sents.post {
		if ix.sents.runs[term] == nil {
			others = append(others, term)
		}
	}
	slices.Sort(others)
	for k, term := range withRuns {
		for _, q := range [][]string{{term}, {term, withRuns[(k+1)%len(withRuns)]}, {others[k%len(others)], term}} {
			want := map[int]float64{}
			for _, h := range ix.sents.rank(q) {
				want[h.doc] = h.score
			}
			got := map[int]float64{}
			ix.sents.scores(q, func(doc int, score float64) { got[doc] = score })
			if len(got) != len(want) {
				t.Fatalf("scores(%q): %d sentences, rank %d", q, len(got), len(want))
			}
			for d, sc := range want {
				if got[d] != sc {
					t.Fatalf("scores(%q): sentence %d scores %v, rank %v", q, d, got[d], sc)
				}
			}
		}
	}
}
