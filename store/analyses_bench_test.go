package store

import (
	"bytes"
	"encoding/gob"
	"testing"

	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/internal/corpusgen"
	"github.com/briefbot/briefbot/summarize"
)

// BenchmarkAnalysisCodec compares the cache's codec with encoding/gob on
// 200 generated articles, one row per analysis as the cache stores them
// (gob then carries its type description in every row). bytes/row is the
// mean row size; MB/s counts article text.
func BenchmarkAnalysisCodec(b *testing.B) {
	g := corpusgen.New(corpusgen.Config{N: 200, Seed: 1})
	arts := make([]corpus.Article, 200)
	ans := make([]*summarize.Analysis, len(arts))
	var text int64
	for i := range arts {
		arts[i] = g.Article(i)
		ans[i] = summarize.Analyze(arts[i])
		text += int64(len(arts[i].Body) + len(arts[i].Title))
	}
	rows := make([][]byte, len(arts))
	gobRows := make([][]byte, len(arts))
	var size, gobSize int
	for i, an := range ans {
		rows[i] = encodeAnalysis(nil, an, arts[i].Body)
		var buf bytes.Buffer
		if err := gob.NewEncoder(&buf).Encode(an); err != nil {
			b.Fatal(err)
		}
		gobRows[i] = buf.Bytes()
		size, gobSize = size+len(rows[i]), gobSize+buf.Len()
	}
	b.Run("encode", func(b *testing.B) {
		b.SetBytes(text)
		var buf []byte
		for b.Loop() {
			for i, an := range ans {
				buf = encodeAnalysis(buf[:0], an, arts[i].Body)
			}
		}
		b.ReportMetric(float64(size)/float64(len(rows)), "bytes/row")
	})
	b.Run("decode", func(b *testing.B) {
		b.SetBytes(text)
		for b.Loop() {
			intern := map[string]string{}
			for i, row := range rows {
				if _, err := decodeAnalysis(string(row), arts[i], intern); err != nil {
					b.Fatal(err)
				}
			}
		}
		b.ReportMetric(float64(size)/float64(len(rows)), "bytes/row")
	})
	b.Run("gob-encode", func(b *testing.B) {
		b.SetBytes(text)
		var buf bytes.Buffer
		for b.Loop() {
			for _, an := range ans {
				buf.Reset()
				if err := gob.NewEncoder(&buf).Encode(an); err != nil {
					b.Fatal(err)
				}
			}
		}
		b.ReportMetric(float64(gobSize)/float64(len(rows)), "bytes/row")
	})
	b.Run("gob-decode", func(b *testing.B) {
		b.SetBytes(text)
		for b.Loop() {
			for _, row := range gobRows {
				var an summarize.Analysis
				if err := gob.NewDecoder(bytes.NewReader(row)).Decode(&an); err != nil {
					b.Fatal(err)
				}
			}
		}
		b.ReportMetric(float64(gobSize)/float64(len(rows)), "bytes/row")
	})
}
