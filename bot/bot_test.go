package bot_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/summarize"
)

func TestHandleBadInput(t *testing.T) {
	b := newBot(t, time.Time{})
	tests := []struct {
		name, text string
		want       string // a part of the *Error's message
	}{
		{"invalid UTF-8", "summary \xff\xfe", "not valid UTF-8"},
		{"too long", strings.Repeat("a", bot.MaxInputBytes+1), "too long (4001 bytes)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs, err := b.Handle(t.Context(), bot.Message{Text: tt.text})
			var be *bot.Error
			if !errors.As(err, &be) || !strings.Contains(be.Message, tt.want) || rs != nil {
				t.Fatalf("Handle(%.20q) = %v, %v; want a *bot.Error saying %q", tt.text, rs, err, tt.want)
			}
		})
	}
	// At the limit, a message is still answered.
	if got := ask(t, b, strings.Repeat("tariffs ", bot.MaxInputBytes/8)); len(got.Sections) == 0 {
		t.Errorf("Handle of %d bytes: no answer", bot.MaxInputBytes)
	}
}

func TestHandleCanceled(t *testing.T) {
	b := newBot(t, time.Time{})
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	_, err := b.Handle(ctx, bot.Message{Text: "help"})
	var be *bot.Error
	if !errors.Is(err, context.Canceled) || errors.As(err, &be) {
		t.Errorf("Handle(canceled) error = %v, want context.Canceled, not a *bot.Error", err)
	}
}

// TestCacheDroppedOnSetCorpus checks that answers are cached per normalised
// text and dropped when the corpus changes.
func TestCacheDroppedOnSetCorpus(t *testing.T) {
	arts, _ := fixture()
	b := bot.New(bot.Options{Now: func() time.Time { return now }, CacheTTL: time.Hour})
	if err := b.SetCorpus(t.Context(), arts[:1], nil); err != nil {
		t.Fatal(err)
	}
	if got := ask(t, b, "sources").Text; got != "1 article loaded." {
		t.Fatalf("sources.Text = %q, want 1 article", got)
	}
	if err := b.SetCorpus(t.Context(), arts, loadErrs); err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"sources", "!SOURCES?"} {
		if got := ask(t, b, text).Text; got != "4 articles loaded." {
			t.Errorf("after SetCorpus, Handle(%q).Text = %q, want 4 articles", text, got)
		}
	}
}

// TestRepliesNotShared checks that changing a reply cannot change the
// cached answer the next asker gets.
func TestRepliesNotShared(t *testing.T) {
	b := newBot(t, time.Time{})
	r := ask(t, b, "deadline status")
	want := render(t, r)
	r.Title, r.Sections[0].Items[0].Text, r.Sources[0].Title = "x", "x", "x"
	if got := render(t, ask(t, b, "deadline status")); got != want {
		t.Errorf("cached reply changed by a caller:\n%s", got)
	}
}

// TestClock checks that deadline status counts days from the injected
// clock, also across a cached answer when the day changes.
func TestClock(t *testing.T) {
	var at atomic.Pointer[time.Time]
	at.Store(&now)
	b := bot.New(bot.Options{Now: func() time.Time { return *at.Load() }})
	arts, ans := fixture()
	ix, err := bot.NewIndex(arts, ans, nil)
	if err != nil {
		t.Fatal(err)
	}
	b.SetIndex(ix)
	for _, tt := range []struct {
		at   time.Time
		want string
	}{
		{now, "by 8 Aug 2025 — passed 3 days ago"},
		{now.Add(5 * time.Hour), "by 8 Aug 2025 — passed 3 days ago"},
		{now.Add(24 * time.Hour), "by 8 Aug 2025 — passed 4 days ago"},
		{date("2025-08-08").Add(23 * time.Hour), "by 8 Aug 2025 — due today"},
	} {
		at.Store(&tt.at)
		if got := render(t, ask(t, b, "deadline status trump")); !strings.Contains(got, tt.want) {
			t.Errorf("at %v: got\n%s\nwant %q", tt.at, got, tt.want)
		}
	}
}

// TestConcurrentHandleAndSwap runs Handle on many goroutines while the
// corpus is swapped; run it with -race.
func TestConcurrentHandleAndSwap(t *testing.T) {
	arts, ans := fixture()
	full, err := bot.NewIndex(arts, ans, loadErrs)
	if err != nil {
		t.Fatal(err)
	}
	b := bot.New(bot.Options{Now: func() time.Time { return now }})
	texts := []string{"help", "summary", "who said what", "what did Trump say", "deadline status",
		"timeline", "search tariffs", "sources", "is the war over", "sumary"}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 100 {
				text := texts[(g+i)%len(texts)]
				rs, err := b.Handle(t.Context(), bot.Message{User: fmt.Sprint(g), Text: text})
				if err != nil || len(rs) != 1 || rs[0].Title == "" {
					t.Errorf("Handle(%q) = %v, %v", text, rs, err)
					return
				}
			}
		})
	}
	wg.Go(func() {
		for i := range 10 {
			if i%2 == 0 {
				b.SetIndex(full)
				continue
			}
			if err := b.SetCorpus(t.Context(), arts[:i%len(arts)], nil); err != nil {
				t.Errorf("SetCorpus: %v", err)
			}
		}
	})
	wg.Wait()
	// The last swap wins, and no answer from an older corpus survives it.
	b.SetIndex(full)
	if got := ask(t, b, "sources").Text; got != "4 articles loaded." {
		t.Errorf("after the last swap, sources.Text = %q", got)
	}
}

// TestSetCorpusAnalyzer runs the real analyzer: only what holds whatever
// its quality is checked, as summarize is still being written.
func TestSetCorpusAnalyzer(t *testing.T) {
	arts, _ := fixture()
	b := bot.New(bot.Options{Now: func() time.Time { return now }})
	if err := b.SetCorpus(t.Context(), arts, loadErrs); err != nil {
		t.Fatal(err)
	}
	got := render(t, ask(t, b, "sources"))
	for _, want := range []string{"4 articles loaded.", "broken.md:3: front matter: bad date", "Trump cuts Russia deadline to 10 days"} {
		if !strings.Contains(got, want) {
			t.Errorf("sources lacks %q:\n%s", want, got)
		}
	}
	if r := ask(t, b, "search Khrushcheva"); len(r.Sections) == 0 || r.Sources[0].ArticleID != "trump-10-days" {
		t.Errorf("search Khrushcheva:\n%s", render(t, r))
	}
	for _, text := range []string{"summary", "who said what", "deadline status", "timeline", "what did Trump say"} {
		if r := ask(t, b, text); r.Title == "" || r.Text == "" && len(r.Sections) == 0 {
			t.Errorf("Handle(%q) is silent:\n%s", text, render(t, r))
		}
	}
}

func TestSetCorpusCanceled(t *testing.T) {
	b := newBot(t, time.Time{})
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	many := make([]corpus.Article, 1000)
	if err := b.SetCorpus(ctx, many, nil); !errors.Is(err, context.Canceled) {
		t.Fatalf("SetCorpus(canceled) = %v, want context.Canceled", err)
	}
	if got := ask(t, b, "sources").Text; got != "4 articles loaded." {
		t.Errorf("after a canceled SetCorpus, sources.Text = %q, want the old corpus", got)
	}
}

func TestNewIndexMismatch(t *testing.T) {
	arts, ans := fixture()
	for _, tt := range []struct {
		name string
		ans  []*summarize.Analysis
	}{
		{"short", ans[:2]},
		{"nil", append(ans[:3:3], nil)},
	} {
		if _, err := bot.NewIndex(arts, tt.ans, nil); !errors.Is(err, bot.ErrMismatch) {
			t.Errorf("NewIndex(%s) = %v, want ErrMismatch", tt.name, err)
		}
	}
}

// TestCommands checks the registry: unique names, usage and help for
// each, and that Line gives text the router sends back to the command.
func TestCommands(t *testing.T) {
	b := newBot(t, time.Time{})
	seen := map[string]bool{}
	for _, c := range b.Commands() {
		if seen[c.Name] || c.Usage == "" || c.Help == "" || !strings.HasPrefix(c.Usage, c.Name) {
			t.Errorf("bad command %+v", c)
		}
		seen[c.Name] = true
		if c.ArgRequired && c.Arg == "" {
			t.Errorf("%s: argument required but unnamed", c.Name)
		}
	}
	lines := map[string]string{
		"what did":        "What Donald Trump said",
		"who said what":   "Who said what about “Trump”",
		"deadline status": "Deadline status: “Trump”",
		"search":          "Search: “Trump”",
		"summary":         "Summary: “Trump”",
		"timeline":        "Timeline: “Trump”",
	}
	for _, c := range b.Commands() {
		if want, ok := lines[c.Name]; ok {
			if got := ask(t, b, c.Line("Trump")).Title; got != want {
				t.Errorf("Line(%q) = %q answered %q, want %q", "Trump", c.Line("Trump"), got, want)
			}
		}
	}
}

func TestMorePagesThroughALongAnswer(t *testing.T) {
	var arts []corpus.Article
	var ans []*summarize.Analysis
	for i := range 60 {
		id := fmt.Sprintf("a%02d", i)
		arts = append(arts, corpus.Article{ID: id, Title: "Story " + id, Published: time.Date(2025, 1, 1+i%28, 0, 0, 0, 0, time.UTC)})
		ans = append(ans, &summarize.Analysis{ArticleID: id,
			Sentences: []summarize.Sentence{{Text: "Speaker " + id + " said it."}},
			People:    []summarize.Person{{Name: "Speaker " + id, Sentences: []int{0}}},
			Quotes:    []summarize.Quote{{Speaker: "Speaker " + id, Text: "statement " + id, Kind: summarize.Reported}}})
	}
	ix, err := bot.NewIndex(arts, ans, nil)
	if err != nil {
		t.Fatal(err)
	}
	b := bot.New(bot.Options{})
	b.SetIndex(ix)
	alice := bot.Message{Platform: "console", Channel: "c", User: "alice"}
	bob := bot.Message{Platform: "console", Channel: "c", User: "bob"}
	say := func(m bot.Message, text string) bot.Reply {
		t.Helper()
		m.Text = text
		rs, err := b.Handle(t.Context(), m)
		if err != nil || len(rs) != 1 {
			t.Fatalf("Handle(%q) = %d replies, %v", text, len(rs), err)
		}
		return rs[0]
	}
	seen := map[string]bool{}
	collect := func(r bot.Reply) {
		for _, s := range r.Sections {
			for _, it := range s.Items {
				seen[it.Text] = true
			}
		}
	}
	first := say(alice, "sources")
	collect(first)
	if !strings.Contains(first.Footer, "Say `more`") {
		t.Fatalf("first page footer = %q, want a pointer to `more`", first.Footer)
	}
	if r := say(bob, "more"); r.Title != "Nothing more" {
		t.Errorf("bob's `more` got %q: pages belong to the conversation that asked", r.Title)
	}
	for range 10 {
		r := say(alice, "more")
		if r.Title == "Nothing more" {
			break
		}
		collect(r)
	}
	for i := range 60 {
		want := fmt.Sprintf("Story a%02d", i)
		found := false
		for k := range seen {
			found = found || strings.Contains(k, want)
		}
		if !found {
			t.Errorf("%q never listed: a long answer must be paged, not cut", want)
		}
	}
	if r := say(alice, "more"); r.Title != "Nothing more" {
		t.Errorf("`more` after the last page = %q, want Nothing more", r.Title)
	}
}
