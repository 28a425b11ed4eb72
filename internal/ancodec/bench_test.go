package ancodec

import (
	"bytes"
	"encoding/gob"
	"testing"
	"time"

	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/internal/corpusgen"
	"github.com/briefbot/briefbot/internal/cputime"
	"github.com/briefbot/briefbot/summarize"
)

// benchRows are 200 generated articles with their analyses and rows.
type benchRows struct {
	arts []corpus.Article
	ans  []*summarize.Analysis
	rows [][]byte
	text int64 // bytes of title and body
	size int   // bytes of rows
}

func newBenchRows(b *testing.B) *benchRows {
	b.Helper()
	g := corpusgen.New(corpusgen.Config{N: 200, Seed: 1})
	r := &benchRows{}
	for i := range g.Len() {
		a := g.Article(i)
		an := summarize.Analyze(a)
		r.arts, r.ans = append(r.arts, a), append(r.ans, an)
		r.rows = append(r.rows, Append(nil, an, a.Body))
		r.text += int64(len(a.Body) + len(a.Title))
		r.size += len(r.rows[i])
	}
	return r
}

// reportCPU reports the process's CPU time per op since cpu0 (on a
// shared machine it moves far less than wall time) and per row.
func reportCPU(b *testing.B, cpu0 time.Duration, rows int) {
	cpu := float64(cputime.Process() - cpu0)
	b.ReportMetric(cpu/float64(b.N), "cpu-ns/op")
	b.ReportMetric(cpu/float64(b.N)/float64(rows), "cpu-ns/row")
}

// BenchmarkAnalysisCodec compares the codec with encoding/gob on 200
// generated articles, one row per analysis as the cache stores them (gob
// then carries its type description in every row). bytes/row is the mean
// row size; MB/s counts article text. decode is a Decoder over the 200
// (a cache lookup), decode-one is Decode of each alone.
func BenchmarkAnalysisCodec(b *testing.B) {
	r := newBenchRows(b)
	gobRows := make([][]byte, len(r.ans))
	gobSize := 0
	for i, an := range r.ans {
		var buf bytes.Buffer
		if err := gob.NewEncoder(&buf).Encode(an); err != nil {
			b.Fatal(err)
		}
		gobRows[i] = buf.Bytes()
		gobSize += buf.Len()
	}
	perRow := float64(r.size) / float64(len(r.rows))
	b.Run("encode", func(b *testing.B) {
		b.SetBytes(r.text)
		var buf []byte
		cpu := cputime.Process()
		for b.Loop() {
			for i, an := range r.ans {
				buf = Append(buf[:0], an, r.arts[i].Body)
			}
		}
		reportCPU(b, cpu, len(r.rows))
		b.ReportMetric(perRow, "bytes/row")
	})
	b.Run("decode", func(b *testing.B) {
		b.SetBytes(r.text)
		cpu := cputime.Process()
		for b.Loop() {
			var dec Decoder
			for i, row := range r.rows {
				if _, err := dec.Decode(row, r.arts[i]); err != nil {
					b.Fatal(err)
				}
			}
		}
		reportCPU(b, cpu, len(r.rows))
		b.ReportMetric(perRow, "bytes/row")
	})
	b.Run("decode-one", func(b *testing.B) {
		b.SetBytes(r.text)
		cpu := cputime.Process()
		for b.Loop() {
			for i, row := range r.rows {
				if _, err := Decode(row, r.arts[i]); err != nil {
					b.Fatal(err)
				}
			}
		}
		reportCPU(b, cpu, len(r.rows))
		b.ReportMetric(perRow, "bytes/row")
	})
	b.Run("gob-encode", func(b *testing.B) {
		b.SetBytes(r.text)
		var buf bytes.Buffer
		for b.Loop() {
			for _, an := range r.ans {
				buf.Reset()
				if err := gob.NewEncoder(&buf).Encode(an); err != nil {
					b.Fatal(err)
				}
			}
		}
		b.ReportMetric(float64(gobSize)/float64(len(r.rows)), "bytes/row")
	})
	b.Run("gob-decode", func(b *testing.B) {
		b.SetBytes(r.text)
		for b.Loop() {
			for _, row := range gobRows {
				var an summarize.Analysis
				if err := gob.NewDecoder(bytes.NewReader(row)).Decode(&an); err != nil {
					b.Fatal(err)
				}
			}
		}
		b.ReportMetric(float64(gobSize)/float64(len(r.rows)), "bytes/row")
	})
}

// BenchmarkRead compares, per analysis (op = one row of the 200, in
// turn): Decode of the whole analysis alone (one), a Decoder's decode of
// it among others (bulk), Sentence, Quote and Event of its middle record
// and of its last (the farthest walk; Quote and Event over the rows that
// have any), Sentences, and Check.
func BenchmarkRead(b *testing.B) {
	r := newBenchRows(b)
	// on runs f over the rows of the analyses that have records
	// (records(an) > 0), in turn.
	on := func(records func(an *summarize.Analysis) int) []int {
		var rows []int
		for i, an := range r.ans {
			if records(an) > 0 {
				rows = append(rows, i)
			}
		}
		if len(rows) == 0 {
			b.Fatal("no generated analysis has such records")
		}
		return rows
	}
	all := on(func(*summarize.Analysis) int { return 1 })
	run := func(name string, rows []int, f func(i int) error) {
		b.Run(name, func(b *testing.B) {
			cpu := cputime.Process()
			k := 0
			for b.Loop() {
				if err := f(rows[k]); err != nil {
					b.Fatal(err)
				}
				if k++; k == len(rows) {
					k = 0
				}
			}
			reportCPU(b, cpu, 1)
		})
	}
	run("Decode", all, func(i int) error { _, err := Decode(r.rows[i], r.arts[i]); return err })
	var dec Decoder
	run("Decoder", all, func(i int) error {
		if i == 0 {
			dec = Decoder{} // one Decoder a batch of 200, as a lookup
		}
		_, err := dec.Decode(r.rows[i], r.arts[i])
		return err
	})
	sentences := func(an *summarize.Analysis) int { return len(an.Sentences) }
	run("Sentence-mid", all, func(i int) error { _, err := Sentence(r.rows[i], r.arts[i].Body, sentences(r.ans[i])/2); return err })
	run("Sentence-last", all, func(i int) error { _, err := Sentence(r.rows[i], r.arts[i].Body, sentences(r.ans[i])-1); return err })
	quotes := func(an *summarize.Analysis) int { return len(an.Quotes) }
	run("Quote-mid", on(quotes), func(i int) error { _, err := Quote(r.rows[i], r.arts[i], quotes(r.ans[i])/2); return err })
	run("Quote-last", on(quotes), func(i int) error { _, err := Quote(r.rows[i], r.arts[i], quotes(r.ans[i])-1); return err })
	events := func(an *summarize.Analysis) int { return len(an.Events) }
	run("Event-mid", on(events), func(i int) error { _, err := Event(r.rows[i], r.arts[i], events(r.ans[i])/2); return err })
	run("Event-last", on(events), func(i int) error { _, err := Event(r.rows[i], r.arts[i], events(r.ans[i])-1); return err })
	run("Sentences", all, func(i int) error { _, err := Sentences(r.rows[i]); return err })
	run("Check", all, func(i int) error { return Check(r.rows[i]) })
}
