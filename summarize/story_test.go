package summarize

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/corpus"
)

// storySet is testdata/stories: articles written for the test (see the
// README there), with the story each belongs to in clusters.json: one wire
// story printed by two outlets and followed up two weeks later, a court
// ruling and its consequence, a storm and its aftermath, and, as
// distractors, another storm ten months later, another strike and another
// court ruling.
const storySet = "testdata/stories"

func loadStorySet(t *testing.T) ([]corpus.Article, []*Analysis, map[string]string) {
	t.Helper()
	arts, errs := corpus.Load(t.Context(), storySet)
	for _, err := range errs {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(storySet, "clusters.json"))
	if err != nil {
		t.Fatal(err)
	}
	var gold map[string]string
	if err := json.Unmarshal(data, &gold); err != nil {
		t.Fatal(err)
	}
	ans := make([]*Analysis, len(arts))
	for i := range arts {
		ans[i] = Analyze(arts[i])
	}
	return arts, ans, gold
}

// TestStoriesClusters checks that every pair of articles is together
// exactly when the annotation puts them in one story, in whatever order the
// articles come.
func TestStoriesClusters(t *testing.T) {
	arts, ans, gold := loadStorySet(t)
	for _, reverse := range []bool{false, true} {
		a, n := slices.Clone(arts), slices.Clone(ans)
		if reverse {
			slices.Reverse(a)
			slices.Reverse(n)
		}
		ids := StoryIDs(Stories(a, n), len(a))
		for i := range a {
			for j := range i {
				same, want := ids[i] == ids[j], gold[a[i].Path] == gold[a[j].Path]
				if same != want {
					t.Errorf("reverse=%v: %s and %s in one story = %v, want %v", reverse, a[i].Path, a[j].Path, same, want)
				}
			}
		}
	}
}

// TestStoriesMerge checks a merged story: the reprint is a copy, the
// summary spans the episodes, and each statement and event is told once.
func TestStoriesMerge(t *testing.T) {
	arts, ans, _ := loadStorySet(t)
	at := func(path string) int {
		return slices.IndexFunc(arts, func(a corpus.Article) bool { return a.Path == path })
	}
	wire, reprint, ends := at("port-strike-harbor-wire.md"), at("port-strike-coastal-post.md"), at("port-strike-ends.md")
	var st Story
	for _, s := range Stories(arts, ans) {
		if slices.Contains(s.Articles, ends) {
			st = s
		}
	}
	if want := []int{wire, reprint, ends}; !sameSet(st.Articles, want) {
		t.Fatalf("port story articles = %v, want %v", st.Articles, want)
	}
	if c, ok := st.Copies[reprint]; !ok || c != wire {
		t.Errorf("Copies = %v, want %d → %d", st.Copies, reprint, wire)
	}
	if st.Title != arts[ends].Title || !st.Last.Equal(arts[ends].Published) || !st.First.Equal(arts[wire].Published) {
		t.Errorf("Title, First, Last = %q, %v, %v; want the latest headline and the first and last dates", st.Title, st.First, st.Last)
	}
	if len(st.Summary) == 0 || len(st.Summary) > storySummaryLen || st.Summary[len(st.Summary)-1].Article != ends {
		t.Errorf("Summary = %+v, want up to %d sentences ending with the latest article", st.Summary, storySummaryLen)
	}
	var from []int
	for k, s := range st.Summary {
		from = append(from, s.Article)
		if s.Article == reprint {
			t.Errorf("summary sentence %q is drawn from the reprint", s.Text)
		}
		if k > 0 && compareArticles(arts[from[k-1]], arts[s.Article]) > 0 {
			t.Errorf("summary articles = %v, want them in story order", from)
		}
	}
	if len(slices.Compact(slices.Clone(from))) < 2 {
		t.Errorf("summary articles = %v, want sentences from at least two articles", from)
	}
	mendes := 0
	for _, q := range st.Quotes {
		if strings.Contains(q.Text, "We are not against machines") {
			mendes++
		}
	}
	if mendes != 1 {
		t.Errorf("the reprinted quote appears %d times, want once", mendes)
	}
	if len(st.People) == 0 || !slices.ContainsFunc(st.People, func(p StoryPerson) bool { return p.Name == "Jorge Mendes" && p.Mentions >= 3 }) {
		t.Errorf("People = %+v, want Jorge Mendes with his mentions across articles", st.People)
	}
	if !slices.IsSortedFunc(st.Events, func(a, b StoryEvent) int { return a.When.Compare(b.When) }) || len(st.Events) == 0 {
		t.Errorf("Events = %+v, want a non-empty timeline, oldest first", st.Events)
	}
}

func sameSet(a, b []int) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

func TestLinked(t *testing.T) {
	day := func(s string) time.Time {
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	// Term IDs: storm, power, home; budget, tax; person:northgrid.
	doc := func(terms []int32, names []int32) storyDoc {
		d := storyDoc{terms: terms, names: names} // the names left out of the vector, so only the words make the cosine
		for range d.terms {
			d.weights = append(d.weights, 1)
		}
		d.norm = math.Sqrt(float64(len(d.terms)))
		return d
	}
	named := []int32{5}
	words, other := []int32{0, 1, 2}, []int32{3, 4}
	tests := []struct {
		name   string
		da, db string
		x, y   storyDoc
		want   bool
	}{
		{"same words within days", "2024-01-15", "2024-01-18", doc(words, nil), doc(words, nil), true},
		{"same words months apart, no shared name", "2024-01-15", "2024-11-04", doc(words, nil), doc(words, nil), false},
		{"same words months apart, shared name", "2024-01-15", "2024-11-04", doc(words, named), doc(words, named), true},
		{"beyond the window", "2023-01-15", "2024-11-04", doc(words, named), doc(words, named), false},
		{"other words", "2024-01-15", "2024-01-15", doc(words, named), doc(other, named), false},
		{"undated, no shared name", "", "2024-01-15", doc(words, nil), doc(words, nil), false},
		{"undated, shared name", "", "2024-01-15", doc(words, named), doc(words, named), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := corpus.Article{ID: "a"}, corpus.Article{ID: "b"}
			if tt.da != "" {
				a.Published = day(tt.da)
			}
			b.Published = day(tt.db)
			if got := linked(a, b, &tt.x, &tt.y); got != tt.want {
				t.Errorf("linked(%s, %s) = %v, want %v", tt.da, tt.db, got, tt.want)
			}
			var lk linker
			lk.init(6)
			lk.set(&tt.x)
			if got := lk.linked(a, b, &tt.y); got != tt.want {
				t.Errorf("linker.linked(%s, %s) = %v, want %v", tt.da, tt.db, got, tt.want)
			}
		})
	}
}

// TestLinkerCosine checks that the scattered cosine of the linker is the
// merged one to the bit, on the documents of a corpus.
func TestLinkerCosine(t *testing.T) {
	arts, ans := storyCorpus(400)
	v := &storyVocab{ids: map[string]int32{}}
	tm := newTermer(v, 0)
	terms := make([]docTerms, len(arts))
	for i := range arts {
		terms[i] = tm.derive(&arts[i], ans[i])
	}
	docs := storyDocs(terms, v.words)
	var lk linker
	lk.init(len(v.words))
	alike := 0
	for i := range docs {
		lk.set(&docs[i])
		for j := range docs {
			got, want := lk.cosine(&docs[j]), docs[i].cosine(&docs[j])
			if got != want {
				t.Fatalf("cosine(%d, %d) = %v scattered, %v merged", i, j, got, want)
			}
			if want >= storySimilarity {
				alike++
			}
		}
		lk.unset(&docs[i])
	}
	if alike <= len(docs) {
		t.Errorf("only %d alike pairs: the test compares little", alike)
	}
}
