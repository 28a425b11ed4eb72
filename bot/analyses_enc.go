package bot

import (
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/internal/ancodec"
	"github.com/briefbot/briefbot/summarize"
)

// memoSlots is how many decoded analyses an index keeps at most (see
// encodedAnalyses): about 14 MB at 14 KB an analysis, whatever the size
// of the corpus.
const memoSlots = 1024

// encodedAnalyses holds the analyses of an index's articles in ancodec's
// encoding, about 2 KB an article where a decoded analysis takes 14 KB,
// and decodes one when a command needs it. The last analysis decoded of
// each of memoSlots groups of articles is kept, so a command that reads
// one article's records one after the other decodes it once.
//
// It is safe for concurrent use: enc and arts are never written after
// construction, and the memo's slots are swapped atomically.
type encodedAnalyses struct {
	arts    []corpus.Article // the index's own
	enc     [][]byte         // enc[i] is arts[i]'s analysis, encoded
	analyze analyzeFunc      // for an encoding that does not decode (it cannot, once checked: see get)
	memo    [memoSlots]atomic.Pointer[memoEntry]
}

// memoEntry is a decoded analysis and its article.
type memoEntry struct {
	art int
	an  *summarize.Analysis
}

func newEncodedAnalyses(arts []corpus.Article, enc [][]byte, analyze analyzeFunc) *encodedAnalyses {
	return &encodedAnalyses{arts: arts, enc: enc, analyze: analyze}
}

// get returns the analysis of article art, decoded or from the memo. The
// analysis is shared: callers must not modify it.
//
// The encodings were made by this process or checked (ancodec.Check)
// when read from the cache, so they decode; should one ever fail, the
// article is analysed again with analyze, which gives the analysis the
// index was built from.
func (e *encodedAnalyses) get(art int) *summarize.Analysis {
	slot := &e.memo[art%memoSlots]
	if m := slot.Load(); m != nil && m.art == art {
		return m.an
	}
	an, err := ancodec.Decode(e.enc[art], e.arts[art])
	if err != nil {
		an, _ = analyzeOne(e.arts[art], e.analyze)
	}
	slot.Store(&memoEntry{art: art, an: an})
	return an
}

// sentence returns the text of sentence s of article art, "" when out of
// range, decoding no more of the analysis than its sentences up to s
// unless the memo holds it.
func (e *encodedAnalyses) sentence(art, s int) string {
	if m := e.memo[art%memoSlots].Load(); m != nil && m.art == art {
		return sentenceText(m.an, s)
	}
	if sent, err := ancodec.Sentence(e.enc[art], e.arts[art].Body, s); err == nil {
		return sent.Text
	}
	return sentenceText(e.get(art), s)
}

// quote returns quote i of article art, decoding no more of the analysis
// than it must unless the memo holds it. The record is shared or a copy:
// callers must not modify it. i must be in range (the index made it).
func (e *encodedAnalyses) quote(art, i int) *summarize.Quote {
	return record(e, art, i, ancodec.Quote, func(an *summarize.Analysis) []summarize.Quote { return an.Quotes })
}

// event returns event i of article art, as quote returns a quote.
func (e *encodedAnalyses) event(art, i int) *summarize.Event {
	return record(e, art, i, ancodec.Event, func(an *summarize.Analysis) []summarize.Event { return an.Events })
}

// record returns record i of article art: of(analysis)[i] from the memo,
// else read alone from the encoding by read, else from the analysis
// decoded (get).
func record[T any](e *encodedAnalyses, art, i int, read func([]byte, corpus.Article, int) (T, error), of func(*summarize.Analysis) []T) *T {
	if m := e.memo[art%memoSlots].Load(); m != nil && m.art == art {
		return &of(m.an)[i]
	}
	if r, err := read(e.enc[art], e.arts[art], i); err == nil {
		return &r
	}
	return &of(e.get(art))[i]
}

// sentenceText returns the text of an's sentence s, "" when out of range.
func sentenceText(an *summarize.Analysis, s int) string {
	if s >= 0 && s < len(an.Sentences) {
		return an.Sentences[s].Text
	}
	return ""
}

// encBufs are scratch buffers for encode.
var encBufs = sync.Pool{New: func() any { return new([]byte) }}

// encode returns an, the analysis of an article with the given body,
// encoded, in a slice of its own.
func encode(an *summarize.Analysis, body string) []byte {
	p := encBufs.Get().(*[]byte)
	*p = ancodec.Append((*p)[:0], an, body)
	out := slices.Clone(*p)
	encBufs.Put(p)
	return out
}

// encodeAll returns ans[i], the analysis of arts[i], encoded, for every
// i, computed on GOMAXPROCS goroutines.
func encodeAll(arts []corpus.Article, ans []*summarize.Analysis) [][]byte {
	enc := make([][]byte, len(arts))
	parallelArts(len(arts), func(i int) { enc[i] = encode(ans[i], arts[i].Body) })
	return enc
}

// decodeMissing sets ans[i], where nil, to enc[i] decoded (the analysis of
// arts[i]), on GOMAXPROCS goroutines. An encoding that does not decode
// (it cannot, once checked: see encodedAnalyses.get) is replaced by the
// encoding of the article analysed again with analyze.
func decodeMissing(arts []corpus.Article, enc [][]byte, ans []*summarize.Analysis, analyze analyzeFunc) {
	n := len(arts)
	w := max(1, min(runtime.GOMAXPROCS(0), n/64))
	var wg sync.WaitGroup
	for k := range w {
		wg.Go(func() {
			var d ancodec.Decoder // one goroutine's: it shares literals among the analyses it decodes
			for i := k; i < n; i += w {
				if ans[i] != nil {
					continue
				}
				an, err := d.Decode(enc[i], arts[i])
				if err != nil {
					an, _ = analyzeOne(arts[i], analyze)
					enc[i] = encode(an, arts[i].Body)
				}
				ans[i] = an
			}
		})
	}
	wg.Wait()
}
