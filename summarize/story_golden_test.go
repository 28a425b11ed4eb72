package summarize

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/internal/corpusgen"
)

// storyGolden is the record of the stories of a generated corpus of
// storyGoldenN articles (see TestStoriesGolden): one line per story (its ID, its articles by ID,
// its copies, dates and a digest of every other field), then one line per
// near-duplicate pair. Clustering made cheaper must give it unchanged:
// go test ./summarize -run TestStoriesGolden -update rewrites it only when
// the stories are meant to change.
const (
	storyGolden  = "testdata/stories-golden.txt"
	storyGoldenN = 2000
)

// goldenCorpus generates the golden corpus and analyses it, once per test
// binary (it takes seconds).
var goldenCorpus = sync.OnceValues(func() ([]corpus.Article, []*Analysis) {
	arts := corpusgen.New(corpusgen.Config{N: storyGoldenN, Seed: 11}).Articles()
	ans := make([]*Analysis, len(arts))
	var wg sync.WaitGroup
	next := make(chan int)
	for range 2 {
		wg.Go(func() {
			for i := range next {
				ans[i] = Analyze(arts[i])
			}
		})
	}
	for i := range arts {
		next <- i
	}
	close(next)
	wg.Wait()
	return arts, ans
})

// storyRecord writes the record of stories and of the near-duplicate
// pairs among arts that storyGolden holds.
func storyRecord(t *testing.T, arts []corpus.Article, stories []Story) string {
	t.Helper()
	var b strings.Builder
	digest := func(v any) string {
		data, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		h := sha256.Sum256(data)
		return hex.EncodeToString(h[:6])
	}
	for _, s := range stories {
		ids := make([]string, len(s.Articles))
		for k, a := range s.Articles {
			ids[k] = arts[a].ID
		}
		var copies []string
		for _, a := range s.Articles {
			if c, ok := s.Copies[a]; ok {
				copies = append(copies, arts[a].ID+">"+arts[c].ID)
			}
		}
		fmt.Fprintf(&b, "%s first=%s last=%s title=%s summary=%s people=%s quotes=%s deadlines=%s events=%s articles=%s copies=%s\n",
			s.ID, s.First.Format("2006-01-02T15:04"), s.Last.Format("2006-01-02T15:04"), digest(s.Title),
			digest(s.Summary), digest(s.People), digest(s.Quotes), digest(s.Deadlines), digest(s.Events),
			strings.Join(ids, ","), strings.Join(copies, ","))
	}
	sigs := make([]signature, len(arts))
	for i, a := range arts {
		sigs[i] = minHash(a.Body)
	}
	var pairs []string
	for _, p := range nearDuplicates(sigs) {
		x, y := arts[p[0]].ID, arts[p[1]].ID
		pairs = append(pairs, "duplicate "+min(x, y)+" "+max(x, y))
	}
	slices.Sort(pairs)
	for _, p := range pairs {
		b.WriteString(p + "\n")
	}
	return b.String()
}

// TestStoriesGolden checks that the stories of the generated corpus and of
// the benchmark corpus (storyCorpus), and their near-duplicate pairs, are
// those recorded under testdata/, whether clustered from scratch or with
// the cache of the corpus short of its last articles (as the bot
// re-clusters after new articles arrive).
func TestStoriesGolden(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses thousands of articles")
	}
	tests := []struct {
		name, file string
		corpus     func() ([]corpus.Article, []*Analysis)
		copies     bool // the corpus holds near-duplicates
	}{
		{"generated", storyGolden, goldenCorpus, true},
		{"bench", "testdata/stories-bench-golden.txt", func() ([]corpus.Article, []*Analysis) { return storyCorpus(storyGoldenN) }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, ans := tt.corpus()
			got := storyRecord(t, arts, Stories(arts, ans))
			if *update {
				if err := os.WriteFile(tt.file, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(tt.file)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Fatalf("stories differ from %s:\n%s", tt.file, firstDiff(got, string(want)))
			}
			if tt.copies && !strings.Contains(got, "\nduplicate ") {
				t.Errorf("the corpus has no near-duplicate pair: the record does not guard MinHash")
			}
			known := len(arts) - 50
			before, prev := StoriesCached(arts[:known], ans[:known], nil)
			cached, next := StoriesCached(arts, ans, prev)
			if got := storyRecord(t, arts, cached); got != string(want) {
				t.Fatalf("stories with a cache differ from %s:\n%s", tt.file, firstDiff(got, string(want)))
			}
			checkCachedSignatures(t, next, arts)
			// A reprint among the new articles finds its original, which the
			// cache held by its band digests alone.
			rehashed := deriveArticles(arts, ans, prev).rehashed
			if tt.copies && rehashed == 0 {
				t.Errorf("no article the cache held by its band digests was hashed again: the record does not guard them")
			}
			t.Logf("%d articles held by their band digests hashed again", rehashed)
			// The stories the new articles left alone are taken from the cache.
			was := map[*int]bool{}
			for _, st := range before {
				was[&st.Articles[0]] = true
			}
			reused := 0
			for _, st := range cached {
				if was[&st.Articles[0]] {
					reused++
				}
			}
			if reused < len(cached)/2 {
				t.Errorf("%d of %d stories reused from the cache, want most", reused, len(cached))
			}
		})
	}
}

// firstDiff describes the first line where got and want differ.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range max(len(g), len(w)) {
		var x, y string
		if i < len(g) {
			x = g[i]
		}
		if i < len(w) {
			y = w[i]
		}
		if x != y {
			return fmt.Sprintf("line %d:\ngot  %s\nwant %s\n(%d lines, want %d)", i+1, x, y, len(g), len(w))
		}
	}
	return "no difference"
}
