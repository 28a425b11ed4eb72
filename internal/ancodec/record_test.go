package ancodec

import (
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/summarize"
)

// recordCases are the example, seed, devset and generated analyses, the
// hand-made ones, and literalsAcross.
func recordCases(t *testing.T) []analysed {
	t.Helper()
	cases := append([]analysed(nil), testArticles(t)...)
	a, _, ans := handMade()
	for i := range ans {
		cases = append(cases, analysed{a: a, an: &ans[i], row: Append(nil, &ans[i], a.Body)})
	}
	an := literalsAcross(a)
	return append(cases, analysed{a: a, an: an, row: Append(nil, an, a.Body)})
}

// literalsAcross is an analysis of goldenBody whose quotes and events
// repeat literals of the sections before them (strPrev of a literal that
// Quote and Event walk over), and whose times are in a zone named by a
// literal.
func literalsAcross(a corpus.Article) *summarize.Analysis {
	zone := time.FixedZone("Zed Time", -5*3600)
	return &summarize.Analysis{
		ArticleID: a.ID, Published: a.Published,
		Sentences: []summarize.Sentence{{Text: "Talks  failed.", End: 13}, {Text: a.Body[14:], Start: 14, End: len(a.Body)}},
		People:    []summarize.Person{{Name: "Zed Literal", Aliases: []string{"Zed"}, Sentences: []int{1}}},
		Quotes: []summarize.Quote{
			{Speaker: "Zed Literal", Text: "Talks  failed.", Kind: summarize.Direct, Cue: "said", Sentence: 1},
			{Speaker: "The union", Role: "Zed", Text: "a new literal", Kind: summarize.Reported, Sentence: -1},
			{Speaker: "Zed Literal", Text: "a new literal"},
		},
		Deadlines: []summarize.Deadline{{SetBy: "Zed Literal", Due: time.Date(2025, 9, 1, 0, 0, 0, 0, zone), Precision: summarize.Day}},
		Events: []summarize.Event{
			{When: time.Date(2025, 8, 2, 9, 0, 0, 7, zone), Precision: summarize.Day, Phrase: "a new literal", Text: "Talks  failed."},
			{When: time.Date(2025, 8, 3, 0, 0, 0, 0, time.UTC), Precision: "a fortnight", Phrase: "Zed Literal", Text: "a fortnight"},
			{Phrase: "30 days", Sentence: 1},
		},
	}
}

// TestQuoteEvent checks Quote(i) and Event(i) against Decode's Quotes[i]
// and Events[i] (reflect.DeepEqual, zones included) for every record of
// every case, that nothing of the row is kept, and that out-of-range
// indices fail with ErrNoRecord (Sentence's too).
func TestQuoteEvent(t *testing.T) {
	for _, x := range recordCases(t) {
		want, err := Decode(x.row, x.a)
		if err != nil {
			t.Fatalf("%s: %v", x.a.Path, err)
		}
		row := append([]byte(nil), x.row...)
		quotes := make([]summarize.Quote, len(want.Quotes))
		for i := range quotes {
			if quotes[i], err = Quote(row, x.a, i); err != nil {
				t.Fatalf("%s: quote %d: %v", x.a.Path, i, err)
			}
		}
		events := make([]summarize.Event, len(want.Events))
		for i := range events {
			if events[i], err = Event(row, x.a, i); err != nil {
				t.Fatalf("%s: event %d: %v", x.a.Path, i, err)
			}
		}
		for i := range row {
			row[i] = '#'
		}
		for i, q := range quotes {
			if !reflect.DeepEqual(q, want.Quotes[i]) {
				t.Errorf("%s: quote %d = %+v, want %+v", x.a.Path, i, q, want.Quotes[i])
			}
		}
		for i, ev := range events {
			if !reflect.DeepEqual(ev, want.Events[i]) {
				t.Errorf("%s: event %d = %+v, want %+v", x.a.Path, i, ev, want.Events[i])
			}
		}
		for _, i := range []int{-1, len(quotes), len(quotes) + 1} {
			if _, err := Quote(x.row, x.a, i); !errors.Is(err, ErrNoRecord) || errors.Is(err, ErrCorrupt) {
				t.Errorf("%s: quote %d of %d: err = %v, want ErrNoRecord", x.a.Path, i, len(quotes), err)
			}
		}
		for _, i := range []int{-1, len(events), len(events) + 1} {
			if _, err := Event(x.row, x.a, i); !errors.Is(err, ErrNoRecord) || errors.Is(err, ErrCorrupt) {
				t.Errorf("%s: event %d of %d: err = %v, want ErrNoRecord", x.a.Path, i, len(events), err)
			}
		}
		if _, err := Sentence(x.row, x.a.Body, len(want.Sentences)); !errors.Is(err, ErrNoRecord) {
			t.Errorf("%s: sentence %d of %d: err = %v, want ErrNoRecord", x.a.Path, len(want.Sentences), len(want.Sentences), err)
		}
	}
}

// TestLiteralsAcross checks that literalsAcross exercises what it is for:
// its quotes and events repeat literals of earlier sections, and the
// zone survives.
func TestLiteralsAcross(t *testing.T) {
	a, _, _ := handMade()
	row := Append(nil, literalsAcross(a), a.Body)
	q, err := Quote(row, a, 2)
	if err != nil || q.Speaker != "Zed Literal" || q.Text != "a new literal" {
		t.Errorf("quote 2 = %+v, %v", q, err)
	}
	ev, err := Event(row, a, 0)
	if name, off := ev.When.Zone(); err != nil || name != "Zed Time" || off != -5*3600 || ev.Text != "Talks  failed." {
		t.Errorf("event 0 = %+v (zone %s %d), %v", ev, name, off, err)
	}
	w := scanner{data: string(row[1 : len(row)-crcBytes])}
	w.to(secQuotes)
	if w.lits < 2 {
		t.Errorf("%d literals before the quotes, want at least 2", w.lits)
	}
}

// readAll reads every sentence, quote and event of row that an analysis
// of n sentences, quotes and events would have, and a few more, checking
// only that each error wraps ErrCorrupt or ErrNoRecord: it is for
// damaged rows, which must never panic.
func readAll(t *testing.T, row []byte, a corpus.Article, n int) {
	t.Helper()
	for i := range n + 2 {
		_, err1 := Sentence(row, a.Body, i)
		_, err2 := Quote(row, a, i)
		_, err3 := Event(row, a, i)
		for _, err := range []error{err1, err2, err3} {
			if err != nil && !errors.Is(err, ErrCorrupt) && !errors.Is(err, ErrNoRecord) {
				t.Fatalf("record %d: err = %v, want ErrCorrupt or ErrNoRecord", i, err)
			}
		}
	}
}

// TestRecordCorrupt cuts rows at every length and flips every byte:
// Quote and Event never panic, and fail with ErrCorrupt on a bad frame
// (they do not read the CRC, so a flipped byte may go unnoticed).
func TestRecordCorrupt(t *testing.T) {
	all := testArticles(t)
	a, _, _ := handMade()
	rows := []analysed{all[0], all[len(all)-1], {a: a, row: Append(nil, literalsAcross(a), a.Body)}}
	for _, x := range rows {
		an, err := Decode(x.row, x.a)
		if err != nil {
			t.Fatal(err)
		}
		n := max(len(an.Sentences), len(an.Quotes), len(an.Events))
		for cut := range len(x.row) {
			readAll(t, x.row[:cut], x.a, n)
			if cut < frameBytes {
				_, err1 := Quote(x.row[:cut], x.a, 0)
				_, err2 := Event(x.row[:cut], x.a, 0)
				if !errors.Is(err1, ErrCorrupt) || !errors.Is(err2, ErrCorrupt) {
					t.Errorf("cut at %d: err = %v, %v, want ErrCorrupt", cut, err1, err2)
				}
			}
		}
		for at := range len(x.row) {
			row := append([]byte(nil), x.row...)
			row[at] ^= 0xff
			readAll(t, row, x.a, n)
		}
	}
}
