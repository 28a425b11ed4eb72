package store

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/internal/ancodec"
	"github.com/briefbot/briefbot/summarize"
)

// encodedOf returns the keys and encoded analyses of arts.
func encodedOf(arts []corpus.Article) ([]bot.AnalysisKey, [][]byte) {
	keys := make([]bot.AnalysisKey, len(arts))
	rows := make([][]byte, len(arts))
	for i, a := range arts {
		keys[i], rows[i] = bot.KeyOf(a), ancodec.Append(nil, summarize.Analyze(a), a.Body)
	}
	return keys, rows
}

// TestEncodedPutGet writes the seed analyses encoded and reads them back
// among a missing key, a copy of an article under another ID (one text,
// one key) and a key asked for twice: hits are the bytes written, misses
// nil, equal keys get equal bytes.
func TestEncodedPutGet(t *testing.T) {
	s, c := openV1(t)
	arts := seedArticles(t)
	keys, rows := encodedOf(arts)
	if err := c.PutEncoded(t.Context(), keys, rows); err != nil {
		t.Fatal(err)
	}
	renamed := arts[0]
	renamed.ID, renamed.Path = "renamed", "renamed.md"
	missing := corpus.Article{ID: "missing", Body: "Nobody analysed this."}
	ask := append([]bot.AnalysisKey{bot.KeyOf(renamed), bot.KeyOf(missing), keys[1]}, keys...)
	want := append([][]byte{rows[0], nil, rows[1]}, rows...)

	got, err := c.GetEncoded(t.Context(), ask)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("%d rows for %d keys", len(got), len(want))
	}
	for i := range want {
		if !bytes.Equal(got[i], want[i]) || (got[i] == nil) != (want[i] == nil) {
			t.Errorf("key %d: got %d bytes, want %d", i, len(got[i]), len(want[i]))
		}
	}
	an, err := ancodec.Decode(got[0], renamed)
	if err != nil || an.ArticleID != "renamed" {
		t.Errorf("the renamed copy's row decodes to %v, %v", an, err)
	}
	if n := countRows(t, s, `version = ?`, "v1"); n != len(arts) {
		t.Errorf("%d rows for %d articles", n, len(arts))
	}
	if got, err := c.GetEncoded(t.Context(), nil); err != nil || len(got) != 0 {
		t.Errorf("no keys: %v, %v", got, err)
	}
}

// TestEncodedRowsAreTheCallers checks that the rows returned share no
// memory with one another (appending to one leaves its neighbour) nor with
// the driver (a later lookup leaves them as they were).
func TestEncodedRowsAreTheCallers(t *testing.T) {
	_, c := openV1(t)
	arts := seedArticles(t)
	keys, rows := encodedOf(arts)
	if err := c.PutEncoded(t.Context(), keys, rows); err != nil {
		t.Fatal(err)
	}
	got, err := c.GetEncoded(t.Context(), keys)
	if err != nil {
		t.Fatal(err)
	}
	for i := range got {
		if cap(got[i]) != len(got[i]) {
			t.Fatalf("row %d: capacity %d beyond its length %d", i, cap(got[i]), len(got[i]))
		}
		_ = append(got[i], "spoiled"...)
	}
	if _, err := c.GetEncoded(t.Context(), keys[len(keys)/2:]); err != nil {
		t.Fatal(err)
	}
	for i := range got {
		if !bytes.Equal(got[i], rows[i]) {
			t.Errorf("row %d changed after appends to the others and another lookup", i)
		}
	}
}

// TestEncodedCorruptRow damages one row: it reads as a miss with an
// error wrapping ancodec.ErrCorrupt and naming its key, the others still
// read, and so does the same key asked for twice.
func TestEncodedCorruptRow(t *testing.T) {
	s, c := openV1(t)
	arts := seedArticles(t)[:3]
	keys, rows := encodedOf(arts)
	if err := c.PutEncoded(t.Context(), keys, rows); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.ExecContext(t.Context(), `UPDATE analyses SET data = substr(data, 1, length(data) - 9) || x'000000000000000000' WHERE hash = ?`, keys[1][:]); err != nil {
		t.Fatal(err)
	}
	got, err := c.GetEncoded(t.Context(), append(keys, keys[1]))
	if !errors.Is(err, ancodec.ErrCorrupt) || !strings.Contains(err.Error(), fmt.Sprintf("%x", keys[1][:6])) {
		t.Errorf("err = %v, want ErrCorrupt naming key %x", err, keys[1][:6])
	}
	if got[1] != nil || got[3] != nil || !bytes.Equal(got[0], rows[0]) || !bytes.Equal(got[2], rows[2]) {
		t.Errorf("got %d, %d, %d, %d bytes: want the corrupt row missing twice and the others read", len(got[0]), len(got[1]), len(got[2]), len(got[3]))
	}
}

// TestPutEncodedRefuses checks that PutEncoded writes nothing when a row
// is not an encoded analysis or the lengths differ.
func TestPutEncodedRefuses(t *testing.T) {
	s, c := openV1(t)
	arts := seedArticles(t)[:2]
	keys, rows := encodedOf(arts)
	bad := bytes.Clone(rows[1])
	bad[len(bad)/2] ^= 1
	if err := c.PutEncoded(t.Context(), keys, [][]byte{rows[0], bad}); !errors.Is(err, ancodec.ErrCorrupt) {
		t.Errorf("a damaged row: err = %v, want ErrCorrupt", err)
	}
	if err := c.PutEncoded(t.Context(), keys, [][]byte{rows[0], nil}); !errors.Is(err, ancodec.ErrCorrupt) {
		t.Errorf("a nil row: err = %v, want ErrCorrupt", err)
	}
	if err := c.PutEncoded(t.Context(), keys, rows[:1]); err == nil {
		t.Error("2 keys for 1 row: no error")
	}
	if n := countRows(t, s, `1`); n != 0 {
		t.Errorf("%d rows written by refused calls", n)
	}
}
