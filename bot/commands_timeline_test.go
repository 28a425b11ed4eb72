package bot

import (
	"fmt"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/summarize"
)

// TestTimelineOrder checks that the events of a story come out in date
// order whatever the order of its articles, those of one date in article
// then sentence order, and that a long timeline is never cut.
func TestTimelineOrder(t *testing.T) {
	ev := func(when string, p summarize.Precision, text string, sent int) summarize.Event {
		return summarize.Event{When: day0(when), Precision: p, Phrase: "x", Text: text, Sentence: sent}
	}
	tests := []struct {
		name string
		arts [][]summarize.Event // one article each, published a week apart in reverse
		want []string
	}{
		{"a story told backwards", [][]summarize.Event{
			{ev("2011-10-05", summarize.Day, "He died.", 0), ev("2011-08-24", summarize.Day, "He resigned in August.", 1)},
			{ev("2011-01-17", summarize.Day, "He took leave.", 0), ev("2004-01-01", summarize.Year, "He fell ill in 2004.", 1)},
		}, []string{"2004 — He fell ill in 2004.", "2011-01-17 — He took leave.", "2011-08-24 — He resigned in August.", "2011-10-05 — He died."}},
		{"one date: older article first, then sentence order", [][]summarize.Event{
			{ev("2025-02-01", summarize.Month, "Newer report.", 0)},
			{ev("2025-02-01", summarize.Month, "Older report, first.", 0), ev("2025-02-01", summarize.Month, "Older report, second.", 1)},
		}, []string{"2025-02 — Older report, first.", "2025-02 — Older report, second.", "2025-02 — Newer report."}},
		{"a year sorts before its months, a month before its days", [][]summarize.Event{
			{ev("2025-03-14", summarize.Day, "Day.", 0), ev("2025-03-01", summarize.Month, "Month.", 1), ev("2025-01-01", summarize.Year, "Year.", 2)},
		}, []string{"2025 — Year.", "2025-03 — Month.", "2025-03-14 — Day."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var arts []corpus.Article
			var ans []*summarize.Analysis
			for i, evs := range tt.arts {
				id := fmt.Sprintf("a%d", i)
				a := corpus.Article{ID: id, Title: id, Published: day0("2025-12-31").AddDate(0, 0, -7*i)}
				arts = append(arts, a)
				ans = append(ans, &summarize.Analysis{ArticleID: id, Published: a.Published, Events: evs})
			}
			ix, err := NewIndex(arts, ans, nil)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, it := range timeline(nil, ix, request{}, clock).Sections[0].Items {
				got = append(got, it.Text)
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("timeline =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
	t.Run("never cut", func(t *testing.T) {
		var evs []summarize.Event
		for i := range 90 {
			evs = append(evs, ev("2025-01-01", summarize.Day, fmt.Sprintf("Event %d.", i), i))
		}
		ix, err := NewIndex([]corpus.Article{{ID: "a", Title: "a"}}, []*summarize.Analysis{{ArticleID: "a", Events: evs}}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if r := timeline(nil, ix, request{}, clock); len(r.Sections[0].Items) != 90 || r.Text != "90 events, oldest first." {
			t.Errorf("timeline of 90 events = %d items, %q", len(r.Sections[0].Items), r.Text)
		}
	})
}
