package bot

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/summarize"
)

// quoteCorpus is a small corpus for the quote commands: one person named
// "Trump" in one article and "Donald Trump" in another, "Tim Cook" and
// "Timothy Cook", an agency cited by its acronym, an analyst cited by a
// description, an unnamed source, and one speaker with more statements
// than any page holds.
func quoteCorpus(t *testing.T, reverse bool) *Index {
	t.Helper()
	say := func(who, text string) summarize.Quote {
		return summarize.Quote{Speaker: who, Mention: who, Text: text, Kind: summarize.Reported, Cue: "said"}
	}
	type art struct {
		id     string
		day    int
		people []summarize.Person
		quotes []summarize.Quote
	}
	many := art{id: "many", day: 5, people: []summarize.Person{{Name: "Ann Lee", Description: "a city councillor"}}}
	for i := range 40 {
		many.quotes = append(many.quotes, say("Ann Lee", fmt.Sprintf("point number %d stands", i+1)))
	}
	arts := []art{
		{id: "short-name", day: 1, people: []summarize.Person{{Name: "Trump"}, {Name: "Tim Cook"}},
			quotes: []summarize.Quote{say("Trump", "tariffs would rise"), say("Tim Cook", "sales were strong")}},
		{id: "full-name", day: 2, people: []summarize.Person{{Name: "Donald Trump", Aliases: []string{"US President Donald Trump"}, Description: "US President"},
			{Name: "Timothy Cook", Aliases: []string{"Cook"}}},
			quotes: []summarize.Quote{say("Donald Trump", "the deadline stands"), say("Timothy Cook", "the phone ships in May")}},
		{id: "agency", day: 3, people: []summarize.Person{{Name: "Korean Central News Agency", Aliases: []string{"KCNA", "the agency"}, Org: true}},
			quotes: []summarize.Quote{say("Korean Central News Agency", "the launch succeeded"), say("Korean Central News Agency", "the drills were routine")}},
		{id: "analyst", day: 4, people: []summarize.Person{{Name: "Nina Khrushcheva", Aliases: []string{"Khrushcheva", "This analyst"},
			Description: "a professor at The New School in New York"}},
			quotes: []summarize.Quote{say("Nina Khrushcheva", "the war will go on"), say("Nina Khrushcheva", "sanctions will not work"),
				say("a regional newspaper", "the talks had failed")}},
		many,
	}
	if reverse {
		slices.Reverse(arts)
	}
	var as []corpus.Article
	var ans []*summarize.Analysis
	for _, a := range arts {
		pub := time.Date(2025, 7, a.day, 0, 0, 0, 0, time.UTC)
		as = append(as, corpus.Article{ID: a.id, Path: a.id + ".md", Title: a.id, Published: pub, Body: "Body."})
		ans = append(ans, &summarize.Analysis{ArticleID: a.id, Published: pub, People: a.people, Quotes: a.quotes,
			Sentences: []summarize.Sentence{{Text: "Body.", End: 5}}})
	}
	ix, err := NewIndex(as, ans, nil)
	if err != nil {
		t.Fatal(err)
	}
	return ix
}

// headings returns a reply's section headings and the number of items
// under each.
func headings(r Reply) map[string]int {
	out := map[string]int{}
	for _, s := range r.Sections {
		out[s.Heading] = len(s.Items)
	}
	return out
}

// TestWhoSaidWhatGroups checks that who said what gives one group per
// person whatever form each article names them by, most quoted first,
// with the role, and never cuts the answer.
func TestWhoSaidWhatGroups(t *testing.T) {
	for _, reverse := range []bool{false, true} {
		ix := quoteCorpus(t, reverse)
		r := whoSaidWhat(nil, ix, request{}, time.Time{})
		got := headings(r)
		want := map[string]int{
			"Ann Lee, a city councillor": 40,
			"Donald Trump, US President": 2,
			"Timothy Cook":               2,
			"Korean Central News Agency": 2,
			"Nina Khrushcheva, a professor at The New School in New York": 2,
			"a regional newspaper": 1,
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("who said what (reverse %v) sections = %v, want %v", reverse, got, want)
		}
		if r.Sections[0].Heading != "Ann Lee, a city councillor" {
			t.Errorf("who said what: first section %q, want the most quoted speaker", r.Sections[0].Heading)
		}
		if !strings.HasPrefix(r.Text, "49 statements by 6 speakers") {
			t.Errorf("who said what text = %q", r.Text)
		}
	}
}

// TestWhatDidAliases checks that what did NAME say finds a speaker under
// every form the articles use: full name, surname, acronym, description
// alias and role noun (also of an unnamed source), and lists every
// statement.
func TestWhatDidAliases(t *testing.T) {
	ix := quoteCorpus(t, false)
	tests := []struct {
		name, want string
		n          int
	}{
		{"Trump", "Donald Trump", 2},
		{"Donald Trump", "Donald Trump", 2},
		{"the president", "Donald Trump", 2},
		{"Tim Cook", "Timothy Cook", 2},
		{"KCNA", "Korean Central News Agency", 2},
		{"the agency", "Korean Central News Agency", 2},
		{"Khrushcheva", "Nina Khrushcheva", 2},
		{"this analyst", "Nina Khrushcheva", 2},
		{"the analyst", "Nina Khrushcheva", 2},
		{"the professor", "Nina Khrushcheva", 2},
		{"Ann Lee", "Ann Lee", 40},
		{"the newspaper", "a regional newspaper", 1},
	}
	for _, tt := range tests {
		r := whatDid(nil, ix, request{arg: tt.name}, time.Time{})
		if want := "What " + tt.want + " said"; r.Title != want {
			t.Errorf("whatDid(%q) title = %q, want %q", tt.name, r.Title, want)
			continue
		}
		n := 0
		for _, s := range r.Sections {
			n += len(s.Items)
		}
		if n != tt.n || !strings.HasPrefix(r.Text, fmt.Sprintf("%d statement", tt.n)) {
			t.Errorf("whatDid(%q) = %d items, text %q; want %d", tt.name, n, r.Text, tt.n)
		}
	}
}
