package bot

import (
	"testing"
)

// BenchmarkIndexSnapshot encodes and decodes the index of 2,000
// generated articles (the 100,000-article figures are store's
// BenchmarkWarmRestart/snap*).
func BenchmarkIndexSnapshot(b *testing.B) {
	ix := generatedIndex(&testing.T{}, 2000)
	data, err := encodeIndex(ix)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("encode", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if _, err := encodeIndex(ix); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("decode", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := decodeIndex(data, ix.arts); err != nil {
				b.Fatal(err)
			}
		}
	})
}
