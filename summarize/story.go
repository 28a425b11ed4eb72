package summarize

import (
	"cmp"
	"math"
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
	storyCandidates = 64                   // per term, the latest articles an article is compared with
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
	out, _ := StoriesCached(arts, ans, nil)
	return out
}

// stories clusters the articles given their MinHash signatures.
func stories(arts []corpus.Article, ans []*Analysis, sigs []signature) []Story {
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
	for _, p := range nearDuplicates(sigs) {
		union(p[0], p[1])
	}
	docs := storyDocs(arts, ans)
	// Compare an article only with the earlier ones that share one of its
	// or their heaviest terms, published within storyWindow, and per term
	// only with the storyCandidates latest of them: two articles alike
	// enough to link share their defining words, and a term so common that
	// more articles share it says little about which story an article is
	// in (its story's rarer terms, a name or a place, find it). This keeps
	// the work per article bounded however large the corpus grows.
	postings := map[int32][]int{}
	from := map[int32]int{} // where the part of a posting within storyWindow starts
	seen := make([]int, n)  // the article a candidate was last collected for, +1
	for _, i := range order {
		day := arts[i].Published
		for _, k := range docs[i].top {
			ps := postings[k]
			if !day.IsZero() { // undated articles come last in order and compare with all
				lo := from[k]
				for lo < len(ps) && day.Sub(arts[ps[lo]].Published) > storyWindow {
					lo++
				}
				from[k] = lo
				ps = ps[lo:]
			}
			for _, j := range ps[max(0, len(ps)-storyCandidates):] {
				if seen[j] == i+1 {
					continue
				}
				seen[j] = i + 1
				if linked(arts[i], arts[j], &docs[i], &docs[j]) {
					union(i, j)
				}
			}
		}
		for _, k := range docs[i].top {
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
		out = append(out, buildStory(arts, ans, members, func(a int) signature { return sigs[a] }))
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

// storyDoc is what story clustering compares of an article: its TF-IDF
// vector, sparse (term IDs ascending, with their weights), its norm, its
// storyKeys heaviest terms and the people and organisations it names.
type storyDoc struct {
	terms   []int32
	weights []float64
	norm    float64
	top     []int32
	names   map[string]bool // by normKey
}

// cosine returns the cosine similarity of two documents of one storyDocs
// call, 0 when either is empty.
func (x *storyDoc) cosine(y *storyDoc) float64 {
	if x.norm == 0 || y.norm == 0 {
		return 0
	}
	dot := 0.0
	for i, j := 0, 0; i < len(x.terms) && j < len(y.terms); {
		switch {
		case x.terms[i] < y.terms[j]:
			i++
		case x.terms[i] > y.terms[j]:
			j++
		default:
			dot += x.weights[i] * y.weights[j]
			i++
			j++
		}
	}
	return dot / (x.norm * y.norm)
}

// linked reports whether two articles belong to one story by their words,
// actors and dates. An undated article may join any story, but only
// through a shared name.
func linked(a, b corpus.Article, x, y *storyDoc) bool {
	dated := !a.Published.IsZero() && !b.Published.IsZero()
	gap := a.Published.Sub(b.Published).Abs()
	if dated && gap > storyWindow || x.cosine(y) < storySimilarity {
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

// storyDocs returns each article's document vector, heaviest terms and
// names. Weights are TF-IDF as weigh computes them.
func storyDocs(arts []corpus.Article, ans []*Analysis) []storyDoc {
	docs := make([]storyDoc, len(arts))
	counts := make([]map[int32]float64, len(arts))
	ids := map[string]int32{}
	var vocab []string
	var df []int
	id := func(w string) int32 {
		t, ok := ids[w]
		if !ok {
			t = int32(len(vocab))
			ids[w] = t
			vocab = append(vocab, w)
			df = append(df, 0)
		}
		return t
	}
	for i := range arts {
		b := map[int32]float64{}
		for _, w := range contentWords(arts[i].Title) {
			b[id(w)] += titleWeight
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
					b[id(w)]++
				}
			}
		}
		names := map[string]bool{}
		for _, p := range an.People {
			if k := normKey(p.Name); k != "" {
				b[id("person:"+k)] += personWeight
				names[k] = true
			}
		}
		for t := range b {
			df[t]++
		}
		counts[i] = b
		docs[i].names = names
	}
	n := float64(len(arts))
	for i, b := range counts {
		d := &docs[i]
		d.terms = make([]int32, 0, len(b))
		for t := range b {
			d.terms = append(d.terms, t)
		}
		slices.Sort(d.terms)
		d.weights = make([]float64, len(d.terms))
		for k, t := range d.terms {
			w := b[t] * (math.Log((1+n)/(1+float64(df[t]))) + 1)
			d.weights[k] = w
			d.norm += w * w
		}
		d.norm = math.Sqrt(d.norm)
		d.top = topTerms(d, vocab, storyKeys)
	}
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

// topTerms returns up to k of d's terms with the largest weights,
// heaviest first, ties broken by the term so the result is deterministic.
func topTerms(d *storyDoc, vocab []string, k int) []int32 {
	order := make([]int, len(d.terms))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		return cmp.Or(cmp.Compare(d.weights[b], d.weights[a]), strings.Compare(vocab[d.terms[a]], vocab[d.terms[b]]))
	})
	out := make([]int32, 0, min(k, len(order)))
	for _, i := range order[:min(k, len(order))] {
		out = append(out, d.terms[i])
	}
	return out
}
