package summarize

import (
	"reflect"
	"slices"
	"testing"

	"github.com/briefbot/briefbot/corpus"
)

// TestStoriesCached checks that clustering with the cache of an earlier
// corpus gives the stories Stories gives, whatever changed in between,
// and that a cached signature is used only for the body it was made from
// (and cached terms only for the article they were made from: the cache
// knows an article by its ID, headline, body and date, not by the address
// of its analysis).
func TestStoriesCached(t *testing.T) {
	arts, ans, _ := loadStorySet(t)
	if len(arts) < 4 {
		t.Fatalf("story set has %d articles", len(arts))
	}
	_, full := StoriesCached(arts, ans, nil)
	edited := slices.Clone(arts)
	edited[1].Body = "A different text altogether, long enough to shingle into several shingles."
	retitled := slices.Clone(arts)
	retitled[2].Title = "Another headline altogether"
	redated := slices.Clone(arts)
	redated[0].Published = redated[0].Published.AddDate(0, 0, 1)
	swapped := slices.Clone(arts) // each article under the other's ID
	swapped[0].ID, swapped[1].ID = swapped[1].ID, swapped[0].ID
	twice := slices.Clone(arts) // two articles of one ID
	twice[3].ID = twice[0].ID
	copies := copyAnalyses(ans)
	tests := []struct {
		name string
		prev *StoryCache
		arts []int            // positions in the corpus given to StoriesCached
		src  []corpus.Article // nil: arts
		ans  []*Analysis      // nil: ans
	}{
		{"no cache", nil, nil, nil, nil},
		{"all cached", full, nil, nil, nil},
		{"all cached, analyses copied", full, nil, nil, copies},
		{"some removed", full, []int{0, 2, 3}, nil, nil},
		{"reordered", full, []int{3, 1, 0, 2}, nil, nil},
		{"reordered, analyses copied", full, []int{3, 1, 0, 2}, nil, copies},
		{"body changed under the same analysis", full, nil, edited, nil},
		{"headline changed under the same analysis", full, nil, retitled, nil},
		{"date changed under the same analysis", full, nil, redated, nil},
		{"IDs swapped", full, nil, swapped, nil},
		{"an ID twice", full, nil, twice, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, ans := arts, ans
			if tt.src != nil {
				src = tt.src
			}
			if tt.ans != nil {
				ans = tt.ans
			}
			sub, subAns := src, ans
			if tt.arts != nil {
				sub, subAns = nil, nil
				for _, i := range tt.arts {
					sub, subAns = append(sub, src[i]), append(subAns, ans[i])
				}
			}
			got, next := StoriesCached(sub, subAns, tt.prev)
			if want := Stories(sub, subAns); !reflect.DeepEqual(got, want) {
				t.Fatalf("stories differ from Stories:\ngot  %+v\nwant %+v", got, want)
			}
			checkCachedSignatures(t, next, sub)
			if len(next.arts) != len(sub) {
				t.Errorf("next cache holds %d articles, want %d", len(next.arts), len(sub))
			}
		})
	}
}

// checkCachedSignatures checks what c holds of the signatures of arts:
// the band digests of each (nothing for a text too short to shingle), and
// the near-duplicate pairs nearDuplicates finds among them.
func checkCachedSignatures(t *testing.T, c *StoryCache, arts []corpus.Article) {
	t.Helper()
	sigs := make([]signature, len(arts))
	for i, a := range arts {
		sigs[i] = minHash(a.Body)
		bands, ok := c.digests(i, &arts[i])
		switch {
		case !ok:
			t.Fatalf("article %d: the cache does not hold it", i)
		case sigs[i] == nil && bands != nil:
			t.Fatalf("article %d: the cache holds digests of a text too short to shingle", i)
		case sigs[i] != nil && (bands == nil || *bands != sigs[i].digests()):
			t.Fatalf("article %d: the cache holds %v, want its band digests", i, bands)
		}
	}
	want := normPairs(nearDuplicates(sigs))
	got := make([][2]int, len(c.dups))
	for k, p := range c.dups {
		got[k] = [2]int{int(p[0]), int(p[1])}
	}
	if !slices.Equal(got, want) {
		t.Fatalf("the cache holds the near-duplicate pairs %v, want %v", got, want)
	}
}

// TestStoriesCachedReprint checks that an article the cache holds only
// by its band digests still has its reprint found when the reprint
// arrives, at any place in the corpus, and that the cache then holds the
// pair.
func TestStoriesCachedReprint(t *testing.T) {
	arts, ans, _ := loadStorySet(t)
	at := func(path string) int {
		return slices.IndexFunc(arts, func(a corpus.Article) bool { return a.Path == path })
	}
	wire, reprint := at("port-strike-harbor-wire.md"), at("port-strike-coastal-post.md")
	var before []int // every article but the reprint
	for i := range arts {
		if i != reprint {
			before = append(before, i)
		}
	}
	pick := func(idx []int) ([]corpus.Article, []*Analysis) {
		var a []corpus.Article
		var n []*Analysis
		for _, i := range idx {
			a, n = append(a, arts[i]), append(n, ans[i])
		}
		return a, n
	}
	sub, subAns := pick(before)
	_, prev := StoriesCached(sub, subAns, nil)
	for _, place := range []int{0, len(before) / 2, len(before)} {
		idx := slices.Insert(slices.Clone(before), place, reprint)
		all, allAns := pick(idx)
		got, next := StoriesCached(all, allAns, prev)
		if want := Stories(all, allAns); !reflect.DeepEqual(got, want) {
			t.Fatalf("reprint at %d: stories differ from Stories:\ngot  %+v\nwant %+v", place, got, want)
		}
		w, r := slices.Index(idx, wire), slices.Index(idx, reprint)
		found := false
		for _, st := range got {
			if c, ok := st.Copies[r]; ok && c == w {
				found = true
			}
		}
		if !found {
			t.Errorf("reprint at %d: not found as a copy of the wire story", place)
		}
		checkCachedSignatures(t, next, all)
	}
}
