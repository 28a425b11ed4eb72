package store

import (
	"reflect"
	"testing"

	"github.com/briefbot/briefbot/summarize"
)

// TestDecodeInSlabs decodes every seed and devset analysis into shared
// slabs, as one lookup does: each deep-equals its own decoding (nil and
// empty slices apart), and no slice reaches into another's records.
func TestDecodeInSlabs(t *testing.T) {
	arts := seedArticles(t)
	sl, anSlab := new(slabs), new(slab[summarize.Analysis])
	intern := map[string]string{}
	got := make([]*summarize.Analysis, len(arts))
	wants := make([]*summarize.Analysis, len(arts))
	for i, a := range arts {
		row := string(encodeAnalysis(nil, summarize.Analyze(a), a.Body))
		want, err := decodeAnalysis(row, a, nil)
		if err != nil {
			t.Fatalf("%s: %v", a.Path, err)
		}
		if got[i], err = decodeAnalysisIn(row, a, intern, sl, anSlab); err != nil {
			t.Fatalf("%s: %v", a.Path, err)
		}
		if !reflect.DeepEqual(got[i], want) {
			t.Errorf("%s: decoded in slabs\n %#v\nwant\n %#v", a.Path, got[i], want)
		}
		wants[i] = want
	}
	// Appending to a slice cut from a slab copies it: the other
	// analyses' records stay as they were.
	for _, an := range got {
		_ = append(an.Sentences, summarize.Sentence{Text: "spoiled"})
		_ = append(an.Summary, -1)
		for k := range an.People {
			_ = append(an.People[k].Sentences, -1)
			_ = append(an.People[k].Aliases, "spoiled")
		}
	}
	for i := range got {
		if !reflect.DeepEqual(got[i], wants[i]) {
			t.Fatalf("%s: appending to other analyses changed this one", arts[i].Path)
		}
	}
}

func TestSlabTake(t *testing.T) {
	var s slab[int]
	if e := s.take(0); e == nil || len(e) != 0 {
		t.Errorf("take(0) = %#v, want empty and not nil", e)
	}
	a, b := s.take(3), s.take(2)
	if cap(a) != 3 || cap(b) != 2 {
		t.Errorf("caps %d, %d: want 3, 2", cap(a), cap(b))
	}
	a = append(a, 7)
	if b[0] != 0 {
		t.Error("appending to one slice wrote into the next")
	}
	if big := s.take(slabBytes); len(big) != slabBytes {
		t.Errorf("take(large) = %d ints", len(big))
	}
}
