package ancodec

import (
	"encoding/hex"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/summarize"
)

// TestRoundTrip checks that Decode and a Decoder give back Analyze's
// analysis (reflect.DeepEqual) for every example, devset and generated
// article, that nothing of the row is kept (it is spoiled after
// decoding), and that the sentences share the body's memory.
func TestRoundTrip(t *testing.T) {
	var dec Decoder
	for _, x := range testArticles(t) {
		row := append([]byte(nil), x.row...)
		one, err := Decode(row, x.a)
		if err != nil {
			t.Fatalf("%s: Decode: %v", x.a.Path, err)
		}
		bulk, err := dec.Decode(row, x.a)
		if err != nil {
			t.Fatalf("%s: Decoder.Decode: %v", x.a.Path, err)
		}
		for i := range row {
			row[i] = '#'
		}
		if !reflect.DeepEqual(one, x.an) {
			t.Errorf("%s: Decode differs:\n got %+v\nwant %+v", x.a.Path, one, x.an)
		}
		if !reflect.DeepEqual(bulk, x.an) {
			t.Errorf("%s: Decoder.Decode differs:\n got %+v\nwant %+v", x.a.Path, bulk, x.an)
		}
		if len(one.Sentences) == 0 || !sharesMemory(one.Sentences[0].Text, x.a.Body) || !sharesMemory(bulk.Sentences[0].Text, x.a.Body) {
			t.Errorf("%s: the decoded sentences do not share the body's memory", x.a.Path)
		}
	}
}

// sharesMemory reports whether s lies inside body's bytes.
func sharesMemory(s, body string) bool {
	_, ok := addrIn(s, body)
	return ok
}

// TestGolden checks that the hand-made analyses encode to the bytes the
// store wrote before this package (the format of rows in users' state
// databases) and decode from them.
func TestGolden(t *testing.T) {
	raw, err := os.ReadFile("testdata/golden.hex")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Fields(string(raw))
	a, names, ans := handMade()
	if len(lines) != len(ans) {
		t.Fatalf("%d golden rows for %d analyses", len(lines), len(ans))
	}
	var dec Decoder
	for i, name := range names {
		t.Run(name, func(t *testing.T) {
			want := &ans[i]
			if got := hex.EncodeToString(Append(nil, want, a.Body)); got != lines[i] {
				t.Errorf("encoding\n %s\nwant\n %s", got, lines[i])
			}
			row, _ := hex.DecodeString(lines[i])
			if err := Check(row); err != nil {
				t.Error(err)
			}
			for what, decode := range map[string]func() (*summarize.Analysis, error){
				"Decode":         func() (*summarize.Analysis, error) { return Decode(row, a) },
				"Decoder.Decode": func() (*summarize.Analysis, error) { return dec.Decode(row, a) },
			} {
				got, err := decode()
				if err != nil {
					t.Fatalf("%s: %v", what, err)
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%s:\n %#v\nwant\n %#v", what, got, want)
				}
			}
		})
	}
}

// TestAppendKeepsDst checks that Append appends: what dst held stays, and
// the encoding after it decodes.
func TestAppendKeepsDst(t *testing.T) {
	x := testArticles(t)[0]
	buf := Append([]byte("prefix"), x.an, x.a.Body)
	if string(buf[:6]) != "prefix" || string(buf[6:]) != string(x.row) {
		t.Fatalf("Append onto a prefix gave %q…", buf[:min(len(buf), 12)])
	}
}

// TestRejectsCorruption cuts a real row at every length and flips every
// bit of it: Check, Decode and Decoder.Decode must fail with ErrCorrupt,
// never panic or decode. Each is a row of an example, devset and a
// generated article, and the hand-made ones.
func TestRejectsCorruption(t *testing.T) {
	all := testArticles(t)
	cases := []analysed{all[0], all[len(all)-generated-1], all[len(all)-1]}
	a, _, ans := handMade()
	for i := range ans {
		cases = append(cases, analysed{a: a, an: &ans[i], row: Append(nil, &ans[i], a.Body)})
	}
	var dec Decoder
	for _, x := range cases {
		check := func(what string, row []byte) {
			t.Helper()
			if err := Check(row); !errors.Is(err, ErrCorrupt) {
				t.Fatalf("%s: %s: Check: err = %v, want ErrCorrupt", x.a.Path, what, err)
			}
			if _, err := Decode(row, x.a); !errors.Is(err, ErrCorrupt) {
				t.Fatalf("%s: %s: Decode: err = %v, want ErrCorrupt", x.a.Path, what, err)
			}
			if _, err := dec.Decode(row, x.a); !errors.Is(err, ErrCorrupt) {
				t.Fatalf("%s: %s: Decoder.Decode: err = %v, want ErrCorrupt", x.a.Path, what, err)
			}
		}
		for n := range len(x.row) {
			check("cut", x.row[:n])
		}
		for i := range len(x.row) * 8 {
			row := append([]byte(nil), x.row...)
			row[i/8] ^= 1 << (i % 8)
			check("flipped", row)
		}
	}
	if err := Check(nil); !errors.Is(err, ErrCorrupt) {
		t.Errorf("Check(nil) = %v", err)
	}
}

// TestOtherBody decodes rows against another article's body, as a cache
// would if a key collided: against a shorter body that the row points
// beyond it fails with ErrCorrupt; against a body at least as long it
// decodes (into slices of that body), as the store always did.
func TestOtherBody(t *testing.T) {
	x := testArticles(t)[0]
	other := x.a
	other.Body = x.a.Body[:len(x.a.Body)/2]
	if _, err := Decode(x.row, other); !errors.Is(err, ErrCorrupt) {
		t.Errorf("Decode against a shorter body: err = %v, want ErrCorrupt", err)
	}
	var dec Decoder
	if _, err := dec.Decode(x.row, other); !errors.Is(err, ErrCorrupt) {
		t.Errorf("Decoder.Decode against a shorter body: err = %v, want ErrCorrupt", err)
	}
	other.Body = strings.Repeat("x", len(x.a.Body))
	got, err := Decode(x.row, other)
	if err != nil {
		t.Fatalf("Decode against a body of the same length: %v", err)
	}
	if s := got.Sentences[0]; s.Text != other.Body[s.Start:s.End] {
		t.Errorf("sentence 0 is %q, not the other body's slice", s.Text)
	}
}

// TestCoversEveryField fails when a field is added to one of summarize's
// analysis types: the codec (and codecFormat, and
// summarize.AnalyzerVersion) must then change with it.
func TestCoversEveryField(t *testing.T) {
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
			t.Errorf("%v has %d fields, the codec knows %d: teach Append, analysis and scan the new ones and bump codecFormat", tt.t, got, tt.fields)
		}
	}
}
