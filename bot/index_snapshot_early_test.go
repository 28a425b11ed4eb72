package bot

import (
	"bytes"
	"context"
	"log/slog"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/summarize"
)

func TestArrivals(t *testing.T) {
	ans := make([]*summarize.Analysis, 5)
	for i := range ans {
		ans[i] = &summarize.Analysis{ArticleID: string(rune('a' + i))}
	}
	arr := newArrivals(5, 2) // batches [0,2) [2,4) [4,5)
	arr.arrived(1, ans[1:3]) // not a batch: ignored
	arr.arrived(2, ans[2:3]) // part of one: ignored
	arr.arrived(2, ans[2:4])
	if got := arr.wait(3); got != ans[3] {
		t.Fatalf("wait(3) = %v after its batch arrived", got)
	}
	waited := make(chan *summarize.Analysis)
	go func() { waited <- arr.wait(0) }()
	select {
	case <-waited:
		t.Fatal("wait(0) returned before its batch arrived")
	case <-time.After(20 * time.Millisecond):
	}
	other := []*summarize.Analysis{{ArticleID: "x"}, {}, {}, {}, {}}
	arr.arrived(2, other[2:4]) // already arrived: ignored
	arr.finish(ans)
	if got := <-waited; got != ans[0] {
		t.Fatalf("wait(0) = %v after finish", got)
	}
	if arr.wait(2) != ans[2] || arr.wait(4) != ans[4] {
		t.Fatal("finish changed a batch that had arrived, or missed the last")
	}
	arr.finish(nil) // again: nothing to do, nothing closed twice

	failed := newArrivals(3, 2)
	failed.finish(nil)
	if failed.wait(2) != nil {
		t.Fatal("a failed load gives an analysis")
	}
}

// TestIndexSnapshotEarlyDecode decodes a snapshot while its analyses
// arrive, in reverse order and some only at the end: the index is the
// one decoded with all of them at hand.
func TestIndexSnapshotEarlyDecode(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses a generated corpus")
	}
	ix := generatedIndex(t, 60)
	data, err := encodeIndex(ix)
	if err != nil {
		t.Fatal(err)
	}
	want := roundTrip(t, ix)
	const batch = 8
	arr := newArrivals(len(ix.arts), batch)
	decoded := make(chan *Index)
	go func() {
		got, err := decodeEarly(data, ix.arts, arr)
		if err != nil {
			t.Error(err)
		}
		decoded <- got
	}()
	for lo := (len(ix.arts) - 1) / batch * batch; lo > 0; lo -= 2 * batch {
		time.Sleep(time.Millisecond)
		arr.arrived(lo, ix.ans[lo:min(lo+batch, len(ix.ans))])
	}
	arr.finish(ix.ans)
	got := <-decoded
	if got == nil {
		t.FailNow()
	}
	got, err = finishIndex(got, ix.arts, ix.ans, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatal("the index decoded early differs from the one decoded after")
	}

	// Analyses that never come (the load failed): an error, not a hang.
	arr = newArrivals(len(ix.arts), batch)
	arr.finish(nil)
	if _, err := decodeEarly(data, ix.arts, arr); err == nil {
		t.Fatal("decoded a snapshot without its analyses")
	}
}

// TestIndexSnapshotSetCorpusCached restarts on an analysis cache and a
// snapshot: the snapshot is decoded while the analyses come from the
// cache, whole or with some to analyse again, and the bot answers as
// the one that built its index.
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
		early string
	}{
		{"all cached", func(*memCache) {}, "early=true"},
		{"some not cached", func(c *memCache) {
			for _, i := range []int{3, 300, 599} {
				delete(c.m, KeyOf(arts[i]))
			}
		}, "early=true"},
		{"some unreadable", func(c *memCache) { c.corrupt[arts[5].ID] = true }, "early=true"},
		{"cache broken", func(c *memCache) { c.broken = true }, "early=true"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := newMemCache()
			for k, an := range cache.m {
				c.m[k] = an
			}
			tt.spoil(c)
			b, log := start(t, c)
			if !strings.Contains(log, "index restored from its snapshot") || !strings.Contains(log, tt.early) {
				t.Fatalf("not restored early from the snapshot; log:\n%s", log)
			}
			if got := answers(t, b); !bytes.Equal(got, want) {
				t.Fatal("the restored index answers differently")
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
