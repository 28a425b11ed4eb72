package bot

import (
	"cmp"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"unicode"

	"github.com/briefbot/briefbot/internal/cputime"
	"github.com/kljensen/snowball/english"
)

// The word indexes as they were before term numbering and the fast
// tokenizer (words, terms, stem with a sync.Map memo, termIndex.add,
// sentIndex.add and finish), kept to benchmark the new ones against.
var (
	oldStems    sync.Map
	oldNumStems atomic.Int64
)

func oldTerms(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		if english.IsStopWord(w) {
			continue
		}
		if st, ok := oldStems.Load(w); ok {
			out = append(out, st.(string))
			continue
		}
		st := english.Stem(w, false)
		if oldNumStems.Load() < maxStems {
			if _, loaded := oldStems.LoadOrStore(strings.Clone(w), st); !loaded {
				oldNumStems.Add(1)
			}
		}
		out = append(out, st)
	}
	return out
}

func oldTermAdd(t map[string][]int, id int, text string) {
	for _, w := range oldTerms(text) {
		if ids := t[w]; len(ids) == 0 || ids[len(ids)-1] != id {
			t[w] = append(ids, id)
		}
	}
}

// oldSentIndex is sentIndex as it was: 8-byte postings in one growing
// list per term.
type oldSentIndex struct {
	docs   []sentDoc
	post   map[string][]oldPosting
	avgLen float64
}

type oldPosting struct{ doc, tf int32 }

func oldSentAdd(s *oldSentIndex, art, sent int, text string) {
	ts := oldTerms(text)
	doc := int32(len(s.docs))
	s.docs = append(s.docs, sentDoc{art: int32(art), sent: int32(sent), length: int32(len(ts))})
	for k, t := range ts {
		if slices.Contains(ts[:k], t) {
			continue
		}
		n := 1
		for _, u := range ts[k+1:] {
			if u == t {
				n++
			}
		}
		s.post[t] = append(s.post[t], oldPosting{doc: doc, tf: int32(n)})
	}
}

func oldSentFinish(s *oldSentIndex) {
	total := 0
	for _, d := range s.docs {
		total += int(d.length)
	}
	if len(s.docs) > 0 {
		s.avgLen = float64(total) / float64(len(s.docs))
	}
	impact := func(p oldPosting) float64 {
		tf := float64(p.tf)
		norm := 1 - bm25B + bm25B*float64(s.docs[p.doc].length)/max(s.avgLen, 1)
		return tf * (bm25K1 + 1) / (tf + bm25K1*norm)
	}
	type ranked struct {
		impact float64
		p      oldPosting
	}
	var buf []ranked
	for _, ps := range s.post {
		if len(ps) < 2 {
			continue
		}
		buf = buf[:0]
		for _, p := range ps {
			buf = append(buf, ranked{impact(p), p})
		}
		slices.SortFunc(buf, func(a, b ranked) int {
			return cmp.Or(cmp.Compare(b.impact, a.impact), cmp.Compare(a.p.doc, b.p.doc))
		})
		for i := range ps {
			ps[i] = buf[i].p
		}
	}
}

// wordIndexes is what BenchmarkWordIndexes builds: the sentence index and
// the term indexes of titles, quotes and events (the old ones as maps of
// int lists, grown by appending).
type wordIndexes struct {
	sents                           sentIndex
	oldSents                        oldSentIndex
	titles, quotes, events          termIndex
	oldTitles, oldQuotes, oldEvents map[string][]int
}

// BenchmarkWordIndexes builds the word indexes of the benchmark corpus
// the old way and the new, on one goroutine, and reports the CPU time of
// each part (cpu-ns/op in all) and the heap they keep (MB of sents and of
// the term indexes).
func BenchmarkWordIndexes(b *testing.B) {
	for _, n := range perfSizes() {
		pc := perfCorpusOf(b, n)
		for _, impl := range []string{"old", "new"} {
			b.Run(fmt.Sprintf("%d/%s", n, impl), func(b *testing.B) {
				var cpuSents, cpuTerms int64
				var heapSents, heapTerms uint64
				for b.Loop() {
					h0 := heapAfterGC()
					c0 := cputime.Process()
					w := &wordIndexes{sents: sentIndex{post: map[string][]posting{}}, oldSents: oldSentIndex{post: map[string][]oldPosting{}},
						titles: termIndex{}, quotes: termIndex{}, events: termIndex{},
						oldTitles: map[string][]int{}, oldQuotes: map[string][]int{}, oldEvents: map[string][]int{}}
					for i, an := range pc.ans {
						for s, sent := range an.Sentences {
							if impl == "old" {
								oldSentAdd(&w.oldSents, i, s, sent.Text)
							} else {
								w.sents.add(i, s, sent.Text)
							}
						}
					}
					if impl == "old" {
						oldSentFinish(&w.oldSents)
					} else {
						w.sents.finish()
					}
					c1 := cputime.Process()
					h1 := heapAfterGC()
					c2 := cputime.Process()
					quote, event := 0, 0
					for i, an := range pc.ans {
						if impl == "old" {
							oldTermAdd(w.oldTitles, i, pc.arts[i].Title)
							for _, q := range an.Quotes {
								oldTermAdd(w.oldQuotes, quote, q.Text)
								quote++
							}
							for _, e := range an.Events {
								oldTermAdd(w.oldEvents, event, e.Phrase+" "+e.Text)
								event++
							}
							continue
						}
						w.titles.add(i, pc.arts[i].Title)
						for _, q := range an.Quotes {
							w.quotes.add(quote, q.Text)
							quote++
						}
						for _, e := range an.Events {
							w.events.add(event, e.Phrase, e.Text)
							event++
						}
					}
					if impl == "new" {
						w.titles.compact()
						w.quotes.compact()
						w.events.compact()
					}
					c3 := cputime.Process()
					h2 := heapAfterGC()
					cpuSents += int64(c1 - c0)
					cpuTerms += int64(c3 - c2)
					heapSents += h1 - h0
					heapTerms += h2 - h1
					runtime.KeepAlive(w)
				}
				N := float64(b.N)
				b.ReportMetric(float64(cpuSents)/N, "sents-cpu-ns/op")
				b.ReportMetric(float64(cpuTerms)/N, "terms-cpu-ns/op")
				b.ReportMetric(float64(heapSents)/N/1e6, "sents-MB")
				b.ReportMetric(float64(heapTerms)/N/1e6, "terms-MB")
			})
		}
	}
}

// BenchmarkTermIndexSizes reports, for each term index of the benchmark
// corpus's index, its terms, its postings (IDs filed) and the heap a copy
// of it in the index's form takes (a termIndex's map and lists, or a
// packedTerms, after GC): where the word indexes' memory goes.
func BenchmarkTermIndexSizes(b *testing.B) {
	for _, n := range perfSizes() {
		pc := perfCorpusOf(b, n)
		for _, ti := range []struct {
			name   string
			t      termIndex
			packed bool
		}{{"titles", pc.ix.titles, false}, {"quotes", pc.ix.quoteTerms.unpack(), true}, {"events", pc.ix.eventTerms.unpack(), true}, {"deadlines", pc.ix.deadlineTerms.unpack(), true}} {
			b.Run(fmt.Sprintf("%d/%s", n, ti.name), func(b *testing.B) {
				postings := 0
				for _, ids := range ti.t {
					postings += len(ids)
				}
				var heap uint64
				for b.Loop() {
					h0 := heapAfterGC()
					if ti.packed {
						p := packTerms(ti.t)
						heap += heapAfterGC() - h0
						runtime.KeepAlive(p)
						continue
					}
					cp := make(termIndex, len(ti.t))
					flat := make([]int32, 0, postings)
					for term, ids := range ti.t {
						at := len(flat)
						flat = append(flat, ids...)
						cp[term] = flat[at:len(flat):len(flat)]
					}
					heap += heapAfterGC() - h0
					runtime.KeepAlive(cp)
				}
				b.ReportMetric(float64(len(ti.t)), "terms")
				b.ReportMetric(float64(postings), "postings")
				b.ReportMetric(float64(heap)/float64(b.N)/1e6, "MB")
			})
		}
	}
}

// BenchmarkDeadlineTerms builds the deadline word index of the benchmark
// corpus's index the old way (each deadline's parts joined and added) and
// the new (indexDeadlineTerms), reporting the CPU time of each.
func BenchmarkDeadlineTerms(b *testing.B) {
	for _, n := range perfSizes() {
		pc := perfCorpusOf(b, n)
		merged := mergedDeadlines(pc.ix)
		for _, impl := range []string{"old", "new"} {
			b.Run(fmt.Sprintf("%d/%s", n, impl), func(b *testing.B) {
				cpu0 := cputime.Process()
				for b.Loop() {
					ix := *merged
					if impl == "new" {
						ix.indexDeadlineTerms()
						continue
					}
					ix.deadlineTerms = packTerms(joinedDeadlineTerms(&ix))
				}
				b.ReportMetric(float64(cputime.Process()-cpu0)/float64(b.N), "cpu-ns/op")
			})
		}
	}
}
