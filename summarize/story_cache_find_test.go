package summarize

import (
	"reflect"
	"testing"

	"github.com/briefbot/briefbot/corpus"
)

// TestCacheFinder checks that cacheFinder finds an article the cache
// holds at its own place or, once it moved, through its ID (the first
// place of an ID held twice), and finds nothing in the nil cache or of an
// ID the cache does not hold. It finds the ID whatever else of the
// article changed: the caller compares the rest.
func TestCacheFinder(t *testing.T) {
	cache := &StoryCache{arts: []cachedArticle{{id: "a"}, {id: "b"}, {id: "c", body: "old"}, {id: "b"}}}
	tests := []struct {
		name  string
		cache *StoryCache
		guess int
		art   corpus.Article
		want  int
	}{
		{"at its place", cache, 2, corpus.Article{ID: "c"}, 2},
		{"at its second place", cache, 3, corpus.Article{ID: "b"}, 3},
		{"moved", cache, 0, corpus.Article{ID: "c"}, 2},
		{"moved, held twice", cache, 2, corpus.Article{ID: "b"}, 1},
		{"no guess", cache, -1, corpus.Article{ID: "a"}, 0},
		{"guess past the end", cache, 9, corpus.Article{ID: "c"}, 2},
		{"body changed", cache, 2, corpus.Article{ID: "c", Body: "new"}, 2},
		{"not held", cache, 1, corpus.Article{ID: "other"}, -1},
		{"nil cache", nil, 0, corpus.Article{ID: "a"}, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := cacheFinder{c: tt.cache}
			if got := f.find(tt.guess, &tt.art); got != tt.want {
				t.Errorf("find(%d) = %d, want %d", tt.guess, got, tt.want)
			}
		})
	}
}

// TestStoryCacheTerms checks that the terms a cache holds of each article,
// packed in a slab of their exact size, are the terms deriving them
// afresh gives, in the cache's vocabulary, whether the cache derived them,
// renumbered those of an earlier cache (articles removed before them), or
// took them as they were (articles added after them).
func TestStoryCacheTerms(t *testing.T) {
	arts, ans := storyCorpus(300)
	_, suffix := StoriesCached(arts[100:], ans[100:], nil)
	_, prefix := StoriesCached(arts[:200], ans[:200], nil)
	for _, prev := range []*StoryCache{nil, suffix, prefix} {
		_, c := StoriesCached(arts, ans, prev)
		if len(c.terms) != cap(c.terms) {
			t.Errorf("prev %v: terms slab of %d bytes has room for %d", prev != nil, len(c.terms), cap(c.terms))
		}
		v := &storyVocab{ids: map[string]int32{}}
		tm := newTermer(v, 0)
		for i := range arts {
			want := tm.derive(&arts[i], ans[i])
			e := &c.arts[i]
			got := unpackTerms(c.packed(i), int(e.nterms), int(e.words))
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("prev %v, article %d: cache holds %+v, want %+v", prev != nil, i, got, want)
			}
		}
		if !reflect.DeepEqual(c.vocab, v.words) {
			t.Errorf("prev %v: cache vocabulary differs from a fresh one", prev != nil)
		}
	}
}
