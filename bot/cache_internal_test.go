package bot

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/summarize"
)

// memCache is an AnalysisCache in memory that can be told to fail: the
// rows of the keys in corrupt come back with a byte flipped, and every
// call fails when broken.
type memCache struct {
	mu      sync.Mutex
	m       map[AnalysisKey][]byte
	corrupt map[AnalysisKey]bool
	broken  bool
	gets    int // GetEncoded calls
	puts    int // PutEncoded calls
}

func newMemCache() *memCache {
	return &memCache{m: map[AnalysisKey][]byte{}, corrupt: map[AnalysisKey]bool{}}
}

func (c *memCache) GetEncoded(_ context.Context, keys []AnalysisKey) ([][]byte, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gets++
	if c.broken {
		return nil, errors.New("disk I/O error")
	}
	out := make([][]byte, len(keys))
	for i, k := range keys {
		if data, ok := c.m[k]; ok {
			out[i] = slices.Clone(data)
			if c.corrupt[k] {
				out[i][len(data)/2] ^= 0x10
			}
		}
	}
	return out, nil
}

func (c *memCache) PutEncoded(_ context.Context, keys []AnalysisKey, data [][]byte) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.puts++
	if c.broken {
		return errors.New("disk I/O error")
	}
	for i, k := range keys {
		c.m[k] = slices.Clone(data[i])
	}
	return nil
}

// countingBot is a bot on cache whose analyses are counted, by article ID.
type countingBot struct {
	*Bot
	mu       sync.Mutex
	analysed []string
	log      bytes.Buffer
}

func newCountingBot(cache AnalysisCache) *countingBot {
	cb := &countingBot{}
	var logMu sync.Mutex
	cb.Bot = New(Options{Analyses: cache, Logger: slog.New(slog.NewTextHandler(lockedWriter{&logMu, &cb.log}, nil))})
	cb.analyze = func(a corpus.Article) *summarize.Analysis { // on several goroutines
		cb.mu.Lock()
		cb.analysed = append(cb.analysed, a.ID)
		cb.mu.Unlock()
		return summarize.Analyze(a)
	}
	return cb
}

func (cb *countingBot) analysedIDs() string {
	return strings.Join(slices.Sorted(slices.Values(cb.analysed)), ",")
}

type lockedWriter struct {
	mu *sync.Mutex
	w  *bytes.Buffer
}

func (l lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// cacheArticles is a corpus of n articles a000, a001, ...; more than
// cacheBatch, so lookups and writes come in several batches.
func cacheArticles(n int) []corpus.Article {
	arts := make([]corpus.Article, n)
	day := time.Date(2025, 8, 1, 0, 0, 0, 0, time.UTC)
	for i := range arts {
		id := string(rune('a'+i/676)) + string(rune('a'+i/26%26)) + string(rune('a'+i%26))
		arts[i] = corpus.Article{
			ID: id, Path: id + ".md", Title: "Strike " + id, Published: day.AddDate(0, 0, i%40),
			Body: `Union leader Anna Kovacs said on Monday that "the ` + id + ` depot stays shut". The company gave the union 30 days to accept the offer.`,
		}
	}
	return arts
}

// TestSetCorpusFromCache is a restart: a new bot on the same cache
// analyses nothing and indexes the same analyses; a changed article and
// a new one are analysed, and only those.
func TestSetCorpusFromCache(t *testing.T) {
	cache := newMemCache()
	arts := cacheArticles(600)
	first := newCountingBot(cache)
	if err := first.SetCorpus(t.Context(), arts, nil); err != nil {
		t.Fatal(err)
	}
	if len(first.analysed) != len(arts) || len(cache.m) != len(arts) {
		t.Fatalf("first load analysed %d and cached %d of %d", len(first.analysed), len(cache.m), len(arts))
	}
	if cache.puts < 3 {
		t.Errorf("%d articles written in %d transactions, want batches of %d", len(arts), cache.puts, cacheBatch)
	}

	second := newCountingBot(cache)
	if err := second.SetCorpus(t.Context(), arts, nil); err != nil {
		t.Fatal(err)
	}
	if len(second.analysed) != 0 {
		t.Errorf("restart analysed %d articles, want 0", len(second.analysed))
	}
	if want := "kept=0 cached=600 analysed=0"; !strings.Contains(second.log.String(), want) {
		t.Errorf("restart's log lacks %q:\n%s", want, second.log.String())
	}
	if !reflect.DeepEqual(first.state.Load().ix.enc.enc, second.state.Load().ix.enc.enc) {
		t.Error("restart's analyses differ from the first load's")
	}

	changed := slices.Clone(arts)
	changed[5].Body += " Talks resume on Friday."
	changed = append(changed, corpus.Article{ID: "new", Title: "Ferry strike", Body: "Crews walked out."})
	third := newCountingBot(cache)
	if err := third.SetCorpus(t.Context(), changed, nil); err != nil {
		t.Fatal(err)
	}
	if got, want := third.analysedIDs(), changed[5].ID+",new"; got != want {
		t.Errorf("after a change analysed %q, want %q", got, want)
	}
	if err := third.SetCorpus(t.Context(), append(changed, corpus.Article{ID: "newer", Title: "Rail strike", Body: "Drivers walked out."}), nil); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"kept=0 cached=599 analysed=2", "kept=601 cached=0 analysed=1"} {
		if !strings.Contains(third.log.String(), want) {
			t.Errorf("log lacks %q:\n%s", want, third.log.String())
		}
	}
	if strings.Contains(third.log.String(), "analysis cache failed") {
		t.Errorf("a healthy cache logged a failure:\n%s", third.log.String())
	}
}

// TestSetCorpusCacheFailures checks that whatever the cache does wrong,
// every article is indexed with its analysis, and the failure is logged
// once.
func TestSetCorpusCacheFailures(t *testing.T) {
	arts := cacheArticles(600)
	tests := []struct {
		name     string
		spoil    func(*memCache)
		analysed int
	}{
		{"corrupt rows", func(c *memCache) { c.corrupt[KeyOf(arts[3])], c.corrupt[KeyOf(arts[400])] = true, true }, 2},
		{"broken database", func(c *memCache) { c.broken = true }, len(arts)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cache := newMemCache()
			if err := newCountingBot(cache).SetCorpus(t.Context(), arts, nil); err != nil {
				t.Fatal(err)
			}
			tt.spoil(cache)
			b := newCountingBot(cache)
			if err := b.SetCorpus(t.Context(), arts, nil); err != nil {
				t.Fatal(err)
			}
			if len(b.analysed) != tt.analysed {
				t.Errorf("analysed %d articles, want %d", len(b.analysed), tt.analysed)
			}
			ix := b.state.Load().ix
			if ix.Len() != len(arts) {
				t.Fatalf("indexed %d articles, want %d", ix.Len(), len(arts))
			}
			for i := range ix.arts {
				if want := summarize.Analyze(ix.arts[i]); !reflect.DeepEqual(ix.an(i), want) {
					t.Fatalf("article %s: analysis differs from Analyze's", ix.arts[i].ID)
				}
			}
			if n := strings.Count(b.log.String(), "analysis cache failed"); n != 1 {
				t.Errorf("logged the failure %d times, want once:\n%s", n, b.log.String())
			}
		})
	}
}

// TestKeyOf checks that the key changes with every field Analyze reads
// but the ID, and with nothing else.
func TestKeyOf(t *testing.T) {
	base := corpus.Article{ID: "a", Path: "a.md", Title: "T", Source: "S", URL: "https://x/a", Body: "B.",
		Published: time.Date(2025, 8, 1, 0, 0, 0, 0, time.UTC), Format: "markdown"}
	tests := []struct {
		name string
		edit func(*corpus.Article)
		same bool
	}{
		{"title", func(a *corpus.Article) { a.Title = "T2" }, false},
		{"body", func(a *corpus.Article) { a.Body = "B2." }, false},
		{"published", func(a *corpus.Article) { a.Published = a.Published.AddDate(0, 0, 1) }, false},
		{"published zone", func(a *corpus.Article) { a.Published = a.Published.In(time.FixedZone("X", 3600)) }, false},
		{"title into body", func(a *corpus.Article) { a.Title, a.Body = "", "TB." }, false},
		{"id", func(a *corpus.Article) { a.ID = "b" }, true},
		{"path", func(a *corpus.Article) { a.Path = "b.md" }, true},
		{"source, url, format", func(a *corpus.Article) { a.Source, a.URL, a.Format = "", "", "text" }, true},
	}
	for _, tt := range tests {
		a := base
		tt.edit(&a)
		if got := KeyOf(a) == KeyOf(base); got != tt.same {
			t.Errorf("%s changed: same key %v, want %v", tt.name, got, tt.same)
		}
	}
}
