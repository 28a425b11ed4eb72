package bot

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/summarize"
)

// clock is the fixed question time of these tests.
var clock = time.Date(2025, 8, 11, 9, 30, 0, 0, time.UTC)

func day0(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// report is one article of a merge case: its date, outlet and deadlines.
type report struct {
	pub, outlet string
	people      []summarize.Person
	ds          []summarize.Deadline
}

// indexOf builds an index of one article per report, IDs a0, a1, ...
func indexOf(t *testing.T, rs []report) *Index {
	t.Helper()
	var arts []corpus.Article
	var ans []*summarize.Analysis
	for i, r := range rs {
		id := fmt.Sprintf("a%d", i)
		a := corpus.Article{ID: id, Title: "Story " + id, Source: r.outlet, Published: day0(r.pub)}
		arts = append(arts, a)
		ans = append(ans, &summarize.Analysis{ArticleID: id, Published: a.Published, People: r.people, Deadlines: r.ds})
	}
	ix, err := NewIndex(arts, ans, nil)
	if err != nil {
		t.Fatal(err)
	}
	return ix
}

var donald = summarize.Person{Name: "Donald Trump", Aliases: []string{"Trump"}}

func rev(length int, due string, prec summarize.Precision, setOn string) summarize.Revision {
	r := summarize.Revision{LengthDays: length, Precision: prec}
	if due != "" {
		r.Due = day0(due)
	}
	if setOn != "" {
		r.SetOn, r.SetOnPrecision = day0(setOn), summarize.Day
	}
	return r
}

func dl(by, target, demand string, revs ...summarize.Revision) summarize.Deadline {
	last := revs[len(revs)-1]
	return summarize.Deadline{SetBy: by, Target: target, Demand: demand, Due: last.Due, Precision: last.Precision, History: revs}
}

// TestMergeDeadlines checks when reports in several articles are one
// deadline, and the history the merged record tells.
func TestMergeDeadlines(t *testing.T) {
	fifty := rev(50, "2025-09-02", summarize.Day, "2025-07-14")
	ten := rev(10, "2025-08-08", summarize.Day, "2025-07-29")
	tests := []struct {
		name    string
		reports []report
		n       int    // merged records
		history string // of the latest-filed record
	}{
		{"a surname is the full name; the latest state wins", []report{
			{"2025-07-14", "Desk", []summarize.Person{donald}, []summarize.Deadline{dl("Trump", "Russia", "end the war", fifty)}},
			{"2025-07-29", "Wire", []summarize.Person{donald}, []summarize.Deadline{dl("Donald Trump", "Russia", "end the war in Ukraine", fifty, ten)}},
		}, 1, "set at 50 days on 14 Jul 2025 (Desk) (due 2 Sep 2025, superseded); cut to 10 days on 29 Jul 2025 (Wire); due by 8 Aug 2025 — passed 3 days ago"},
		{"newer article indexed first: still date order", []report{
			{"2025-07-29", "Wire", []summarize.Person{donald}, []summarize.Deadline{dl("Donald Trump", "Russia", "end the war", ten)}},
			{"2025-07-14", "Desk", []summarize.Person{donald}, []summarize.Deadline{dl("Trump", "Russia", "end the war", fifty)}},
		}, 1, "set at 50 days on 14 Jul 2025 (Desk) (due 2 Sep 2025, superseded); cut to 10 days on 29 Jul 2025 (Wire); due by 8 Aug 2025 — passed 3 days ago"},
		{"a shared state joins another name for the target", []report{
			{"2025-07-14", "Desk", []summarize.Person{donald}, []summarize.Deadline{dl("Trump", "Russia", "end the war", fifty)}},
			{"2025-07-29", "Wire", []summarize.Person{donald}, []summarize.Deadline{dl("Trump", "Vladimir Putin", "stop fighting", fifty, ten)}},
		}, 1, "set at 50 days on 14 Jul 2025 (Desk) (due 2 Sep 2025, superseded); cut to 10 days on 29 Jul 2025 (Wire); due by 8 Aug 2025 — passed 3 days ago"},
		{"different setters", []report{
			{"2025-07-14", "Desk", nil, []summarize.Deadline{dl("the EU", "Greece", "accept the terms", fifty)}},
			{"2025-07-29", "Wire", nil, []summarize.Deadline{dl("the IMF", "Greece", "accept the terms", fifty)}},
		}, 2, "set at 50 days on 14 Jul 2025; due by 2 Sep 2025 — 22 days left"},
		{"same parties a year apart", []report{
			{"2024-07-14", "Desk", nil, []summarize.Deadline{dl("the EU", "Greece", "accept the terms", rev(50, "2024-09-02", summarize.Day, "2024-07-14"))}},
			{"2025-07-14", "Desk", nil, []summarize.Deadline{dl("the EU", "Greece", "accept the terms", fifty)}},
		}, 2, "set at 50 days on 14 Jul 2025; due by 2 Sep 2025 — 22 days left"},
		{"same parties, nothing in common", []report{
			{"2025-07-14", "Desk", nil, []summarize.Deadline{dl("the EU", "Greece", "accept the terms", fifty)}},
			{"2025-07-20", "Desk", nil, []summarize.Deadline{dl("the EU", "Greece", "repay loans", rev(30, "2025-08-19", summarize.Day, "2025-07-20"))}},
		}, 2, "set at 30 days on 20 Jul 2025; due by 19 Aug 2025 — 8 days left"},
		{"no setter: a shared dated state and word", []report{
			{"2025-06-01", "Desk", nil, []summarize.Deadline{dl("", "", "deliver the jets", rev(0, "2025-10-31", summarize.Month, "2025-06-01"))}},
			{"2025-08-01", "Desk", nil, []summarize.Deadline{dl("", "", "jets delivered", rev(0, "2025-10-15", summarize.Day, ""))}},
		}, 1, "set on 1 Jun 2025; due by 15 Oct 2025 — 65 days left (about 2 months)"},
		{"no setter, no shared word", []report{
			{"2025-06-01", "Desk", nil, []summarize.Deadline{dl("", "", "deliver the jets", rev(0, "2025-10-31", summarize.Month, "2025-06-01"))}},
			{"2025-08-01", "Desk", nil, []summarize.Deadline{dl("", "", "file the accounts", rev(0, "2025-10-31", summarize.Month, ""))}},
		}, 2, "due October 2025 — 81 days left (about 3 months)"},
		{"an estimated statement date", []report{
			{"2025-08-06", "Desk", nil, []summarize.Deadline{dl("the court", "the firm", "pay", summarize.Revision{LengthDays: 30,
				Due: day0("2025-09-05"), Precision: summarize.Day, SetOn: day0("2025-08-06"), SetOnPrecision: summarize.Day, Approx: true})}},
		}, 1, "set at 30 days on ~6 Aug 2025; due by 5 Sep 2025 — 25 days left"},
		{"a cut without a date, then no due date", []report{
			{"2025-08-06", "Desk", nil, []summarize.Deadline{dl("the court", "the firm", "pay",
				summarize.Revision{LengthDays: 50, Due: day0("2025-09-19"), Precision: summarize.Month, SetOn: day0("2025-07-01"), SetOnPrecision: summarize.Month},
				summarize.Revision{LengthDays: 10})}},
		}, 1, "set at 50 days in July 2025 (due September 2025, superseded); cut to 10 days (date not given); no due date given"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ix := indexOf(t, tt.reports)
			if len(ix.deadlines) != tt.n {
				t.Fatalf("NewIndex: %d deadlines, want %d", len(ix.deadlines), tt.n)
			}
			if got := ix.history(&ix.deadlines[0], clock); got != tt.history {
				t.Errorf("history =\n%s\nwant\n%s", got, tt.history)
			}
		})
	}
}

// TestDeadlineOrder checks that open deadlines come first, soonest first,
// then passed ones, most recent first, then undated ones, and that none is
// left out however many there are.
func TestDeadlineOrder(t *testing.T) {
	var ds []summarize.Deadline
	for i, due := range []string{"2025-08-21", "", "2025-07-01", "2025-08-12", "2025-08-09", "2025-08-11"} {
		r := summarize.Revision{Precision: summarize.Day}
		if due != "" {
			r.Due = day0(due)
		}
		ds = append(ds, dl(fmt.Sprintf("Setter%d", i), "", "", r))
	}
	for i := range 40 {
		ds = append(ds, dl(fmt.Sprintf("Bulk%d", i), "", "", rev(0, "2024-01-01", summarize.Day, "")))
	}
	ix := indexOf(t, []report{{"2025-06-01", "Desk", nil, ds}})
	r := deadlineStatus(nil, ix, request{}, clock)
	var got []string
	for _, s := range r.Sections {
		if !strings.Contains(s.Heading, "Bulk") {
			got = append(got, strings.TrimPrefix(s.Heading, "Set by "))
		}
	}
	want := []string{"Setter5", "Setter3", "Setter0", "Setter4", "Setter2", "Setter1"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("deadline status order = %v, want %v", got, want)
	}
	if len(r.Sections) != len(ds) {
		t.Errorf("deadline status lists %d deadlines, want all %d", len(r.Sections), len(ds))
	}
	if !strings.HasPrefix(r.Text, "As of 11 Aug 2025: 46 deadlines (3 open, 42 passed, 1 with no due date).") {
		t.Errorf("lead = %q", r.Text)
	}
}
