package bot_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/summarize"
)

// TestGolden renders each command's answer on the fixture and compares it
// with testdata/NAME.golden; go test ./bot -update rewrites them.
func TestGolden(t *testing.T) {
	b := newBot(t, time.Time{})
	tests := []struct{ name, text string }{
		{"help", "help"},
		{"help-one", "help deadline"},
		{"summary-latest", "summary"},
		{"summary-article", "summary trump-10-days"},
		{"summary-title", "summary EU gives Washington a week"},
		{"summary-topic", "summary Russia"},
		{"summary-none", "summary penguins"},
		{"who-said-what", "who said what"},
		{"who-said-what-about", "who said what about tariffs"},
		{"what-did-trump", "what did Trump say"},
		{"what-did-about", "what did Donald Trump say about the deadline"},
		{"what-did-typo", "what did Khruschev say"},
		{"what-did-nobody", "what did Obama say"},
		{"what-did-suggest", "what did Ursula say"},
		{"what-did-fuzzy-about", "what did Peskova say about it"},
		{"what-did-org", "what did Russia say"},
		{"deadline-status", "deadline status"},
		{"deadline-status-name", "deadline status von der Leyen"},
		{"deadline-status-topic", "deadline status steel"},
		{"deadline-status-none", "deadline status climate"},
		{"timeline", "timeline"},
		{"timeline-topic", "timeline of the deadline"},
		{"search", "search tariffs"},
		{"search-empty", "search"},
		{"search-none", "search penguins"},
		{"sources", "sources"},
		{"question", "Is the Kremlin worried about tariffs?"},
		{"question-typo", "deadlin status Russia"},
		{"question-nothing", "hello there"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			golden(t, tt.name, render(t, ask(t, b, tt.text)))
		})
	}
}

// TestAnswers checks the facts each answer must carry, independent of the
// goldens' layout.
func TestAnswers(t *testing.T) {
	b := newBot(t, time.Time{})
	tests := []struct {
		text string
		want []string
		not  []string
	}{
		{"deadline status", []string{"Set by Donald Trump for Russia",
			"Set at 50 days on 14 Jul 2025 (Desk Report) (due 2 Sep 2025, superseded); cut to 10 days on 29 Jul 2025 (Wire Service); due by 8 Aug 2025 — passed 3 days ago.",
			"Set on 30 Jul 2025; due week of 4 Aug 2025 (by Mon 4 Aug) — passed 7 days ago.", "Demand: end the war. Otherwise: tariffs.",
			"Also reported: Desk Report, 14 Jul 2025.", "As of 11 Aug 2025: 2 deadlines (2 passed)."}, []string{"22 days left"}},
		{"deadline status Trump", []string{"1 deadline"}, []string{"Leyen"}},
		{"deadline status Russia", []string{"1 deadline"}, []string{"Leyen"}},
		{"what did trump say", []string{"## Donald Trump, the US president", "“We are very, very unhappy with them”",
			"he was cutting the deadline for Russia to end the war from 50 days to 10 days (reported)"}, []string{"## Trump\n"}},
		{"what did the professor say", []string{"What Nina Khrushcheva said", "“This is a bluff”", "the Kremlin did not believe"}, nil},
		{"what did Obama say", []string{"Nobody named “Obama” found in the 4 loaded articles.", "## People quoted"}, nil},
		{"who said what", []string{"6 statements by 4 speakers"}, []string{"## Khrushcheva\n", "## Trump\n"}},
		{"timeline", []string{"- 2025-02 — Trump first threatened", "- 2025-09 — Otherwise the bloc"}, nil},
		{"summary", []string{"## Climate talks stall\n- Negotiators left the climate talks without an agreement. [4]"}, nil},
		{"sources", []string{"broken.md:3: front matter: bad date", "Climate talks stall — undated (climate.md)"}, nil},
		{"sumary", []string{"Did you mean `summary`?"}, nil},
		{"hlep", []string{"Did you mean `help`?"}, nil},
		{"held hearings", []string{"I found nothing about “held hearings”"}, []string{"Did you mean"}},
	}
	for _, tt := range tests {
		got := render(t, ask(t, b, tt.text))
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("Handle(%q) lacks %q; got:\n%s", tt.text, w, got)
			}
		}
		for _, n := range tt.not {
			if strings.Contains(got, n) {
				t.Errorf("Handle(%q) has %q; got:\n%s", tt.text, n, got)
			}
		}
	}
}

// TestDeadlineClock checks the status each precision and clock gives.
func TestDeadlineClock(t *testing.T) {
	tests := []struct {
		due  string
		prec summarize.Precision
		now  string
		want string
	}{
		{"2025-08-08", summarize.Day, "2025-08-11", "Due by 8 Aug 2025 — passed 3 days ago."},
		{"2025-08-08", summarize.Day, "2025-08-09", "Due by 8 Aug 2025 — passed 1 day ago."},
		{"2025-08-08", summarize.Day, "2025-08-08", "Due by 8 Aug 2025 — due today."},
		{"2025-08-08", summarize.Day, "2025-08-07", "Due by 8 Aug 2025 — 1 day left."},
		{"2025-08-04", summarize.Week, "2025-07-30", "Due week of 4 Aug 2025 (by Mon 4 Aug) — 5 days left."},
		{"2025-08-01", summarize.Month, "2025-07-30", "Due August 2025 — 2 days left."},
		{"2026-01-01", summarize.Year, "2025-12-31", "Due 2026 — 1 day left."},
		{"", summarize.Day, "2025-08-11", "No due date given."},
		{"2025-08-08", summarize.Week, "2025-08-13", "Due week of 4 Aug 2025 (by Fri 8 Aug) — passed 5 days ago."},
		{"2025-08-08", summarize.Day, "2041-01-15", "Due by 8 Aug 2025 — passed 5639 days ago (about 15 years)."},
		{"2025-12-01", summarize.Day, "2025-08-01", "Due by 1 Dec 2025 — 122 days left (about 4 months)."},
	}
	for _, tt := range tests {
		var due time.Time
		if tt.due != "" {
			due = date(tt.due)
		}
		a := corpus.Article{ID: "a", Title: "A", Published: date("2025-07-01")}
		an := &summarize.Analysis{ArticleID: "a", Deadlines: []summarize.Deadline{{SetBy: "X", Due: due, Precision: tt.prec}}}
		ix, err := bot.NewIndex([]corpus.Article{a}, []*summarize.Analysis{an}, nil)
		if err != nil {
			t.Fatal(err)
		}
		at := date(tt.now).Add(15 * time.Hour)
		b := bot.New(bot.Options{Now: func() time.Time { return at }})
		b.SetIndex(ix)
		if got := render(t, ask(t, b, "deadline status")); !strings.Contains(got, tt.want) {
			t.Errorf("deadline due %s (%s) at %s: got\n%s\nwant %q", tt.due, tt.prec, tt.now, got, tt.want)
		}
	}
}

// TestNothingToReport checks that a command with nothing to say says so
// plainly, naming how many articles it looked at.
func TestNothingToReport(t *testing.T) {
	var arts []corpus.Article
	var ans []*summarize.Analysis
	for i := range 17 {
		id := fmt.Sprintf("a%d", i)
		arts = append(arts, corpus.Article{ID: id, Title: "Story " + id})
		ans = append(ans, &summarize.Analysis{ArticleID: id, Sentences: []summarize.Sentence{{Text: "Nothing happened."}}})
	}
	ix, err := bot.NewIndex(arts, ans, nil)
	if err != nil {
		t.Fatal(err)
	}
	b := bot.New(bot.Options{Now: func() time.Time { return now }})
	b.SetIndex(ix)
	empty := bot.New(bot.Options{Now: func() time.Time { return now }})
	tests := []struct {
		b          *bot.Bot
		text, want string
	}{
		{b, "deadline status", "No deadlines found in the 17 loaded articles."},
		{b, "who said what", "No quotes found in the 17 loaded articles."},
		{b, "timeline", "No dated events found in the 17 loaded articles."},
		{b, "what did anyone say", "Nobody named “anyone” found in the 17 loaded articles. No one is quoted in them."},
		{empty, "deadline status", "No deadlines found: no articles are loaded."},
		{empty, "summary", "No articles found: no articles are loaded."},
		{empty, "is anything loaded", "I found nothing about “is anything loaded” in the 0 loaded articles."},
	}
	for _, tt := range tests {
		if got := ask(t, tt.b, tt.text).Text; !strings.HasPrefix(got, tt.want) {
			t.Errorf("Handle(%q).Text = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestDeadlineTopicFromArticle(t *testing.T) {
	a := corpus.Article{ID: "a", Title: "Talks on the Danube shipping dispute", Published: date("2025-07-01")}
	an := &summarize.Analysis{ArticleID: "a",
		Sentences: []summarize.Sentence{{Text: "The ministry gave the operator 30 days to comply."}},
		Deadlines: []summarize.Deadline{{SetBy: "the ministry", Target: "the operator", Demand: "comply", Due: date("2025-07-31"), Precision: summarize.Day,
			History: []summarize.Revision{{LengthDays: 30, Evidence: "30 days", Sentence: 0}}}}}
	ix, err := bot.NewIndex([]corpus.Article{a}, []*summarize.Analysis{an}, nil)
	if err != nil {
		t.Fatal(err)
	}
	b := bot.New(bot.Options{Now: func() time.Time { return date("2025-07-02") }})
	b.SetIndex(ix)
	for _, q := range []string{"deadline status danube", "deadline status operator"} {
		if got := render(t, ask(t, b, q)); !strings.Contains(got, "due by 31 Jul 2025") {
			t.Errorf("%q did not find the deadline by its article's title or its terms:\n%s", q, got)
		}
	}
	if got := render(t, ask(t, b, "deadline status volcano")); strings.Contains(got, "due by") {
		t.Errorf("an unrelated topic found a deadline:\n%s", got)
	}
}
