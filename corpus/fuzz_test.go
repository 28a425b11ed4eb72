package corpus_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/briefbot/briefbot/corpus"
)

// The fuzz targets, one per loader. Each checks the loader's contract on
// any input: no panic; a bounded time; every accepted article with valid
// UTF-8 fields, a non-empty body and a 12-hex-digit ID; every failure a
// *LoadError naming the file. Their seeds are the sample files of
// testdata (formats, bad, hostile) with the loader's extension, plus the
// inputs under testdata/fuzz/FuzzX (crashers found are added there).
//
//	go test ./corpus -run XXX -fuzz '^FuzzFrontMatter$' -fuzztime 60s

func FuzzFrontMatter(f *testing.F) { fuzzLoader(f, "a.md", ".md", ".markdown") }
func FuzzText(f *testing.F)        { fuzzLoader(f, "a.txt", ".txt") }
func FuzzHTML(f *testing.F)        { fuzzLoader(f, "a.html", ".html", ".htm") }
func FuzzFeed(f *testing.F)        { fuzzLoader(f, "a.rss", ".rss", ".atom", ".xml") }

// maxParseTime bounds one parse of a fuzz input (at most a few KB): the
// slowest seed takes milliseconds, so only a blow-up reaches it.
const maxParseTime = 5 * time.Second

// fuzzLoader fuzzes Parse on a file called name, seeded with the sample
// files with one of exts.
func fuzzLoader(f *testing.F, name string, exts ...string) {
	for _, dir := range []string{"formats", "bad", "hostile", "devset"} {
		entries, _ := os.ReadDir(filepath.Join("testdata", dir)) // a missing folder seeds nothing
		for _, e := range entries {
			ext := strings.ToLower(filepath.Ext(e.Name()))
			if !e.Type().IsRegular() || !slices.Contains(exts, ext) {
				continue
			}
			data, err := os.ReadFile(filepath.Join("testdata", dir, e.Name()))
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		// A parse that runs away never returns to fail the test: the timer
		// crashes the fuzz worker instead, and the fuzzer keeps the input.
		hung := time.AfterFunc(maxParseTime, func() {
			panic(fmt.Sprintf("Parse(%s) still running after %v on %d bytes", name, maxParseTime, len(data)))
		})
		arts, err := corpus.Parse(name, data)
		hung.Stop()
		if err != nil {
			var le *corpus.LoadError
			if !errors.As(err, &le) || le.Path != name || le.Err == nil {
				t.Errorf("error %#v is not a *LoadError naming %s", err, name)
			}
		}
		if err == nil && len(arts) == 0 {
			t.Error("no article and no error")
		}
		for _, a := range arts {
			checkArticle(t, name, a)
		}
	})
}

// checkArticle checks the invariants of an accepted article.
func checkArticle(t *testing.T, name string, a corpus.Article) {
	t.Helper()
	for field, v := range map[string]string{"ID": a.ID, "Path": a.Path, "Title": a.Title, "Source": a.Source, "URL": a.URL, "Body": a.Body, "Format": a.Format} {
		if !utf8.ValidString(v) {
			t.Errorf("%s is not valid UTF-8: %q", field, v)
		}
	}
	for _, tag := range a.Tags {
		if !utf8.ValidString(tag) {
			t.Errorf("tag is not valid UTF-8: %q", tag)
		}
	}
	if strings.TrimSpace(a.Body) == "" {
		t.Errorf("accepted an article with no body: %+v", a)
	}
	if a.Path != name || len(a.ID) != 12 || strings.Trim(a.ID, "0123456789abcdef") != "" {
		t.Errorf("Path %q, ID %q: want %s and 12 hex digits", a.Path, a.ID, name)
	}
}
