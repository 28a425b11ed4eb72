package summarize

import (
	"os"
	"reflect"
	"strings"
	"testing"
	"time"
)

// timeSentences builds sentences from texts, joined by single spaces, with
// their byte offsets; tests use it so they do not depend on the splitter.
func timeSentences(texts ...string) []Sentence {
	var out []Sentence
	off := 0
	for _, t := range texts {
		out = append(out, Sentence{Text: t, Start: off, End: off + len(t)})
		off += len(t) + 1
	}
	return out
}

// readTimeSentences reads a testdata file of one sentence per line; a
// "# published: YYYY-MM-DD" line gives the published date, other "#"
// lines are comments.
func readTimeSentences(t *testing.T, path string) ([]Sentence, time.Time) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	var pub time.Time
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "# published:"); ok {
			if pub, err = time.Parse("2006-01-02", strings.TrimSpace(v)); err != nil {
				t.Fatal(err)
			}
		} else if line != "" && !strings.HasPrefix(line, "#") {
			texts = append(texts, line)
		}
	}
	return timeSentences(texts...), pub
}

func mustDay(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// TestDeadlinesSeed checks the seed article exactly: one deadline, set
// last month for 50 days, cut to 10 days, ending this week.
func TestDeadlinesSeed(t *testing.T) {
	sents, pub := readTimeSentences(t, "testdata/deadlines_seed.txt")
	reg := newRegistry(sents)
	setBy, target := "Donald Trump", "Vladimir Putin" // resolved from "US President Trump", "Russian President Putin"
	got := findDeadlines(sents, reg, pub)
	want := []Deadline{{
		SetBy: setBy, Target: target, Demand: "stop the war", Consequence: "sanctions and tariffs",
		Due: mustDay("2025-08-08"), Precision: Week,
		History: []Revision{
			{LengthDays: 50, Due: mustDay("2025-09-19"), Precision: Month, SetOn: mustDay("2025-07-01"),
				SetOnPrecision: Month, Evidence: "a 50-day deadline", Sentence: 46},
			{LengthDays: 10, Due: mustDay("2025-08-08"), Precision: Week,
				Evidence: "he reduced it to 10 days", Sentence: 47},
		},
		Evidence: "The deadline ends this week.", Sentence: 48,
	}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("findDeadlines(seed) =\n%+v\nwant\n%+v", got, want)
	}
}

// dlWant is the expected latest state of one deadline.
type dlWant struct {
	due           string // YYYY-MM-DD or ""
	prec          Precision
	setBy, target string
	demand, cons  string
	lengths       []int // LengthDays of each revision
}

func TestDeadlines(t *testing.T) {
	tests := []struct {
		name  string
		sents []string
		want  []dlWant
	}{
		{"expires on weekday", []string{"The ultimatum expires on Friday."},
			[]dlWant{{"2025-08-08", Day, "", "", "", "", []int{0}}}},
		{"gave until", []string{"The EU gave Greece until Sunday to accept the terms or face expulsion."},
			[]dlWant{{"2025-08-10", Day, "EU", "Greece", "accept the terms", "expulsion", []int{0}}}},
		{"has N days, present tense", []string{"Iran has 30 days to respond, officials say."},
			[]dlWant{{"2025-09-05", Day, "", "", "respond", "", []int{30}}}},
		{"has given N days", []string{"Trump has given Putin 10 days to end the war."},
			[]dlWant{{"2025-08-16", Day, "Trump", "Putin", "end the war", "", []int{10}}}},
		{"due by", []string{"Applications are due by March 31."},
			[]dlWant{{"2026-03-31", Day, "", "", "", "", []int{0}}}},
		{"end of the month", []string{"The offer expires at the end of the month."},
			[]dlWant{{"2025-08-31", Month, "", "", "", "", []int{0}}}},
		{"until the end of the year", []string{"The company has until the end of the year to file its accounts."},
			[]dlWant{{"2025-12-31", Year, "", "", "file its accounts", "", []int{0}}}},
		{"obligation by", []string{"Parliament must approve the budget by Friday."},
			[]dlWant{{"2025-08-08", Day, "", "", "", "", []int{0}}}},
		{"no later than", []string{"Tenants must leave no later than October 1."},
			[]dlWant{{"2025-10-01", Day, "", "", "", "", []int{0}}}},
		{"abbreviated month", []string{"Lawmakers have until Sept. 30 to pass a spending bill."},
			[]dlWant{{"2025-09-30", Day, "", "", "pass a spending bill", "", []int{0}}}},
		{"deadline of date", []string{"The union set a deadline of August 15 for a deal."},
			[]dlWant{{"2025-08-15", Day, "The union", "", "", "", []int{0}}}},
		{"restated", []string{"The deadline is Friday."},
			[]dlWant{{"2025-08-08", Day, "", "", "", "", []int{0}}}},
		{"window", []string{"Voting runs from November 20 to December 11."},
			[]dlWant{{"2025-12-11", Day, "", "", "", "", []int{0}}}},
		{"past court order", []string{"A federal judge barred him from working until April 2009."},
			[]dlWant{{"2009-04-30", Month, "A federal judge", "", "", "", []int{0}}}},
		{"originally due, delayed", []string{"Delivery, originally due later this year, will be delayed until October 2026."},
			[]dlWant{{"2026-10-31", Month, "", "", "", "", []int{0, 0}}}},
		{"extended to a date", []string{"On Monday, the minister extended the deadline to September 30."},
			[]dlWant{{"2025-09-30", Day, "the minister", "", "", "", []int{0}}}},
		{"passive give", []string{"Rebels were given 48 hours to leave the city."},
			[]dlWant{{"2025-08-08", Day, "", "Rebels", "leave the city", "", []int{2}}}}, // runs from the published day
		{"past order within", []string{"The court ordered the company to pay the fine within 30 days."},
			[]dlWant{{"2025-09-05", Day, "The court", "the company", "", "", []int{30}}}},
		{"revision merges, restatement merges", []string{
			"The EU gave Greece until Sunday to accept the terms.",
			"Greece has until Sunday to accept the terms.",
			"On Thursday, the EU extended the deadline to Wednesday.",
		}, []dlWant{{"2025-08-06", Day, "EU", "Greece", "accept the terms", "", []int{0, 0}}}},
		{"extended by", []string{
			"On Monday, the government gave the company a two-week deadline to fix the flaw.",
			"It later extended the deadline by 10 days.",
		}, []dlWant{{"2025-08-28", Day, "the government", "the company", "fix the flaw", "", []int{14, 24}}}},
		{"revision too far back is a new deadline", []string{
			"The union set a deadline of August 15 for a deal.", "Talks went on.", "Both sides met.",
			"Nobody spoke.", "Then it was over.", "Later, the board moved it to August 29.",
		}, []dlWant{{"2025-08-15", Day, "The union", "", "", "", []int{0}}, {"2025-08-29", Day, "the board", "", "", "", []int{0}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sents := timeSentences(tt.sents...)
			got := findDeadlines(sents, newRegistry(sents), timexPub)
			if len(got) != len(tt.want) {
				t.Fatalf("findDeadlines(%q) = %+v, want %d deadlines", tt.sents, got, len(tt.want))
			}
			for i, w := range tt.want {
				g := got[i]
				due := ""
				if !g.Due.IsZero() {
					due = g.Due.Format("2006-01-02")
				}
				var lengths []int
				for _, r := range g.History {
					lengths = append(lengths, r.LengthDays)
				}
				gw := dlWant{due, g.Precision, g.SetBy, g.Target, g.Demand, g.Consequence, lengths}
				if !reflect.DeepEqual(gw, w) {
					t.Errorf("findDeadlines(%q)[%d] = %+v, want %+v", tt.sents, i, gw, w)
				}
			}
		})
	}
}

// TestDeadlinesNone lists sentences that state no deadline.
func TestDeadlinesNone(t *testing.T) {
	for _, s := range []string{
		"Trump is setting deadlines, issuing warnings and threatening sanctions.",
		"Nina Khrushcheva said Trump has changed the deadline so many times.",
		"Visas were denied until last week.",
		"Due to the ban, airlines stopped flights.",
		"The trial is due to begin on Wednesday.",
		"The report was finished by Friday.",
		"Within two days, he had resigned.",
		"Ford aims to cut 10,000 jobs by 2008.",
		"Workers will be paid until Ford negotiates a new contract.",
		"Putin will continue the war as long as he can, or until Ukraine gets tired.",
		"The company's sales fell in 2005, a decline of 29% on the year before.",
	} {
		sents := timeSentences(s)
		if got := findDeadlines(sents, newRegistry(sents), timexPub); len(got) != 0 {
			t.Errorf("findDeadlines(%q) = %+v, want none", s, got)
		}
	}
}

// TestDeadlinesOptions measures the bare "by DATE" rule both ways.
func TestDeadlinesOptions(t *testing.T) {
	sents := timeSentences("Ford aims to cut 10,000 jobs by 2008.")
	if got := findDeadlinesWith(sents, newRegistry(sents), timexPub, dlOptions{}); len(got) != 0 {
		t.Errorf("findDeadlinesWith(default) = %+v, want none", got)
	}
	got := findDeadlinesWith(sents, newRegistry(sents), timexPub, dlOptions{bareBy: true})
	if len(got) != 1 || !got[0].Due.Equal(mustDay("2008-12-31")) || got[0].Precision != Year {
		t.Errorf("findDeadlinesWith(bareBy) = %+v, want one due 2008-12-31, year", got)
	}
}

// TestDeadlinesNoAnchor checks that a zero published date leaves relative
// due dates unresolved and keeps absolute ones.
func TestDeadlinesNoAnchor(t *testing.T) {
	tests := []struct {
		sent, due string
	}{
		{"Last month, the president gave the rebels a 50-day deadline to disarm.", ""},
		{"The offer is free until September 30.", ""},
		{"The deadline ends this week.", ""},
		{"A judge barred him from working until April 2009.", "2009-04-30"},
	}
	for _, tt := range tests {
		sents := timeSentences(tt.sent)
		got := findDeadlines(sents, newRegistry(sents), time.Time{})
		if len(got) != 1 {
			t.Errorf("findDeadlines(%q, zero) = %+v, want one deadline", tt.sent, got)
			continue
		}
		due := ""
		if !got[0].Due.IsZero() {
			due = got[0].Due.Format("2006-01-02")
		}
		if due != tt.due {
			t.Errorf("findDeadlines(%q, zero) due = %q, want %q", tt.sent, due, tt.due)
		}
	}
}
