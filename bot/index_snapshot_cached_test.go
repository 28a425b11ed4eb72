package bot

import (
	"bytes"
	"context"
	"log/slog"
	"reflect"
	"strings"
	"testing"
	"time"
)

// TestIndexSnapshotSetCorpusCached restarts on an analysis cache and a
// snapshot: the snapshot is decoded while the analyses come from the
// cache, whole or with some to analyse again, and the bot answers as
// the one that built its index, whose analyses it keeps encoded alike.
func TestIndexSnapshotSetCorpusCached(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses a generated corpus")
	}
	arts := generatedIndex(t, 600).arts // more than two cache batches
	cache, snaps := newMemCache(), &memSnapshots{}
	start := func(t *testing.T, cache AnalysisCache) (*Bot, string) {
		var log bytes.Buffer
		b := New(Options{CacheTTL: -1, Now: func() time.Time { return perfNow }, Analyses: cache, Snapshots: snaps,
			Logger: slog.New(slog.NewTextHandler(&log, nil))})
		if err := b.SetCorpus(context.Background(), arts, nil); err != nil {
			t.Fatal(err)
		}
		b.CloseSnapshots()
		return b, log.String()
	}
	built, log := start(t, cache)
	if snaps.put != 1 || strings.Contains(log, "level=WARN") {
		t.Fatalf("first start: %d snapshots written; log:\n%s", snaps.put, log)
	}
	want := answers(t, built)
	for _, tt := range []struct {
		name  string
		spoil func(*memCache)
	}{
		{"all cached", func(*memCache) {}},
		{"some not cached", func(c *memCache) {
			for _, i := range []int{3, 300, 599} {
				delete(c.m, KeyOf(arts[i]))
			}
		}},
		{"some unreadable", func(c *memCache) { c.corrupt[KeyOf(arts[5])] = true }},
		{"cache broken", func(c *memCache) { c.broken = true }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := newMemCache()
			for k, an := range cache.m {
				c.m[k] = an
			}
			tt.spoil(c)
			b, log := start(t, c)
			if !strings.Contains(log, "index restored from its snapshot") {
				t.Fatalf("not restored from the snapshot; log:\n%s", log)
			}
			if got := answers(t, b); !bytes.Equal(got, want) {
				t.Fatal("the restored index answers differently")
			}
			if !reflect.DeepEqual(b.state.Load().ix.enc.enc, built.state.Load().ix.enc.enc) {
				t.Fatal("the restored index keeps other analyses")
			}
		})
	}
	if snaps.put != 1 {
		t.Fatalf("%d snapshots written in all, want 1", snaps.put)
	}

	t.Run("cancelled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		b := New(Options{Analyses: cache, Snapshots: snaps})
		if err := b.SetCorpus(ctx, arts, nil); err == nil {
			t.Fatal("SetCorpus with an ended context succeeded")
		}
		b.CloseSnapshots()
	})
}
