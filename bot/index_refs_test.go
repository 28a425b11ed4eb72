package bot

import (
	"cmp"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/summarize"
)

// copiedEvent is an event as the index filed it before it kept references:
// the article and a copy of the record.
type copiedEvent struct {
	art int
	e   summarize.Event
}

// referenceEvents is the event order before references: every dated event
// copied, stably sorted by date then by its article's publication.
func referenceEvents(ix *Index) []copiedEvent {
	var out []copiedEvent
	for i, an := range analysesOf(ix) {
		for _, e := range an.Events {
			if !e.When.IsZero() {
				out = append(out, copiedEvent{art: i, e: e})
			}
		}
	}
	slices.SortStableFunc(out, func(a, b copiedEvent) int {
		return cmp.Or(a.e.When.Compare(b.e.When), -laterFirst(ix.arts[a.art].Published, ix.arts[b.art].Published))
	})
	return out
}

// checkEvents compares the index's events with referenceEvents, and
// articleEvents with the events of each article in that order.
func checkEvents(t *testing.T, ix *Index) {
	t.Helper()
	want := referenceEvents(ix)
	if len(ix.events) != len(want) {
		t.Fatalf("%d events filed, want %d", len(ix.events), len(want))
	}
	of := make([][]int32, len(ix.arts))
	for id, w := range want {
		if got := ix.event(id); ix.eventArt(id) != w.art || *got != w.e {
			t.Fatalf("event %d: article %d %+v, want article %d %+v", id, ix.eventArt(id), *got, w.art, w.e)
		}
		of[w.art] = append(of[w.art], int32(id))
	}
	ae := ix.articleEvents()
	for a := range ix.arts {
		if got := ae.of(a); !slices.Equal(got, of[a]) {
			t.Errorf("events of article %d: %v, want %v", a, got, of[a])
		}
	}
}

// TestEventsOrder checks the event references against the order events
// were filed in as copies, on a generated corpus and on dates chosen to
// tie: equal dates, nanoseconds apart, before 1970, undated articles.
func TestEventsOrder(t *testing.T) {
	t.Run("generated", func(t *testing.T) {
		checkEvents(t, generatedIndex(t, 200))
	})
	t.Run("ties", func(t *testing.T) {
		day := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
		whens := []time.Time{
			day, day, day.Add(time.Nanosecond), day.Add(-time.Nanosecond), {},
			time.Date(1960, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(1960, 1, 1, 0, 0, 0, 0, time.FixedZone("x", 3600)),
			day.In(time.FixedZone("y", -7200)), time.Date(2025, 2, 28, 23, 0, 0, 0, time.FixedZone("z", -3600)),
		}
		pubs := []time.Time{{}, day, day.AddDate(0, 0, -3), {}, day.AddDate(0, 0, -3), day.Add(time.Nanosecond), time.Date(1969, 12, 31, 0, 0, 0, 0, time.UTC)}
		var arts []corpus.Article
		var ans []*summarize.Analysis
		for a, pub := range pubs {
			an := &summarize.Analysis{ArticleID: fmt.Sprint("a", a), Published: pub}
			for k := range 5 {
				w := whens[(a*3+k)%len(whens)]
				an.Events = append(an.Events, summarize.Event{When: w, Precision: summarize.Day, Text: fmt.Sprintf("event %d of %d", k, a), Sentence: k})
			}
			arts = append(arts, corpus.Article{ID: an.ArticleID, Title: "Article " + an.ArticleID, Published: pub, Body: "Text."})
			ans = append(ans, an)
		}
		ix, err := NewIndex(arts, ans, nil)
		if err != nil {
			t.Fatal(err)
		}
		checkEvents(t, ix)
	})
}

// TestSpeakerQuotes checks the speakers and their quote ranges against
// filing each quote as it is read (newest article first) with a list per
// speaker, as the index did before it numbered quotes speaker by speaker.
func TestSpeakerQuotes(t *testing.T) {
	ix := generatedIndex(t, 300)
	nb := newNameBook()
	for _, an := range analysesOf(ix) {
		for _, p := range an.People {
			nb.add(p.Name, p.Aliases, p.Org, p.Description)
		}
	}
	nb.merge()
	type filed struct {
		name, desc string
		quotes     []quoteRef
	}
	var want []filed
	bySpeaker := map[string]int{}
	for _, i := range ix.byDate {
		for k, q := range ix.an(i).Quotes {
			key := nb.resolve(q.Speaker)
			if key == "" {
				continue
			}
			s, ok := bySpeaker[key]
			if !ok {
				s = len(want)
				bySpeaker[key] = s
				want = append(want, filed{name: nb.display[key], desc: cmp.Or(nb.desc[key], q.Role)})
			}
			want[s].quotes = append(want[s].quotes, quoteRef{art: int32(i), i: int32(k)})
		}
	}
	if len(ix.speakers) != len(want) || len(want) < 20 {
		t.Fatalf("%d speakers, want %d (at least 20 to exercise the grouping)", len(ix.speakers), len(want))
	}
	next := 0
	for s, w := range want {
		sp := ix.speakers[s]
		if sp.name != w.name || sp.desc != w.desc || int(sp.first) != next {
			t.Fatalf("speaker %d: %q %q from %d, want %q %q from %d", s, sp.name, sp.desc, sp.first, w.name, w.desc, next)
		}
		var got []quoteRef
		for id := sp.first; id < sp.first+sp.n; id++ {
			got = append(got, ix.quoteRef(int(id)))
		}
		if !slices.Equal(got, w.quotes) {
			t.Fatalf("speaker %d (%s): quotes %v, want %v", s, sp.name, got, w.quotes)
		}
		for _, id := range sp.quotes() {
			if got := ix.speakerOf(int32(id)); got != int32(s) {
				t.Fatalf("quote %d: speaker %d, want %d", id, got, s)
			}
		}
		next += len(w.quotes)
	}
	if next != len(ix.quotes) {
		t.Fatalf("%d quotes filed, want %d", len(ix.quotes), next)
	}
}
