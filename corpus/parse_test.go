package corpus_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/corpus"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.json from the current output")

// TestFormatsGolden loads one fixture per format and compares every field
// of every article with testdata/formats.golden.json.
func TestFormatsGolden(t *testing.T) {
	arts, errs := corpus.Load(t.Context(), filepath.Join("testdata", "formats"))
	if len(errs) != 0 {
		t.Errorf("Load(formats) errors = %q, want none", errStrings(errs))
	}
	var got bytes.Buffer
	enc := json.NewEncoder(&got)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(arts); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "formats.golden.json")
	if *update {
		if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		t.Errorf("Load(formats) differs from %s (go test -update rewrites it):\n%s", golden, got.Bytes())
	}
}

func TestDeskReport(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "formats", "desk-report.txt"))
	if err != nil {
		t.Fatal(err)
	}
	arts, err := corpus.Parse("desk-report.txt", data)
	if err != nil || len(arts) != 1 {
		t.Fatalf("Parse = %d articles, %v; want 1, nil", len(arts), err)
	}
	a := arts[0]
	const title = "Why have relations between Putin and Trump deteriorated? Are they heading towards ‘conflict’?"
	if a.Title != title {
		t.Errorf("Title = %q, want %q", a.Title, title)
	}
	if a.Source != "Desk Report" {
		t.Errorf("Source = %q, want %q", a.Source, "Desk Report")
	}
	if strings.Contains(a.Body, title) || strings.Contains(a.Body, "Desk Report") {
		t.Errorf("Body repeats the title or desk line:\n%.300s", a.Body)
	}
	if want := "Is the relationship between US President Donald Trump and Russian President Vladimir Putin completely ruined?\n\nAt least"; !strings.HasPrefix(a.Body, want) {
		t.Errorf("Body starts %.120q, want %q", a.Body, want)
	}
	if a.HasDate() || a.Format != "text" {
		t.Errorf("Published, Format = %v, %q; want zero, text", a.Published, a.Format)
	}
}

func parseOne(t *testing.T, name, src string) corpus.Article {
	t.Helper()
	arts, err := corpus.Parse(name, []byte(src))
	if err != nil || len(arts) != 1 {
		t.Fatalf("Parse(%q) = %d articles, %v; want 1, nil", name, len(arts), err)
	}
	return arts[0]
}

func TestParseDates(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		value string
		want  time.Time
	}{
		{"2025-08-06", day(2025, 8, 6)},
		{`"2025-08-06"`, day(2025, 8, 6)},
		{"2025-08-06T23:30:00-05:00", day(2025, 8, 6)}, // the day as written, not in UTC
		{"2025-08-06T01:00:00.123+09:00", day(2025, 8, 6)},
		{"2025-08-06 15:04", day(2025, 8, 6)},
		{"August 6, 2025", day(2025, 8, 6)},
		{"Aug 6, 2025", day(2025, 8, 6)},
		{`""`, time.Time{}},
		{"", time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.value, func(t *testing.T) {
			a := parseOne(t, "a.md", "---\ntitle: T\npublished: "+tt.value+"\n---\nBody.\n")
			if !a.Published.Equal(tt.want) || a.Published.Location() != time.UTC {
				t.Errorf("published %s: Published = %v, want %v", tt.value, a.Published, tt.want)
			}
		})
	}
	a := parseOne(t, "a.md", "---\ntitle: T\ndate: 2024-02-29\n---\nBody.\n")
	if want := day(2024, 2, 29); !a.Published.Equal(want) {
		t.Errorf("date: alias: Published = %v, want %v", a.Published, want)
	}
}

func TestFrontMatterErrors(t *testing.T) {
	tests := []struct {
		name, src string
		want      string
	}{
		{"unclosed", "---\ntitle: T\nBody.\n", "a.md:1: front matter opened on line 1 is never closed"},
		{"flow", "---\ntitle: T\ntags: [a, b\n---\nBody.\n", "a.md:3: bad front matter: did not find expected ',' or ']'"},
		{"indent", "---\ntitle: T\n  url: x\n---\nBody.\n", "a.md:3: bad front matter: mapping values are not allowed in this context"},
		{"tab", "---\ntitle: T\n\turl: x\n---\nBody.\n", "a.md:3: bad front matter: found a tab character that violates indentation"},
		{"date", "---\ntitle: T\n\npublished: 6/8/2025\n---\nBody.\n", `a.md:4: bad published date "6/8/2025": want YYYY-MM-DD, RFC 3339, "2006-01-02 15:04" or "January 2, 2006"`},
		{"list title", "---\ntitle:\n  - a\n  - b\n---\nBody.\n", "a.md:3: front matter title must be a single value"},
		{"not a mapping", "---\n- a\n- b\n---\nBody.\n", "a.md:2: front matter is not a list of key: value lines"},
		{"repeated", "---\ntitle: A\ntitle: B\n---\nBody.\n", `a.md:3: front matter key "title" repeats line 2`},
		{"tags map", "---\ntags: {a: b}\n---\nBody.\n", "a.md:2: front matter tags must be a list or a comma-separated line"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, err := corpus.Parse("a.md", []byte(tt.src))
			if err == nil || err.Error() != tt.want || len(arts) != 0 {
				t.Fatalf("Parse = %d articles, %v; want none, %q", len(arts), err, tt.want)
			}
			var le *corpus.LoadError
			if !errors.As(err, &le) || !errors.Is(err, corpus.ErrFrontMatter) {
				t.Errorf("Parse error %T does not match *LoadError and ErrFrontMatter", err)
			}
		})
	}
}

func TestParseHeader(t *testing.T) {
	tests := []struct {
		name, file, src          string
		title, source, body, url string
		tags                     []string
	}{
		{"plain", "a.txt", "Title line\nFirst.\nSecond.", "Title line", "", "First.\n\nSecond.", "", nil},
		{"desk line", "a.txt", "Desk Report,\nTitle\nTitle\nText.", "Title", "Desk Report", "Text.", "", nil},
		{"byline", "a.txt", "By Jane Doe\nTitle\n\nText.", "Title", "", "Text.", "", nil},
		{"byline after title", "a.txt", "Title\nBy Jane Doe and Tom van Dijk, Reuters\n\nText.", "Title", "", "Text.", "", nil},
		{"by is text", "a.txt", "By the end of the year, the plant closes\n\nText.", "By the end of the year, the plant closes", "", "Text.", "", nil},
		{"long comma line is title", "a.txt", "Prices rose again this week in the capital,\nText.", "Prices rose again this week in the capital,", "", "Text.", "", nil},
		{"dateline", "a.txt", "Title\nAugust 6, 2025\nText.", "Title", "", "Text.", "", nil},
		{"markdown heading", "a.md", "# Title\n\nText.\n\n## Part two\n\nMore.", "Title", "", "Text.\n\n## Part two\n\nMore.", "", nil},
		{"title repeats anywhere", "a.txt", "Title\nText.\n  Title  \nMore.", "Title", "", "Text.\n\nMore.", "", nil},
		{"front matter title repeat", "a.md", "---\ntitle: Title\nsource: Wire\nurl: https://x.example/a\ntags: a, b\n---\n# Title\nBy Jane Doe\nText.", "Title", "Wire", "Text.", "https://x.example/a", []string{"a", "b"}},
		{"front matter no title", "a.md", "---\nsource: Wire\n---\nDesk Report,\nText.", "Desk Report,", "Wire", "Text.", "", nil},
		{"crlf and bom", "a.txt", "\uFEFFTitle\r\n\r\nText.  \r\nMore.\r\n", "Title", "", "Text.\n\nMore.", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := parseOne(t, tt.file, tt.src)
			if a.Title != tt.title || a.Source != tt.source || a.Body != tt.body || a.URL != tt.url || strings.Join(a.Tags, ",") != strings.Join(tt.tags, ",") {
				t.Errorf("Parse(%q) = {Title %q, Source %q, URL %q, Tags %q, Body %q}, want {%q, %q, %q, %q, %q}",
					tt.src, a.Title, a.Source, a.URL, a.Tags, a.Body, tt.title, tt.source, tt.url, tt.tags, tt.body)
			}
		})
	}
}

// TestParagraphRule pins the documented rule: every non-empty line is a
// paragraph, except that a line starting in lower case joins the line above
// when that one does not end a sentence.
func TestParagraphRule(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"single newlines", "One.\nTwo.\nThree.", "One.\n\nTwo.\n\nThree."},
		{"blank lines", "One.\n\nTwo.\n\n\n\nThree.", "One.\n\nTwo.\n\nThree."},
		{"hard wrap", "The deal was\nsigned in Paris\nby both sides.", "The deal was signed in Paris by both sides."},
		{"capital starts a paragraph", "Talks resume\nThe deal was signed.", "Talks resume\n\nThe deal was signed."},
		{"colon ends", "He said:\nthe talks failed.", "He said:\n\nthe talks failed."},
		{"closing quote ends", "“We won,”\nsaid the coach.", "“We won,”\n\nsaid the coach."},
		{"straight quote ends", "\"We won\"\nsaid the coach.", "\"We won\"\n\nsaid the coach."},
		{"question ends", "Why?\nbecause.", "Why?\n\nbecause."},
		{"comma continues", "In March,\nthe plant closed.", "In March, the plant closed."},
		{"blank line stops a join", "The deal was\n\nsigned later.", "The deal was\n\nsigned later."},
		{"heading never continues", "## Background\nthe plant opened in 1990.", "## Background\n\nthe plant opened in 1990."},
		{"trailing spaces and indentation", "  One.  \n\tTwo.\t", "One.\n\nTwo."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := parseOne(t, "a.md", "---\ntitle: T\n---\n"+tt.in)
			if a.Body != tt.want {
				t.Errorf("body of %q = %q, want %q", tt.in, a.Body, tt.want)
			}
		})
	}
}

func TestParseHTML(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		file          string
		title, source string
		url           string
		published     time.Time
		bodyStart     string
		notInBody     []string
	}{
		// og:title over JSON-LD headline; article:published_time over JSON-LD
		// and <time>; canonical over og:url; the h1, byline and dateline dropped.
		{"page.html", "Port workers agree pay deal", "Harbour Times", "https://harbour.example/2023/11/port-pay-deal",
			day(2023, 11, 2), "Dock workers at the city's container port", []string{"Port workers agree", "Maria Lopez", "5 May 2019", "Home", "Copyright"}},
		// JSON-LD in an @graph; the day as written (23:50 EDT), not in UTC.
		{"ld-only.htm", "Flood barrier tested before winter", "Valley Courier", "",
			day(2022, 10, 14), "Engineers closed the new flood barrier", nil},
		// An unparseable <meta name=date> is skipped for the first <time>.
		{"time-only.html", "Library reopens after repairs", "", "",
			day(2021, 6, 30), "Published 30 June 2021\n\nThe central library reopened", nil},
		// Declared ISO-8859-1 is decoded, not replaced by U+FFFD.
		{"latin1.html", "Café society returns", "", "", time.Time{}, "The cafés of the old quarter", []string{"\uFFFD"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "formats", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			a := parseOne(t, tt.file, string(data))
			if a.Title != tt.title || a.Source != tt.source || a.URL != tt.url || !a.Published.Equal(tt.published) {
				t.Errorf("Parse = {%q, %q, %q, %v}, want {%q, %q, %q, %v}",
					a.Title, a.Source, a.URL, a.Published, tt.title, tt.source, tt.url, tt.published)
			}
			if !strings.HasPrefix(a.Body, tt.bodyStart) {
				t.Errorf("Body starts %.80q, want %q", a.Body, tt.bodyStart)
			}
			for _, s := range tt.notInBody {
				if strings.Contains(a.Body, s) {
					t.Errorf("Body contains %q:\n%s", s, a.Body)
				}
			}
		})
	}
}

func TestParseFeeds(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	type item struct {
		title, url, body string
		published        time.Time
	}
	tests := []struct {
		file   string
		source string
		items  []item
	}{
		{"news.rss", "Wire Service", []item{
			// 23:30 -0500 on the 5th is the 6th in UTC: the day as written wins.
			{"Central bank holds rates", "https://wire.example/rates", "The central bank kept its main rate at 4.5% on Tuesday.\n\nTwo members voted for a cut.", day(2024, 3, 5)},
			// content:encoded over description; the repeated <h2> title dropped.
			{"Storm closes airport", "https://wire.example/storm", "All flights were cancelled on Wednesday after winds of 120 km/h.\n\nThe airport expects to reopen on Thursday.", day(2024, 3, 6)},
			{"Plain text item", "", "Officials said the count would finish by Friday.\n\nResults are expected next week.", time.Time{}},
		}},
		{"news.atom", "Science Desk", []item{
			{"Telescope spots distant galaxy", "https://science.example/galaxy", "Astronomers said the galaxy formed 300 million years after the Big Bang.", day(2024, 5, 1)},
			// No <published>: <updated> is used.
			{"Vaccine trial reports results", "https://science.example/vaccine", "The trial met its main goal, researchers said.", day(2024, 4, 30)},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "formats", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			arts, err := corpus.Parse(tt.file, data)
			if err != nil || len(arts) != len(tt.items) {
				t.Fatalf("Parse = %d articles, %v; want %d, nil", len(arts), err, len(tt.items))
			}
			for i, w := range tt.items {
				a := arts[i]
				if a.Title != w.title || a.URL != w.url || a.Body != w.body || !a.Published.Equal(w.published) ||
					a.Source != tt.source || a.Path != tt.file || a.Format != "feed" {
					t.Errorf("item %d = %+v\nwant %+v (source %q)", i+1, a, w, tt.source)
				}
			}
		})
	}
}

func TestParseText(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want string // body, or the error
	}{
		{"few bad bytes replaced", []byte("T\n\nCaf\xe9 au lait is served all day long, every day of the week, from dawn until late at night, in every branch."), "Caf\uFFFD au lait is served all day long, every day of the week, from dawn until late at night, in every branch."},
		{"many bad bytes", []byte("T\n\nCaf\xe9 \xe9\xe9"), "a.txt: binary file: 3 of 10 bytes are not valid UTF-8"},
		{"nul", []byte("T\n\nText\x00"), "a.txt: binary file: contains NUL bytes"},
		{"empty", []byte(""), "a.txt: no article text"},
		{"blank", []byte("\n \n\t\n"), "a.txt: no article text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, err := corpus.Parse("a.txt", tt.data)
			got := ""
			switch {
			case err != nil:
				got = err.Error()
			case len(arts) == 1:
				got = arts[0].Body
			}
			if got != tt.want {
				t.Errorf("Parse(%q) = %q, want %q", tt.data, got, tt.want)
			}
		})
	}
	if _, err := corpus.Parse("notes.json", []byte("{}")); !errors.Is(err, corpus.ErrUnsupported) {
		t.Errorf("Parse(notes.json) error = %v, want ErrUnsupported", err)
	}
}

func TestParseHTMLMinimal(t *testing.T) {
	tests := []struct {
		name, src, title, body, err string
	}{
		{"short page", "<title>Tiny</title><p>One short line.</p>", "Tiny", "One short line.", ""},
		{"no title", "<body><h1>Headline</h1><p>Text here.</p></body>", "Headline", "Text here.", ""},
		{"no text", "<html><head><title>Empty</title></head><body><script>x()</script></body></html>", "", "", "a.html: no article text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, err := corpus.Parse("a.html", []byte(tt.src))
			if tt.err != "" {
				if err == nil || err.Error() != tt.err {
					t.Errorf("Parse error = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil || len(arts) != 1 || arts[0].Title != tt.title || arts[0].Body != tt.body {
				t.Errorf("Parse = %+v, %v; want Title %q, Body %q", arts, err, tt.title, tt.body)
			}
		})
	}
}
