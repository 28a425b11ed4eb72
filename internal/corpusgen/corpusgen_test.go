package corpusgen

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/corpus"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestGolden pins the generated text: a change to the word lists or the
// writer changes every benchmark corpus, and should be deliberate.
func TestGolden(t *testing.T) {
	g := New(Config{N: 40, Seed: 1})
	for _, i := range []int{3, 19} {
		_, got := g.Markdown(i)
		golden := filepath.Join("testdata", fmt.Sprintf("article%02d.md", i))
		if *update {
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("article %d differs from %s (go test -update to accept):\n%s", i, golden, got)
		}
	}
}

// TestArticleMatchesLoad checks that Article(i) is what corpus.Parse reads
// from Markdown(i), so in-memory benchmarks measure the corpus on disk.
func TestArticleMatchesLoad(t *testing.T) {
	g := New(Config{N: 60, Seed: 7})
	for i := range g.Len() {
		path, data := g.Markdown(i)
		arts, err := corpus.Parse(path, data)
		if err != nil || len(arts) != 1 {
			t.Fatalf("article %d: parse: %v (%d articles)", i, err, len(arts))
		}
		want := g.Article(i)
		got := arts[0]
		got.ID, got.Path = want.ID, want.Path // Parse leaves these to the loader
		if !got.Equal(want) {
			t.Errorf("article %d: parsed %+v\nwant %+v", i, got, want)
		}
	}
}

func TestDeterministicAndVaried(t *testing.T) {
	tests := []struct {
		name     string
		a, b     Config
		wantSame bool
	}{
		{"same config", Config{N: 30, Seed: 1}, Config{N: 30, Seed: 1}, true},
		{"other seed", Config{N: 30, Seed: 1}, Config{N: 30, Seed: 2}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ga, gb := New(tt.a), New(tt.b)
			same := true
			for i := range tt.a.N {
				_, x := ga.Markdown(i)
				_, y := gb.Markdown(i)
				same = same && bytes.Equal(x, y)
			}
			if same != tt.wantSame {
				t.Errorf("corpora equal = %v, want %v", same, tt.wantSame)
			}
		})
	}
}

// TestShape checks what the benchmarks rely on: lengths of 300 to 1,500
// words (a wire copy adds a line), many outlets, stories that recur, and
// quotes, deadlines and full-name introductions in the text.
func TestShape(t *testing.T) {
	g := New(Config{N: 400, Seed: 3})
	outlets, titles := map[string]bool{}, map[string]int{}
	var deadlines, quotes int
	for i := range g.Len() {
		a := g.Article(i)
		n := len(strings.Fields(a.Body))
		if n < 300 || n > 1600 {
			t.Errorf("article %d: %d words, want 300 to 1,500", i, n)
		}
		outlets[a.Source] = true
		titles[a.Title]++
		if strings.Contains(a.Body, " days to ") || strings.Contains(a.Body, "deadline") {
			deadlines++
		}
		if strings.Contains(a.Body, "\" ") || strings.Contains(a.Body, "” ") {
			quotes++
		}
	}
	if len(outlets) < 20 {
		t.Errorf("%d outlets, want at least 20", len(outlets))
	}
	if deadlines < 300 || quotes < 380 {
		t.Errorf("%d articles with deadlines and %d with quotes of 400", deadlines, quotes)
	}
	if got, want := len(New(Config{N: 400, Seed: 3}).stories), 50; got != want {
		t.Errorf("%d stories, want %d", got, want)
	}
}
