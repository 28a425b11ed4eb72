package bot

import (
	"cmp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/internal/corpusgen"
	"github.com/briefbot/briefbot/summarize"
)

// generatedIndex indexes a generated corpus of n articles.
func generatedIndex(t *testing.T, n int) *Index {
	t.Helper()
	arts := corpusgen.New(corpusgen.Config{N: n, Seed: 11}).Articles()
	ans := make([]*summarize.Analysis, len(arts))
	for i, a := range arts {
		ans[i] = summarize.Analyze(a)
	}
	ix, err := NewIndex(arts, ans, nil)
	if err != nil {
		t.Fatal(err)
	}
	return ix
}

// topicRankingMaps is topicRanking as it was before the listings: maps of
// title counts and scores, compared through them. It is the reference.
func (ix *Index) topicRankingMaps(topic string, limit int) ([]int, bool) {
	q := queryTerms(topic, false)
	inTitle := map[int]int{}
	for _, t := range q {
		for _, a := range ix.titles[t] {
			inTitle[int(a)]++
		}
	}
	score, counted := map[int]float64{}, map[int]int{}
	for _, h := range ix.sents.rank(q) {
		if a := int(ix.sents.docs.at(int32(h.doc)).art); counted[a] < 3 {
			score[a] += h.score
			counted[a]++
		}
	}
	var arts []int
	for a := range inTitle {
		arts = append(arts, a)
	}
	for a := range score {
		if inTitle[a] == 0 {
			arts = append(arts, a)
		}
	}
	slices.SortFunc(arts, func(a, b int) int {
		return cmp.Or(inTitle[b]-inTitle[a], cmp.Compare(score[b], score[a]), ix.newerFirst(a, b), a-b)
	})
	if limit > 0 && len(arts) > limit {
		return arts[:limit], true
	}
	return arts, false
}

// topSentencesRanked is topSentences as it was: every hit ranked, then
// the first n distinct sentences. It is the reference.
func (ix *Index) topSentencesRanked(q []string, n int) []sentDoc {
	var out []sentDoc
	seen := map[string]bool{}
	for _, h := range ix.sents.rank(q) {
		d := ix.sents.docs.at(int32(h.doc))
		text := normName(ix.an(int(d.art)).Sentences[d.sent].Text)
		if seen[text] {
			continue
		}
		seen[text] = true
		if out = append(out, d); len(out) == n {
			break
		}
	}
	return out
}

// TestListingLookups checks the index's listing lookups against the
// map-based ones they replace, on a generated corpus: topic rankings,
// best sentences, best term matches and deadlines by status at days
// across its span.
func TestListingLookups(t *testing.T) {
	ix := generatedIndex(t, 250)
	var topics []string
	for a := 0; a < ix.Len(); a += 7 {
		ws := strings.Fields(ix.arts[a].Title)
		topics = append(topics, ws[a%len(ws)], ws[a%len(ws)]+" "+ws[(a+2)%len(ws)], strings.Join(ws, " "))
	}
	topics = append(topics, "", "the of", "penguins")
	for _, topic := range topics {
		for _, limit := range []int{0, 1, 5} {
			got, gotMore := ix.topicRanking(topic, limit)
			want, wantMore := ix.topicRankingMaps(topic, limit)
			if !slices.Equal(got, want) || gotMore != wantMore {
				t.Errorf("topicRanking(%q, %d) = %v %v, want %v %v", topic, limit, got, gotMore, want, wantMore)
			}
		}
		q := queryTerms(topic, false)
		for _, n := range []int{1, 3, 5} {
			if got, want := ix.topSentences(q, n), ix.topSentencesRanked(q, n); !slices.Equal(got, want) {
				t.Errorf("topSentences(%q, %d) = %v, want %v", topic, n, got, want)
			}
		}
		got, gotN := ix.titles.bestSorted(q)
		want, wantN := ix.titles.best(q)
		if !slices.Equal(got, want) || gotN != wantN {
			t.Errorf("titles: bestSorted(%q) = %v %d, want %v %d", topic, got, gotN, want, wantN)
		}
		for _, pt := range []*packedTerms{&ix.quoteTerms, &ix.eventTerms, &ix.deadlineTerms} {
			got, gotN := pt.bestSorted(q)
			want, wantN := pt.best(q)
			if !slices.Equal(got.appendTo(nil), want) || gotN != wantN {
				t.Errorf("bestSorted(%q) = %v %d, want %v %d", topic, got.appendTo(nil), gotN, want, wantN)
			}
		}
	}
	all := make([]int, len(ix.deadlines))
	for i := range all {
		all[i] = i
	}
	for d := time.Date(2020, 1, 1, 15, 0, 0, 0, time.UTC); d.Year() < 2026; d = d.AddDate(0, 0, 37) {
		o, p, u := ix.byStatusAt(d)
		wo, wp, wu := ix.byStatus(all, d)
		if !slices.Equal(o, wo) || !slices.Equal(p, wp) || !slices.Equal(u, wu) {
			t.Errorf("byStatusAt(%s) = %d open, %d passed, %d undated; differs from byStatus (%d, %d, %d)", day(d), len(o), len(p), len(u), len(wo), len(wp), len(wu))
		}
	}
	if len(ix.deadlines) < 20 || len(ix.lists.undated) == len(ix.deadlines) {
		t.Fatalf("%d deadlines, %d undated: the corpus does not exercise the split", len(ix.deadlines), len(ix.lists.undated))
	}
}
