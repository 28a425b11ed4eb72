package summarize

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode"

	"github.com/kljensen/snowball/english"
)

// referenceContentWords is contentWords as first written: lowercase the
// text, split it at every rune that is no letter or digit, drop words of
// one byte and stop words, stem the rest. The fast version must agree.
func referenceContentWords(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		if len(w) < 2 || english.IsStopWord(w) {
			continue
		}
		out = append(out, english.Stem(w, false))
	}
	return out
}

func TestContentWords(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"The councils approved budgets.", []string{"council", "approv", "budget"}},
		{"Ford's 30,000 JOBS", []string{"ford", "30", "000", "job"}},
		{"Zürich’s Café reopened—finally", []string{"zürich", "café", "reopen", "final"}},
		{"a I x", nil},
		{"", nil},
		{"ÉCOLE NORMALE", []string{"école", "normal"}},
	}
	for _, tt := range tests {
		if got := contentWords(tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("contentWords(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// oddTexts are strings that try the byte-level loops: case, accents,
// digits, apostrophes, invalid UTF-8, Turkish dotted capitals, quotation
// marks of every kind.
var oddTexts = []string{"İstanbul’s ŞEHİR hall", "bad \xff\xfe bytes Here", "ǅemal and ΑΘΗΝΑ", "x-ray e-mail 3D",
	"Ünïcödé CAPITALS and lowercase", "tab\tnew\nline", "“Open ‘single’ quote", "end”", "\xe2\x80", "‘", "’tis ‘so’",
	`He said "yes" and "no`, "«Nous» „Wir“"}

// corpusTexts returns oddTexts and every sentence of the test corpora.
func corpusTexts(t *testing.T) []string {
	t.Helper()
	texts := slices.Clone(oddTexts)
	files, _ := filepath.Glob(filepath.Join("testdata", "summaries", "*.md"))
	files = append(files, filepath.Join("testdata", "sentences-seed.md"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range Sentences(string(data)) {
			texts = append(texts, s.Text)
		}
	}
	return texts
}

// TestContentWordsMatchesReference compares the fast contentWords with the
// reference on every sentence of the test corpora and on odd text.
func TestContentWordsMatchesReference(t *testing.T) {
	for _, s := range corpusTexts(t) {
		if got, want := contentWords(s), referenceContentWords(s); !slices.Equal(got, want) {
			t.Errorf("contentWords(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestContentWordsConcurrent runs contentWords from several goroutines on
// the same words, so the race detector sees the stem cache shared.
func TestContentWordsConcurrent(t *testing.T) {
	texts := corpusTexts(t)
	var wg sync.WaitGroup
	errs := make(chan string, 4)
	for range 4 {
		wg.Go(func() {
			for _, s := range texts {
				if got, want := contentWords(s), referenceContentWords(s); !slices.Equal(got, want) {
					errs <- s
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for s := range errs {
		t.Errorf("contentWords(%q) differs from the reference under concurrency", s)
	}
}

// TestStemCacheBounded fills the stem cache past stemCacheSize with words
// of its own: the cache stops at the bound, leaves no word unpublished
// behind its lock once full, and answers as the stemmer does throughout.
func TestStemCacheBounded(t *testing.T) {
	for i := range stemCacheSize + 500 {
		w := fmt.Sprintf("qz%dings", i)
		st, stop := stemOf([]byte(w))
		if want := english.Stem(w, false); stop || st != want {
			t.Fatalf("stemOf(%q) = %q, %v, want %q, false", w, st, stop, want)
		}
	}
	stemMu.Lock()
	defer stemMu.Unlock()
	n := len(stemNew)
	if snap := stemSnap.Load(); snap != nil {
		n += len(*snap)
	}
	if n > stemCacheSize {
		t.Errorf("stem cache holds %d words, bound %d", n, stemCacheSize)
	}
	if len(stemNew) != 0 {
		t.Errorf("full stem cache keeps %d words behind its lock", len(stemNew))
	}
}
