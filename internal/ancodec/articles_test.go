package ancodec

import (
	"os"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/example"
	"github.com/briefbot/briefbot/internal/corpusgen"
	"github.com/briefbot/briefbot/summarize"
)

// devsetDir holds the hand-annotated development set, and seedDir the
// seed articles (outside the repo).
const (
	devsetDir = "/work/shared/eval/devset"
	seedDir   = "/work/shared/seed"
)

// generated is how many corpusgen articles the tests encode.
const generated = 400

// analysed is an article with its analysis and their encoding.
type analysed struct {
	a   corpus.Article
	an  *summarize.Analysis
	row []byte
}

var (
	analysedOnce sync.Once
	analysedAll  []analysed
	analysedErr  error
)

// testArticles returns the example corpus, the seed and the devset when
// present (each text once) and generated articles, each analysed and
// encoded. The tests share them: they must not change them.
func testArticles(t testing.TB) []analysed {
	t.Helper()
	analysedOnce.Do(func() {
		arts, errs := corpus.LoadFS(t.Context(), example.Corpus(), ".")
		if len(errs) > 0 || len(arts) == 0 {
			analysedErr = errs[0]
			return
		}
		for _, dir := range []string{seedDir, devsetDir} {
			if _, err := os.Stat(dir); err != nil {
				continue
			}
			more, errs := corpus.Load(t.Context(), dir)
			if len(errs) > 0 {
				analysedErr = errs[0]
				return
			}
			arts = append(arts, more...)
		}
		// The example corpus holds some devset articles: keep one of each.
		seen := map[string]bool{}
		arts = slices.DeleteFunc(arts, func(a corpus.Article) bool {
			dup := seen[a.Title+"\x00"+a.Body]
			seen[a.Title+"\x00"+a.Body] = true
			return dup
		})
		arts = append(arts, corpusgen.New(corpusgen.Config{N: generated, Seed: 3}).Articles()...)
		for _, a := range arts {
			an := summarize.Analyze(a)
			analysedAll = append(analysedAll, analysed{a: a, an: an, row: Append(nil, an, a.Body)})
		}
	})
	if analysedErr != nil {
		t.Fatal(analysedErr)
	}
	return analysedAll
}

// goldenBody is the article body of the hand-made analyses.
const goldenBody = "Talks failed. The union gave the company 30 days."

// handMade returns analyses that real ones rarely hold: nil against
// empty slices, strings outside the body and copies of it, sentences
// that are not their body slice (one a repeated literal), zones other
// than UTC, negative numbers. testdata/golden.hex holds their encoding,
// one a line, as the store wrote it before this package.
func handMade() (corpus.Article, []string, []summarize.Analysis) {
	a := corpus.Article{ID: "x", Body: goldenBody, Published: time.Date(2025, 8, 1, 0, 0, 0, 0, time.UTC)}
	body := a.Body
	paris := time.FixedZone("CET", 3600)
	names := []string{"empty", "empty slices", "sentences not the body slice", "copies and literals", "times"}
	ans := []summarize.Analysis{
		{},
		{Sentences: []summarize.Sentence{}, People: []summarize.Person{{Aliases: []string{}, Sentences: []int{}}}, Summary: []int{}},
		{Sentences: []summarize.Sentence{{Text: "Talks  failed.", Start: 0, End: 13}, {Text: "x", Start: 90, End: 2, Para: -1},
			{Text: "Talks  failed.", Start: 1, End: 2}, {Text: body[14:], Start: 14, End: len(body), Para: 1}}},
		{Quotes: []summarize.Quote{
			{Speaker: string([]byte("The union")), Text: "not in the body", Kind: summarize.Direct, Cue: "said", Sentence: -3},
			{Speaker: "not in the body", Mention: "not in the body", Role: "é\x00\xff", Kind: "odd kind"},
		}},
		{
			Deadlines: []summarize.Deadline{{SetBy: "The union", Due: time.Date(2025, 8, 31, 0, 0, 0, 0, time.UTC), Precision: summarize.Day,
				History: []summarize.Revision{{LengthDays: 30, SetOn: time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), Approx: true, SetOnPrecision: "fortnight"},
					{Due: time.Date(2025, 9, 1, 10, 30, 0, 5, paris), LengthDays: -1}}}},
			Events: []summarize.Event{{When: time.Date(1969, 7, 20, 20, 17, 0, 0, time.UTC), Precision: summarize.Year, Phrase: "in 1969"}},
		},
	}
	for i := range ans {
		ans[i].ArticleID, ans[i].Published = a.ID, a.Published
	}
	return a, names, ans
}
