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
// (and cached terms only for the headline they were made from).
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
	tests := []struct {
		name string
		prev *StoryCache
		arts []int            // positions in the corpus given to StoriesCached
		src  []corpus.Article // nil: arts
	}{
		{"no cache", nil, nil, nil},
		{"all cached", full, nil, nil},
		{"some removed", full, []int{0, 2, 3}, nil},
		{"reordered", full, []int{3, 1, 0, 2}, nil},
		{"body changed under the same analysis", full, nil, edited},
		{"headline changed under the same analysis", full, nil, retitled},
		{"date changed under the same analysis", full, nil, redated},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := arts
			if tt.src != nil {
				src = tt.src
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
			for i, a := range sub {
				sig, ok := next.signature(subAns[i], a.Body)
				if !ok || !slices.Equal(sig, minHash(a.Body)) {
					t.Fatalf("article %d: next cache holds a wrong signature (found %v)", i, ok)
				}
			}
			if len(next.arts) != len(sub) {
				t.Errorf("next cache holds %d articles, want %d", len(next.arts), len(sub))
			}
		})
	}
}
