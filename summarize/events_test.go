package summarize

import (
	"reflect"
	"testing"
	"time"
)

// evWant is one expected event: sentence, first day, precision, phrase.
type evWant struct {
	sent   int
	when   string
	prec   Precision
	phrase string
}

func TestFindEvents(t *testing.T) {
	tests := []struct {
		name  string
		pub   time.Time
		sents []string
		want  []evWant
	}{
		{"months relative to the published date", timexPub, []string{
			"Last February, the United States sided with Russia at the UN.",
			"It opposed a resolution put forward by Europe.",
			"That same month, Trump and Putin discussed visiting each other's countries.",
			"He visited four times in just two months.",
			"Then, last April, a Russian newspaper wrote about it.",
			"Last month, US President Trump gave Russian President Putin a 50-day deadline.",
			"The deadline ends this week.",
		}, []evWant{
			{0, "2025-02-01", Month, "Last February"},
			{2, "2025-02-01", Month, "That same month"},
			{4, "2025-04-01", Month, "last April"},
			{5, "2025-07-01", Month, "Last month"},
			{6, "2025-08-04", Week, "this week"},
		}},
		{"a reference needs an earlier event", timexPub, []string{
			"That same month, it rained.",
		}, nil},
		{"a reference cannot be finer than its antecedent", timexPub, []string{
			"In 2004, he fell ill.", "That same month, he resigned.",
		}, []evWant{{0, "2004-01-01", Year, "2004"}}},
		{"the following day", timexPub, []string{
			"On July 2, Apple blamed a software bug.", "The following day, it apologised.",
		}, []evWant{{0, "2025-07-02", Day, "July 2"}, {1, "2025-07-03", Day, "The following day"}}},
		{"the first expression dates the sentence", timexPub, []string{
			"Papermaster had been with Apple since November 2008, but a judge barred him until April 2009.",
		}, []evWant{{0, "2008-11-01", Month, "November 2008"}}},
		{"durations alone are not events", timexPub, []string{
			"He worked there for 25 years.", "The talks lasted a fortnight.",
		}, nil},
		{"future events count", timexPub, []string{
			"The first referendum is to be held from November 20 to December 11.",
		}, []evWant{{0, "2025-11-20", Day, "November 20"}}},
		{"no published date: only absolute dates", time.Time{}, []string{
			"Last month, he gave a speech.",
			"On September 21, 2004 the parties agreed.",
			"That same month, they signed.",
			"Yesterday, it rained.",
		}, []evWant{{1, "2004-09-21", Day, "September 21, 2004"}, {2, "2004-09-01", Month, "That same month"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sents := timeSentences(tt.sents...)
			var got []evWant
			for _, e := range findEvents(sents, tt.pub) {
				got = append(got, evWant{e.Sentence, e.When.Format("2006-01-02"), e.Precision, e.Phrase})
				if e.Text != sents[e.Sentence].Text {
					t.Errorf("findEvents: event text %q, want sentence %d %q", e.Text, e.Sentence, sents[e.Sentence].Text)
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("findEvents(%q) = %v, want %v", tt.sents, got, tt.want)
			}
		})
	}
}

// TestFindEventsSeed checks the dated statements of the seed article.
func TestFindEventsSeed(t *testing.T) {
	sents, pub := readTimeSentences(t, "testdata/deadlines_seed.txt")
	var got []evWant
	for _, e := range findEvents(sents, pub) {
		got = append(got, evWant{e.Sentence, e.When.Format("2006-01-02"), e.Precision, e.Phrase})
	}
	want := []evWant{
		{18, "2025-02-01", Month, "Last February"},
		{20, "2025-02-01", Month, "That same month"},
		{27, "2025-04-01", Month, "last April"},
		{46, "2025-07-01", Month, "Last month"},
		{48, "2025-08-04", Week, "this week"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("findEvents(seed) = %v, want %v", got, want)
	}
}
