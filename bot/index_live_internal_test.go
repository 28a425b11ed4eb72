package bot

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/internal/corpusgen"
)

// TestLiveRebuildAnswersAsFresh checks the live path (SetCorpus over a
// served index, reusing its analyses and what it derived per article)
// against a bot given the final corpus at once: for every kind of change
// (articles added, changed, removed) the stories are deep-equal and every
// command answers the same, over many queries drawn from the corpus.
func TestLiveRebuildAnswersAsFresh(t *testing.T) {
	gen := corpusgen.New(corpusgen.Config{N: 160, Seed: 11, Days: 180, StorySize: 6})
	all := gen.Articles()
	changed := func(a corpus.Article) corpus.Article {
		a.Body = "Update: " + a.Body
		return a
	}
	tests := []struct {
		name          string
		before, after []corpus.Article
	}{
		{"one added", all[:120], all[:121]},
		{"many added", all[:100], all},
		{"removed", all, append(slices.Clone(all[:30]), all[60:]...)},
		{"changed", all[:120], append(append(slices.Clone(all[:40]), changed(all[40])), all[41:120]...)},
		{"unchanged", all[:120], all[:120]},
	}
	ctx := context.Background()
	now := func() time.Time { return time.Date(2021, 6, 30, 12, 0, 0, 0, time.UTC) }
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			live := New(Options{CacheTTL: -1, Now: now})
			if err := live.SetCorpus(ctx, tt.before, nil); err != nil {
				t.Fatal(err)
			}
			if err := live.SetCorpus(ctx, tt.after, nil); err != nil {
				t.Fatal(err)
			}
			fresh := New(Options{CacheTTL: -1, Now: now})
			if err := fresh.SetCorpus(ctx, tt.after, nil); err != nil {
				t.Fatal(err)
			}
			lix, fix := live.state.Load().ix, fresh.state.Load().ix
			if !reflect.DeepEqual(lix.stories, fix.stories) {
				t.Fatalf("stories differ: %d live, %d fresh", len(lix.stories), len(fix.stories))
			}
			queries := perfQueries(fix, 12)
			asked := 0
			for cmd, qs := range queries {
				for _, q := range qs {
					m := Message{Platform: "console", Channel: "c", User: "u", Text: q}
					lr, lerr := live.Handle(ctx, m)
					fr, ferr := fresh.Handle(ctx, m)
					if fmt.Sprint(lerr) != fmt.Sprint(ferr) || !reflect.DeepEqual(lr, fr) {
						t.Errorf("%s: %q answers differ:\nlive  %+v (%v)\nfresh %+v (%v)", cmd, q, lr, lerr, fr, ferr)
					}
					asked++
				}
			}
			if asked < 50 {
				t.Fatalf("only %d queries asked", asked)
			}
		})
	}
}
