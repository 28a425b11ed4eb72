package bot_test

import (
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/internal/corpusgen"
	"github.com/briefbot/briefbot/summarize"
)

// pagesOf asks text, then `more` until the answer's pages are used up, and
// returns every page; it checks that one `more` past them has nothing.
func pagesOf(t *testing.T, b *bot.Bot, text string, want int) []bot.Reply {
	t.Helper()
	pages := []bot.Reply{ask(t, b, text)}
	for len(pages) < want {
		pages = append(pages, ask(t, b, "more"))
	}
	if r := ask(t, b, "more"); r.Title != "Nothing more" {
		t.Errorf("%q: `more` after %d pages = %q, want nothing more", text, want, r.Title)
	}
	return pages
}

// samePages compares, for each query, the pages Handle and `more` give
// with the answer built whole and paged the old way.
func samePages(t *testing.T, b *bot.Bot, queries []string) (multi int) {
	t.Helper()
	for _, q := range queries {
		want := bot.EagerPages(b, q)
		if len(want) > 1 {
			multi++
		}
		got := pagesOf(t, b, q, len(want))
		for k := range want {
			if !reflect.DeepEqual(got[k], want[k]) {
				t.Errorf("%q page %d of %d:\ngot  %s\nwant %s", q, k+1, len(want), render(t, got[k]), render(t, want[k]))
			}
		}
	}
	return multi
}

// TestListingsMatchEagerFixture pages through every listing command on the
// fixture, with and without the answer cache.
func TestListingsMatchEagerFixture(t *testing.T) {
	queries := []string{
		"who said what", "who said what about tariffs", "who said what about the deadline ultimatum",
		"who said what about penguins", "what did Trump say", "what did Donald Trump say about the deadline",
		"what did Khruschev say", "what did Obama say", "what did Peskova say about it",
		"what did Russia say", "deadline status", "deadline status von der Leyen",
		"deadline status steel", "deadline status climate", "timeline", "timeline of the deadline",
		"timeline steel tariffs", "timeline penguins",
	}
	for _, day := range []time.Time{{}, time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)} {
		samePages(t, newBot(t, day), queries)
	}
}

// TestListingsMatchEagerGenerated pages through the listings of a
// generated corpus of 300 articles, long enough for many pages, at days
// before, inside and after its span, so deadlines split every way.
func TestListingsMatchEagerGenerated(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses a generated corpus")
	}
	arts := corpusgen.New(corpusgen.Config{N: 300, Seed: 7}).Articles()
	ans := make([]*summarize.Analysis, len(arts))
	for i, a := range arts {
		ans[i] = summarize.Analyze(a)
	}
	ix, err := bot.NewIndex(arts, ans, nil)
	if err != nil {
		t.Fatal(err)
	}
	multi := 0
	for _, day := range []time.Time{
		time.Date(2020, 6, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2022, 12, 31, 23, 0, 0, 0, time.UTC),
		time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC),
	} {
		for _, ttl := range []time.Duration{-1, 0} { // cache off, on
			b := bot.New(bot.Options{Now: func() time.Time { return day }, CacheTTL: ttl})
			b.SetIndex(ix)
			queries := bot.ListingQueries(b, 15)
			slices.Sort(queries)
			if len(queries) < 40 {
				t.Fatalf("only %d queries drawn from the generated corpus", len(queries))
			}
			multi += samePages(t, b, queries)
			if ttl == 0 {
				samePages(t, b, queries) // again, from the cache
			}
		}
	}
	if multi < 20 {
		t.Errorf("only %d answers of several pages: the corpus does not exercise paging", multi)
	}
}
