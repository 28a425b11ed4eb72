package bot_test

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/summarize"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// now is the fixed clock of the tests: three days after the 8 August
// deadline of the fixture.
var now = time.Date(2025, 8, 11, 9, 30, 0, 0, time.UTC)

func date(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// doc is an article of the fixture with its hand-built analysis. Each
// sentence is its own paragraph, so the body and the analysis agree.
type doc struct {
	art   corpus.Article
	sents []string
	an    summarize.Analysis
}

func (d doc) build() (corpus.Article, *summarize.Analysis) {
	a, an := d.art, d.an
	a.Path = a.ID + ".md"
	a.Body = strings.Join(d.sents, "\n\n")
	an.ArticleID, an.Published = a.ID, a.Published
	off := 0
	for i, s := range d.sents {
		an.Sentences = append(an.Sentences, summarize.Sentence{Text: s, Start: off, End: off + len(s), Para: i})
		off += len(s) + 2
	}
	return a, &an
}

var trump = summarize.Person{Name: "Donald Trump", Aliases: []string{"Trump", "US President Donald Trump"}, Description: "the US president"}

// docs returns the fixture: four articles on two deadlines, a week-long
// ultimatum and an undated story with nothing in it.
func docs() []doc {
	return []doc{{
		art: corpus.Article{ID: "trump-50-days", Title: "Trump gives Russia 50 days to end the war", Source: "Desk Report",
			URL: "https://example.com/trump-50-days", Published: date("2025-07-14")},
		sents: []string{
			"US President Donald Trump on Monday gave Russia 50 days to end the war in Ukraine or face severe tariffs.",
			`"We are very, very unhappy with them," Trump said at the White House.`,
			"Kremlin spokesman Dmitry Peskov said Moscow needed time to analyse the statement.",
			"Trump first threatened Russia with sanctions last February.",
		},
		an: summarize.Analysis{
			People: []summarize.Person{trump,
				{Name: "Dmitry Peskov", Aliases: []string{"Peskov", "Kremlin spokesman"}, Description: "the Kremlin spokesman"},
				{Name: "Russia", Org: true}},
			Quotes: []summarize.Quote{
				{Speaker: "Donald Trump", Mention: "Trump", Text: "We are very, very unhappy with them", Kind: summarize.Direct, Cue: "said", Sentence: 1},
				{Speaker: "Dmitry Peskov", Mention: "Kremlin spokesman Dmitry Peskov", Text: "Moscow needed time to analyse the statement", Kind: summarize.Reported, Cue: "said", Sentence: 2},
			},
			Deadlines: []summarize.Deadline{{SetBy: "Donald Trump", Target: "Russia", Demand: "end the war in Ukraine", Consequence: "severe tariffs",
				Due: date("2025-09-02"), Precision: summarize.Day, Sentence: 0,
				Evidence: "US President Donald Trump on Monday gave Russia 50 days to end the war in Ukraine or face severe tariffs.",
				History:  []summarize.Revision{{LengthDays: 50, Due: date("2025-09-02"), Precision: summarize.Day, SetOn: date("2025-07-14"), Evidence: "gave Russia 50 days"}}}},
			Events: []summarize.Event{
				{When: date("2025-02-01"), Precision: summarize.Month, Phrase: "last February", Text: "Trump first threatened Russia with sanctions last February.", Sentence: 3},
				{When: date("2025-07-14"), Precision: summarize.Day, Phrase: "on Monday", Text: "US President Donald Trump on Monday gave Russia 50 days to end the war in Ukraine or face severe tariffs.", Sentence: 0},
			},
			Summary: []int{0, 1, 2},
		},
	}, {
		art: corpus.Article{ID: "trump-10-days", Title: "Trump cuts Russia deadline to 10 days", Source: "Wire Service",
			URL: "https://example.com/trump-10-days", Published: date("2025-07-29")},
		sents: []string{
			"Donald Trump said on Tuesday he was cutting the deadline for Russia to end the war from 50 days to 10 days.",
			"The new deadline falls on 8 August.",
			`"This is a bluff," said Nina Khrushcheva, a professor at The New School in New York.`,
			"Khrushcheva said the Kremlin did not believe the tariffs would come.",
		},
		an: summarize.Analysis{
			People: []summarize.Person{trump, {Name: "Nina Khrushcheva", Aliases: []string{"Khrushcheva", "the professor"},
				Description: "a professor at The New School in New York"}},
			Quotes: []summarize.Quote{
				// "Trump" and "Khrushcheva" as written: the index must file them under the full names.
				{Speaker: "Trump", Mention: "Donald Trump", Text: "he was cutting the deadline for Russia to end the war from 50 days to 10 days", Kind: summarize.Reported, Cue: "said", Sentence: 0},
				{Speaker: "Nina Khrushcheva", Mention: "Nina Khrushcheva", Text: "This is a bluff", Kind: summarize.Direct, Cue: "said", Sentence: 2},
				{Speaker: "Khrushcheva", Mention: "Khrushcheva", Text: "the Kremlin did not believe the tariffs would come", Kind: summarize.Reported, Cue: "said", Sentence: 3},
			},
			Deadlines: []summarize.Deadline{{SetBy: "Donald Trump", Target: "Russia", Demand: "end the war", Consequence: "tariffs",
				Due: date("2025-08-08"), Precision: summarize.Day, Sentence: 1, Evidence: "The new deadline falls on 8 August.",
				History: []summarize.Revision{
					{LengthDays: 50, Due: date("2025-09-02"), Precision: summarize.Day, SetOn: date("2025-07-14"), Evidence: "50 days"},
					{LengthDays: 10, Due: date("2025-08-08"), Precision: summarize.Day, SetOn: date("2025-07-29"), Evidence: "cutting the deadline to 10 days"},
				}}},
			Events: []summarize.Event{
				{When: date("2025-07-29"), Precision: summarize.Day, Phrase: "on Tuesday", Text: "Donald Trump said on Tuesday he was cutting the deadline for Russia to end the war from 50 days to 10 days.", Sentence: 0},
				{When: date("2025-08-08"), Precision: summarize.Day, Phrase: "8 August", Text: "The new deadline falls on 8 August.", Sentence: 1},
			},
			Summary: []int{0, 1, 2},
		},
	}, {
		art: corpus.Article{ID: "eu-steel", Title: "EU gives Washington a week to answer on steel", Source: "Brussels Desk", Published: date("2025-07-30")},
		sents: []string{
			"European Commission President Ursula von der Leyen gave Washington until the week of 4 August to reply on steel tariffs.",
			`"We will not wait forever," von der Leyen told reporters.`,
			"Otherwise the bloc will impose counter-tariffs in September.",
		},
		an: summarize.Analysis{
			People: []summarize.Person{{Name: "Ursula von der Leyen", Aliases: []string{"von der Leyen"}}, {Name: "Washington", Org: true}},
			Quotes: []summarize.Quote{{Speaker: "Ursula von der Leyen", Mention: "von der Leyen", Text: "We will not wait forever", Kind: summarize.Direct, Cue: "told", Sentence: 1}},
			Deadlines: []summarize.Deadline{{SetBy: "Ursula von der Leyen", Target: "Washington", Demand: "reply on steel tariffs", Consequence: "counter-tariffs",
				Due: date("2025-08-04"), Precision: summarize.Week, Sentence: 0,
				History: []summarize.Revision{{Due: date("2025-08-04"), Precision: summarize.Week, SetOn: date("2025-07-30")}}}},
			Events:  []summarize.Event{{When: date("2025-09-01"), Precision: summarize.Month, Phrase: "in September", Text: "Otherwise the bloc will impose counter-tariffs in September.", Sentence: 2}},
			Summary: []int{0, 1, 2},
		},
	}, {
		art: corpus.Article{ID: "climate", Title: "Climate talks stall"},
		sents: []string{
			"Negotiators left the climate talks without an agreement.",
			"Delegates will meet again next year.",
		},
		an: summarize.Analysis{Summary: []int{0, 7}}, // 7: out of range on purpose
	}}
}

// loadErrs are the fixture's load errors.
var loadErrs = []error{&corpus.LoadError{Path: "broken.md", Line: 3, Err: errors.New("front matter: bad date")}}

// fixture returns the fixture's articles and analyses.
func fixture() ([]corpus.Article, []*summarize.Analysis) {
	var arts []corpus.Article
	var ans []*summarize.Analysis
	for _, d := range docs() {
		a, an := d.build()
		arts, ans = append(arts, a), append(ans, an)
	}
	return arts, ans
}

// newBot returns a bot on the hand-built fixture index with the clock at
// the given time (now when zero).
func newBot(t testing.TB, at time.Time) *bot.Bot {
	t.Helper()
	if at.IsZero() {
		at = now
	}
	arts, ans := fixture()
	ix, err := bot.NewIndex(arts, ans, loadErrs)
	if err != nil {
		t.Fatalf("NewIndex: %v", err)
	}
	b := bot.New(bot.Options{Now: func() time.Time { return at }})
	b.SetIndex(ix)
	return b
}

// ask sends text and returns the one reply.
func ask(t testing.TB, b *bot.Bot, text string) bot.Reply {
	t.Helper()
	rs, err := b.Handle(t.Context(), bot.Message{Platform: "test", Channel: "c", User: "u", Text: text})
	if err != nil {
		t.Fatalf("Handle(%q): %v", text, err)
	}
	if len(rs) != 1 {
		t.Fatalf("Handle(%q) = %d replies, want 1", text, len(rs))
	}
	return rs[0]
}

// render writes a reply as plain text for goldens and substring checks;
// it fails the test on an item citing a source the reply does not carry.
func render(t testing.TB, r bot.Reply) string {
	t.Helper()
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n", r.Title)
	if r.Text != "" {
		fmt.Fprintf(&b, "%s\n", r.Text)
	}
	for _, s := range r.Sections {
		b.WriteString("\n")
		if s.Heading != "" {
			fmt.Fprintf(&b, "## %s\n", s.Heading)
		}
		for _, it := range s.Items {
			if it.Source < -1 || it.Source >= len(r.Sources) {
				t.Errorf("item %q cites source %d of %d", it.Text, it.Source, len(r.Sources))
			}
			if it.Source >= 0 {
				fmt.Fprintf(&b, "- %s [%d]\n", it.Text, it.Source+1)
			} else {
				fmt.Fprintf(&b, "- %s\n", it.Text)
			}
		}
	}
	if len(r.Sources) > 0 {
		b.WriteString("\n")
	}
	for i, s := range r.Sources {
		pub := "undated"
		if !s.Published.IsZero() {
			pub = s.Published.Format(time.DateOnly)
		}
		fmt.Fprintf(&b, "[%d] %s | %s | %s | %s | %s\n", i+1, s.ArticleID, s.Title, s.Outlet, pub, s.URL)
	}
	return b.String()
}

// golden compares got with testdata/name.golden, rewriting it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./bot -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("reply differs from %s:\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}
