package store

import (
	"bytes"
	"context"
	"testing"

	"github.com/briefbot/briefbot/bot"
)

func TestIndexSnapshots(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	x := s.IndexSnapshots()
	k1, k2 := bot.IndexKey{1}, bot.IndexKey{2}
	if _, ok, err := x.GetIndexSnapshot(ctx, k1); ok || err != nil {
		t.Fatalf("empty database: ok %v, err %v", ok, err)
	}
	big := make([]byte, 2*snapshotChunk+123) // three chunks
	for i := range big {
		big[i] = byte(i * 7)
	}
	for _, c := range []struct {
		key  bot.IndexKey
		data []byte
	}{{k1, big}, {k2, []byte("small")}, {k1, []byte{}}} {
		if err := x.PutIndexSnapshot(ctx, c.key, c.data); err != nil {
			t.Fatal(err)
		}
		got, ok, err := x.GetIndexSnapshot(ctx, c.key)
		if !ok || err != nil || !bytes.Equal(got, c.data) {
			t.Fatalf("read back %d bytes (ok %v, err %v), wrote %d", len(got), ok, err, len(c.data))
		}
		other := k1
		if c.key == k1 {
			other = k2
		}
		if _, ok, _ := x.GetIndexSnapshot(ctx, other); ok {
			t.Fatal("an older snapshot is kept beside the latest")
		}
	}
}
