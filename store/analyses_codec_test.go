package store

import (
	"errors"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
	"unsafe"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/example"
	"github.com/briefbot/briefbot/summarize"
)

// devsetDir holds the hand-annotated development set (outside the repo).
const devsetDir = "/work/shared/eval/devset"

// seedArticles returns the example corpus and, when present, the devset,
// each text once.
func seedArticles(t testing.TB) []corpus.Article {
	t.Helper()
	arts, errs := corpus.LoadFS(t.Context(), example.Corpus(), ".")
	if len(errs) > 0 || len(arts) == 0 {
		t.Fatalf("example corpus: %d articles, errors %v", len(arts), errs)
	}
	if _, err := os.Stat(devsetDir); err == nil {
		dev, errs := corpus.Load(t.Context(), devsetDir)
		if len(errs) > 0 {
			t.Fatalf("devset: %v", errs)
		}
		arts = append(arts, dev...)
	}
	// The example corpus holds some devset articles: keep one of each.
	seen := map[bot.AnalysisKey]bool{}
	return slices.DeleteFunc(arts, func(a corpus.Article) bool {
		k := bot.KeyOf(a)
		dup := seen[k]
		seen[k] = true
		return dup
	})
}

// TestAnalysisCodecRoundTrip checks decode(encode(Analyze(a))) deep-equals
// Analyze(a) on every seed and devset article, and that the decoded
// sentences share the body's memory rather than copy it.
func TestAnalysisCodecRoundTrip(t *testing.T) {
	for _, a := range seedArticles(t) {
		want := summarize.Analyze(a)
		data := encodeAnalysis(nil, want, a.Body)
		// Decode from the buffer itself, as GetAnalyses does from the
		// driver's, then spoil it: the analysis must not have kept it.
		got, err := decodeAnalysis(unsafe.String(unsafe.SliceData(data), len(data)), a, nil)
		if err != nil {
			t.Fatalf("%s: %v", a.Path, err)
		}
		for i := range data {
			data[i] = '#'
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: decoded analysis differs:\n got %+v\nwant %+v", a.Path, got, want)
		}
		if len(got.Sentences) == 0 || !sharesMemory(got.Sentences[0].Text, a.Body) {
			t.Errorf("%s: the decoded sentences do not share the body's memory", a.Path)
		}
	}
}

// sharesMemory reports whether s lies inside body's bytes.
func sharesMemory(s, body string) bool {
	_, ok := addrIn(s, body)
	return ok
}

// TestAnalysisCodecEdgeCases round-trips what real analyses rarely hold:
// nil against empty slices, strings outside the body and copies of it,
// zones other than UTC, negative numbers.
func TestAnalysisCodecEdgeCases(t *testing.T) {
	body := "Talks failed. The union gave the company 30 days."
	paris := time.FixedZone("CET", 3600)
	a := corpus.Article{ID: "x", Body: body, Published: time.Date(2025, 8, 1, 0, 0, 0, 0, time.UTC)}
	tests := []struct {
		name string
		an   summarize.Analysis
	}{
		{"empty", summarize.Analysis{}},
		{"empty slices", summarize.Analysis{Sentences: []summarize.Sentence{}, People: []summarize.Person{{Aliases: []string{}, Sentences: []int{}}}, Summary: []int{}}},
		{"sentence not the body slice", summarize.Analysis{Sentences: []summarize.Sentence{{Text: "Talks  failed.", Start: 0, End: 13}, {Text: "x", Start: 90, End: 2, Para: -1}}}},
		{"copies and literals", summarize.Analysis{Quotes: []summarize.Quote{
			{Speaker: strings.Clone("The union"), Text: "not in the body", Kind: summarize.Direct, Cue: "said", Sentence: -3},
			{Speaker: "not in the body", Mention: "not in the body", Role: "é\x00\xff", Kind: "odd kind"},
		}}},
		{"times", summarize.Analysis{
			Deadlines: []summarize.Deadline{{SetBy: "The union", Due: time.Date(2025, 8, 31, 0, 0, 0, 0, time.UTC), Precision: summarize.Day,
				History: []summarize.Revision{{LengthDays: 30, SetOn: time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), Approx: true, SetOnPrecision: "fortnight"},
					{Due: time.Date(2025, 9, 1, 10, 30, 0, 5, paris), LengthDays: -1}}}},
			Events: []summarize.Event{{When: time.Date(1969, 7, 20, 20, 17, 0, 0, time.UTC), Precision: summarize.Year, Phrase: "in 1969"}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := tt.an
			want.ArticleID, want.Published = a.ID, a.Published
			got, err := decodeAnalysis(string(encodeAnalysis(nil, &want, body)), a, nil)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, &want) {
				t.Errorf("decoded\n %#v\nwant\n %#v", got, &want)
			}
		})
	}
}

// TestAnalysisCodecRejectsCorruption flips every bit and cuts at every
// length of a real row: each must fail with errCorrupt, never panic or
// decode.
func TestAnalysisCodecRejectsCorruption(t *testing.T) {
	a := seedArticles(t)[0]
	data := encodeAnalysis(nil, summarize.Analyze(a), a.Body)
	check := func(what string, row []byte) {
		t.Helper()
		if _, err := decodeAnalysis(string(row), a, nil); !errors.Is(err, errCorrupt) {
			t.Fatalf("%s: err = %v, want errCorrupt", what, err)
		}
	}
	for n := range len(data) {
		check("cut", data[:n])
	}
	for i := range len(data) * 8 {
		row := append([]byte(nil), data...)
		row[i/8] ^= 1 << (i % 8)
		check("flipped", row)
	}
	other := a
	other.Body = a.Body[:len(a.Body)/2]
	if _, err := decodeAnalysis(string(data), other, nil); !errors.Is(err, errCorrupt) {
		t.Errorf("decoding against a shorter body: err = %v, want errCorrupt", err)
	}
}

// FuzzDecodeAnalysis checks that no row, however damaged past its
// checksum, makes the decoder panic or allocate without bound.
func FuzzDecodeAnalysis(f *testing.F) {
	a := corpus.Article{ID: "x", Body: "Talks failed. The union said \"no\" on Monday."}
	f.Add(encodeAnalysis(nil, summarize.Analyze(a), a.Body)[1:])
	f.Add([]byte{9, 0xff, 0xff, 0xff, 0xff, 0x0f})
	f.Fuzz(func(t *testing.T, payload []byte) {
		d := &decoder{data: string(payload), body: a.Body, intern: map[string]string{}}
		// The payload without its frame: decodeAnalysis would stop at
		// the checksum, so read the fields directly.
		for d.err == nil && d.pos < len(d.data) {
			d.str()
			d.time()
			d.ints()
		}
	})
}

// TestAnalysisCodecCoversEveryField fails when a field is added to one of
// summarize's analysis types: the codec (and codecFormat, and
// summarize.AnalyzerVersion) must then change with it.
func TestAnalysisCodecCoversEveryField(t *testing.T) {
	tests := []struct {
		t      reflect.Type
		fields int
	}{
		{reflect.TypeFor[summarize.Analysis](), 8}, {reflect.TypeFor[summarize.Sentence](), 4},
		{reflect.TypeFor[summarize.Person](), 5}, {reflect.TypeFor[summarize.Quote](), 7},
		{reflect.TypeFor[summarize.Deadline](), 9}, {reflect.TypeFor[summarize.Revision](), 8},
		{reflect.TypeFor[summarize.Event](), 5},
	}
	for _, tt := range tests {
		if got := tt.t.NumField(); got != tt.fields {
			t.Errorf("%v has %d fields, the codec knows %d: teach encodeAnalysis and decodeAnalysis the new ones and bump codecFormat", tt.t, got, tt.fields)
		}
	}
}
