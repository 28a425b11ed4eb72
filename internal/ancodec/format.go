// Package ancodec is the binary encoding of a summarize.Analysis that the
// analysis cache stores and the bot keeps in memory: about 2 KB an
// article where the decoded analysis takes about 14 KB, because most of
// an analysis is slices of its article's body and is written as offsets
// into it. An encoded analysis is read back against the article it was
// computed from, whole (Decode, Decoder) or one record at a time
// (Sentence, Quote, Event).
//
// Layout: one format byte, the fields of Analysis in declaration order,
// and a CRC-32C of everything before it. Integers are varints, slices a
// count+1 (0 for nil, so nil and empty survive apart), booleans a byte.
// ArticleID and Published are not written: they are the article's own.
//
// A string is one uvarint v and what follows, by v&3:
//   - strBody: a slice of the article body, v>>2 its offset, then its
//     length; decoded as that slice of the body, so it shares the body's
//     memory (most of an analysis is sentences and phrases of the body).
//   - strLit: v>>2 bytes follow; decoded as a copy.
//   - strPrev: the (v>>2)th literal of this analysis again (names repeat).
//   - strConst: wellKnown[v>>2].
//
// One record is found by walking the varints before it without decoding
// them (a scanner): sentences come first, so a sentence is the shortest
// walk (Sentence), an event the longest (Event).
//
// Any change to this layout must change codecFormat: rows of the current
// format are in users' state databases, and a row of another format is
// unreadable (the cache treats it as a miss and analyses again).
package ancodec

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"

	"github.com/briefbot/briefbot/summarize"
)

// codecFormat is the first byte of every encoding.
const codecFormat byte = 1

// The kinds of a string, in the low two bits of its first uvarint.
const (
	strBody = iota
	strLit
	strPrev
	strConst
)

// wellKnown are strings written as their index. Part of the format: only
// ever append, and change codecFormat when you do.
var wellKnown = [...]string{"",
	string(summarize.Day), string(summarize.Week), string(summarize.Month), string(summarize.Year),
	summarize.Direct, summarize.Reported, "said", "says", "told", "according to"}

var crcTable = crc32.MakeTable(crc32.Castagnoli)

// ErrCorrupt is wrapped by every error of Check, Decode and Sentences,
// and by those of Sentence, Quote and Event but for an index out of range
// (ErrNoRecord): the data is not an analysis of this format (truncated,
// damaged, of another format, or encoded for another body).
var ErrCorrupt = errors.New("corrupt encoded analysis")

// The frame around the payload: the format byte, and the CRC after it.
const (
	crcBytes   = 4
	frameBytes = 1 + crcBytes
)

// Check reports whether data is framed as an encoded analysis: at least
// the frame's size, the current format byte, and a CRC-32C that matches.
// It reads every byte once and decodes nothing, so it cannot tell an
// analysis encoded for another body (Decode can, sometimes). Its error
// wraps ErrCorrupt.
func Check(data []byte) error {
	_, err := payload(data)
	return err
}

// payload checks data's frame (Check) and returns what is inside it.
func payload(data []byte) ([]byte, error) {
	if err := checkFormat(data); err != nil {
		return nil, err
	}
	n := len(data) - crcBytes
	want := binary.LittleEndian.Uint32(data[n:])
	if got := crc32.Checksum(data[:n], crcTable); got != want {
		return nil, fmt.Errorf("%w: checksum %08x, want %08x", ErrCorrupt, got, want)
	}
	return data[1:n], nil
}

// checkFormat checks data's size and format byte, not its CRC.
func checkFormat(data []byte) error {
	if len(data) < frameBytes {
		return fmt.Errorf("%w: %d bytes", ErrCorrupt, len(data))
	}
	if data[0] != codecFormat {
		return fmt.Errorf("%w: format %d, want %d", ErrCorrupt, data[0], codecFormat)
	}
	return nil
}
