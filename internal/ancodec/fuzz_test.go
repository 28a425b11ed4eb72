package ancodec

import (
	"encoding/binary"
	"errors"
	"hash/crc32"
	"reflect"
	"testing"

	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/summarize"
)

// frame wraps a payload as Append does: format byte, payload, CRC.
func frame(payload []byte) []byte {
	row := append([]byte{codecFormat}, payload...)
	return binary.LittleEndian.AppendUint32(row, crc32.Checksum(row, crcTable))
}

// FuzzDecode feeds payloads, however damaged, inside a valid frame (so
// the checksum passes and the payload's checks are what is tested):
// Decode, a Decoder, Sentence, Sentences, Quote and Event must return,
// never panic or allocate without bound, and agree where Decode succeeds.
func FuzzDecode(f *testing.F) {
	a := corpus.Article{ID: "x", Body: "Talks failed. The union said \"no\" on Monday."}
	row := Append(nil, summarize.Analyze(a), a.Body)
	f.Add(row[1 : len(row)-crcBytes])
	f.Add([]byte{9, 0xff, 0xff, 0xff, 0xff, 0x0f})
	ga, _, ans := handMade()
	for i := range ans {
		row := Append(nil, &ans[i], ga.Body)
		f.Add(row[1 : len(row)-crcBytes])
	}
	row = Append(nil, literalsAcross(a), a.Body) // one that decodes, with literals
	f.Add(row[1 : len(row)-crcBytes])
	f.Fuzz(func(t *testing.T, payload []byte) {
		row := frame(payload)
		one, err1 := Decode(row, a)
		var dec Decoder
		bulk, err2 := dec.Decode(row, a)
		if (err1 == nil) != (err2 == nil) || !reflect.DeepEqual(one, bulk) {
			t.Fatalf("Decode: %v, %v; Decoder.Decode: %v, %v", one, err1, bulk, err2)
		}
		if err1 != nil && !errors.Is(err1, ErrCorrupt) {
			t.Fatalf("error %v does not wrap ErrCorrupt", err1)
		}
		n, err := Sentences(row)
		if err1 == nil && (err != nil || n != len(one.Sentences)) {
			t.Fatalf("Sentences = %d, %v of a row that decodes with %d", n, err, len(one.Sentences))
		}
		for i := range min(n, 64) {
			s, err := Sentence(row, a.Body, i)
			if err1 == nil && (err != nil || s != one.Sentences[i]) {
				t.Fatalf("Sentence %d = %+v, %v; Decode's %+v", i, s, err, one.Sentences[i])
			}
		}
		if err1 != nil {
			readAll(t, row, a, 8) // never panics
			return
		}
		for i := range min(len(one.Quotes), 64) {
			if q, err := Quote(row, a, i); err != nil || !reflect.DeepEqual(q, one.Quotes[i]) {
				t.Fatalf("Quote %d = %+v, %v; Decode's %+v", i, q, err, one.Quotes[i])
			}
		}
		for i := range min(len(one.Events), 64) {
			if ev, err := Event(row, a, i); err != nil || !reflect.DeepEqual(ev, one.Events[i]) {
				t.Fatalf("Event %d = %+v, %v; Decode's %+v", i, ev, err, one.Events[i])
			}
		}
		for _, i := range []int{-1, len(one.Quotes)} {
			if _, err := Quote(row, a, i); !errors.Is(err, ErrNoRecord) {
				t.Fatalf("Quote %d of %d: err = %v, want ErrNoRecord", i, len(one.Quotes), err)
			}
		}
		if _, err := Event(row, a, len(one.Events)); !errors.Is(err, ErrNoRecord) {
			t.Fatalf("Event %d of %d: err = %v, want ErrNoRecord", len(one.Events), len(one.Events), err)
		}
	})
}
