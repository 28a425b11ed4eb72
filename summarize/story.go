package summarize

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/briefbot/briefbot/corpus"
)

// Story clustering parameters. Two articles are linked when they are
// copies of one wire story (see minhash.go), or when their document
// vectors are at least storySimilarity alike and they were published
// within storyBurst of each other, or within storyWindow and they name a
// person or organisation in common: over months the same kind of event
// recurs (another storm, another strike) with other actors, while a
// running story keeps its actors (named entities are what tells events
// apart in topic detection and tracking: Kumaran & Allan 2004). Stories are
// the connected groups (single link), so a running story chains across
// months through its episodes while each link stays short.
const (
	storySimilarity = 0.25
	storyBurst      = 7 * 24 * time.Hour   // the days around one event
	storyWindow     = 366 * 24 * time.Hour // a running story (a trial, a product saga) lasts months
	titleWeight     = 3                    // a headline word counts as much as three body words
	personWeight    = 2                    // a named person or organisation counts as two words
	storyLead       = 3                    // sentences of an article's lead in its vector
	storyKeys       = 12                   // an article's heaviest terms, through which it meets candidates
)

// Stories groups articles about the same events, across days and outlets,
// and returns the stories, the one with the latest dated article first,
// stories without a dated article last.
// ans[i] must be the analysis of arts[i]; Story.Articles holds indices into
// arts. Every article is in exactly one story. Stories is deterministic:
// the same articles give the same stories and IDs, in any order.
//
// An article's document vector is TF-IDF over its headline (weighted
// titleWeight), its lead and summary sentences, and the people and
// organisations it names (personWeight each, as one term per name).
func Stories(arts []corpus.Article, ans []*Analysis) []Story {
	n := len(arts)
	order := make([]int, n) // earliest first: the union-find root is a story's first article
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return compareArticles(arts[a], arts[b]) })
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
	union := func(a, b int) {
		ra, rb := find(a), find(b)
		if ra == rb {
			return
		}
		if compareArticles(arts[ra], arts[rb]) > 0 {
			ra, rb = rb, ra
		}
		parent[rb] = ra
	}
	sigs := make([]signature, n)
	for i := range arts {
		sigs[i] = minHash(arts[i].Body)
	}
	for _, p := range nearDuplicates(sigs) {
		union(p[0], p[1])
	}
	docs := storyDocs(arts, ans)
	// Compare an article only with the earlier ones that share one of its
	// or their heaviest terms: two articles alike enough to link share
	// their defining words, and this keeps clustering from comparing every
	// pair of a large corpus.
	postings := map[string][]int{}
	seen := make([]int, n) // the article a candidate was last collected for, +1
	for _, i := range order {
		keys := topTerms(docs[i].vec, storyKeys)
		for _, k := range keys {
			for _, j := range postings[k] {
				if seen[j] == i+1 {
					continue
				}
				seen[j] = i + 1
				if linked(arts[i], arts[j], docs[i], docs[j]) {
					union(i, j)
				}
			}
		}
		for _, k := range keys {
			postings[k] = append(postings[k], i)
		}
	}
	groups := map[int][]int{}
	for _, i := range order {
		r := find(i)
		groups[r] = append(groups[r], i)
	}
	out := make([]Story, 0, len(groups))
	for _, members := range groups {
		out = append(out, buildStory(arts, ans, members, sigs))
	}
	slices.SortFunc(out, func(a, b Story) int {
		return cmp.Or(cmp.Compare(btoi(a.Last.IsZero()), btoi(b.Last.IsZero())), b.Last.Compare(a.Last), strings.Compare(a.ID, b.ID))
	})
	return out
}

// StoryIDs returns, for each of n articles, the ID of the story that holds
// it ("" for an article no story holds).
func StoryIDs(stories []Story, n int) []string {
	out := make([]string, n)
	for _, s := range stories {
		for _, a := range s.Articles {
			if a >= 0 && a < n {
				out[a] = s.ID
			}
		}
	}
	return out
}

// storyDoc is what story clustering compares of an article.
type storyDoc struct {
	vec   bag
	names map[string]bool // people and organisations named, by normKey
}

// linked reports whether two articles belong to one story by their words,
// actors and dates. An undated article may join any story, but only
// through a shared name.
func linked(a, b corpus.Article, x, y storyDoc) bool {
	dated := !a.Published.IsZero() && !b.Published.IsZero()
	gap := a.Published.Sub(b.Published).Abs()
	if dated && gap > storyWindow || cosine(x.vec, y.vec) < storySimilarity {
		return false
	}
	if dated && gap <= storyBurst {
		return true
	}
	for n := range x.names {
		if y.names[n] {
			return true
		}
	}
	return false
}

// storyDocs returns each article's document vector and names.
func storyDocs(arts []corpus.Article, ans []*Analysis) []storyDoc {
	docs := make([]storyDoc, len(arts))
	bags := make([]bag, len(arts))
	df := map[string]int{}
	for i := range arts {
		b := bag{}
		for _, w := range contentWords(arts[i].Title) {
			b[w] += titleWeight
		}
		an := ans[i]
		idx := slices.Clone(an.Summary)
		for s := range min(storyLead, len(an.Sentences)) {
			idx = append(idx, s)
		}
		slices.Sort(idx)
		for _, s := range slices.Compact(idx) {
			if s >= 0 && s < len(an.Sentences) {
				for _, w := range contentWords(an.Sentences[s].Text) {
					b[w]++
				}
			}
		}
		names := map[string]bool{}
		for _, p := range an.People {
			if k := normKey(p.Name); k != "" {
				b["person:"+k] += personWeight
				names[k] = true
			}
		}
		for w := range b {
			df[w]++
		}
		bags[i] = b
		docs[i] = storyDoc{vec: b, names: names}
	}
	weigh(bags, df, len(arts))
	return docs
}

// compareArticles orders articles by publication date, undated ones last,
// then by ID.
func compareArticles(a, b corpus.Article) int {
	switch {
	case a.Published.IsZero() != b.Published.IsZero():
		if a.Published.IsZero() {
			return 1
		}
		return -1
	case !a.Published.Equal(b.Published):
		return a.Published.Compare(b.Published)
	}
	return cmp.Compare(a.ID, b.ID)
}

// topTerms returns up to k of v's terms with the largest weights, heaviest
// first, ties broken by the term so the result is deterministic.
func topTerms(v bag, k int) []string {
	terms := make([]string, 0, len(v))
	for t := range v {
		terms = append(terms, t)
	}
	slices.SortFunc(terms, func(a, b string) int {
		return cmp.Or(cmp.Compare(v[b], v[a]), strings.Compare(a, b))
	})
	return terms[:min(k, len(terms))]
}
