package summarize

import (
	"encoding/json"
	"testing"
	"time"
)

// TestStoryRefsJSON checks that a story's quotes, deadlines and events,
// which point at their analyses' records, encode as the copies they
// replaced did (the record's fields after Article), and that a nil record
// encodes as Article alone rather than failing.
func TestStoryRefsJSON(t *testing.T) {
	when := time.Date(2025, 7, 14, 0, 0, 0, 0, time.UTC)
	q := Quote{Speaker: "Jorge Mendes", Mention: "Mendes", Role: "union leader", Text: "We are not against machines", Kind: Direct, Cue: "said", Sentence: 3}
	d := Deadline{SetBy: "the port authority", Target: "the union", Demand: "return to work", Due: when, Precision: Day,
		History: []Revision{{Due: when, Precision: Day, Evidence: "by Monday", Sentence: 2}}, Evidence: "by Monday", Sentence: 2}
	e := Event{When: when, Precision: Day, Phrase: "on Monday", Text: "Dockers walked out on Monday.", Sentence: 1}
	tests := []struct {
		name      string
		got, want any
	}{
		{"quote", StoryQuote{Article: 4, Quote: &q}, struct {
			Article int
			Quote
		}{4, q}},
		{"deadline", StoryDeadline{Article: 5, Deadline: &d}, struct {
			Article int
			Deadline
		}{5, d}},
		{"event", StoryEvent{Article: 6, Event: &e}, struct {
			Article int
			Event
		}{6, e}},
		{"nil quote", StoryQuote{Article: 7}, struct{ Article int }{7}},
		{"nil deadline", StoryDeadline{Article: 8}, struct{ Article int }{8}},
		{"nil event", StoryEvent{Article: 9}, struct{ Article int }{9}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := json.Marshal(tt.got)
			if err != nil {
				t.Fatal(err)
			}
			want, err := json.Marshal(tt.want)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != string(want) {
				t.Errorf("JSON = %s\nwant %s", got, want)
			}
		})
	}
}

// TestStoryRefsShared checks that a merged story's quotes, deadlines and
// events are its analyses' own records, not copies.
func TestStoryRefsShared(t *testing.T) {
	arts, ans, _ := loadStorySet(t)
	var quotes, deadlines, events int
	for _, st := range Stories(arts, ans) {
		for _, q := range st.Quotes {
			if !within(ans[q.Article].Quotes, q.Quote) {
				t.Fatalf("story %s: quote %q is not its analysis's record", st.ID, q.Text)
			}
			quotes++
		}
		for _, d := range st.Deadlines {
			if !within(ans[d.Article].Deadlines, d.Deadline) {
				t.Fatalf("story %s: deadline %q is not its analysis's record", st.ID, d.Demand)
			}
			deadlines++
		}
		for _, e := range st.Events {
			if !within(ans[e.Article].Events, e.Event) {
				t.Fatalf("story %s: event %q is not its analysis's record", st.ID, e.Text)
			}
			events++
		}
	}
	if quotes == 0 || deadlines == 0 || events == 0 {
		t.Errorf("%d quotes, %d deadlines, %d events in the story set's stories: want some of each", quotes, deadlines, events)
	}
}

// within reports whether p points at an element of xs.
func within[T any](xs []T, p *T) bool {
	for i := range xs {
		if &xs[i] == p {
			return true
		}
	}
	return false
}
