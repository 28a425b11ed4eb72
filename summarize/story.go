package summarize

import (
	"cmp"
	"math"
	"time"

	"github.com/briefbot/briefbot/corpus"
)

// Story clustering parameters. Two articles belong to one story when their
// word vectors are this similar and they were published within the window
// of each other (an undated article is compared with all).
const (
	storySimilarity = 0.25
	storyWindow     = 366 * 24 * time.Hour
	titleWeight     = 3 // a headline word counts as much as three body words
	personWeight    = 2 // a named person counts as two words
)

// Stories groups articles about the same events and returns, for each
// article (by index), the ID of its story: "s-" and the ID of the story's
// earliest article. ans[i] must be the analysis of arts[i]. Linking is
// single-link over the cosine of TF-IDF vectors built from each headline,
// summary and the people named, so a running story chains across months.
func Stories(arts []corpus.Article, ans []*Analysis) []string {
	n := len(arts)
	bags := make([]map[string]float64, n)
	df := map[string]int{}
	for i := range arts {
		bag := map[string]float64{}
		for _, w := range contentWords(arts[i].Title) {
			bag[w] += titleWeight
		}
		for _, s := range ans[i].SummaryText() {
			for _, w := range contentWords(s) {
				bag[w]++
			}
		}
		for _, p := range ans[i].People {
			if len(p.Sentences) > 0 {
				bag["person:"+p.Name] += personWeight
			}
		}
		for w := range bag {
			df[w]++
		}
		bags[i] = bag
	}
	for _, bag := range bags {
		for w, tf := range bag {
			bag[w] = tf * (math.Log((1+float64(n))/(1+float64(df[w]))) + 1)
		}
	}
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		if parent[i] != i {
			parent[i] = find(parent[i])
		}
		return parent[i]
	}
	for i := range n {
		for j := range i {
			if !withinWindow(arts[i].Published, arts[j].Published) || cosine(bags[i], bags[j]) < storySimilarity {
				continue
			}
			parent[find(i)] = find(j)
		}
	}
	first := map[int]int{} // root → index of the story's earliest article
	for i := range n {
		r := find(i)
		if f, ok := first[r]; !ok || earlier(arts[i], arts[f]) {
			first[r] = i
		}
	}
	out := make([]string, n)
	for i := range n {
		out[i] = "s-" + arts[first[find(i)]].ID
	}
	return out
}

func withinWindow(a, b time.Time) bool {
	if a.IsZero() || b.IsZero() {
		return true
	}
	d := a.Sub(b)
	return d <= storyWindow && d >= -storyWindow
}

func earlier(a, b corpus.Article) bool {
	if c := a.Published.Compare(b.Published); c != 0 {
		return c < 0
	}
	return cmp.Less(a.ID, b.ID)
}
