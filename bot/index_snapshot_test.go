package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/summarize"
)

// devsetIndex indexes the shared devset, skipping when it is absent.
func devsetIndex(t *testing.T) *Index {
	t.Helper()
	dir := "/work/shared/eval/devset"
	if _, err := os.Stat(dir); err != nil {
		t.Skip("no devset")
	}
	arts, _ := corpus.Load(context.Background(), dir)
	arts, _ = corpus.Dedupe(arts)
	ans := make([]*summarize.Analysis, len(arts))
	for i, a := range arts {
		ans[i] = summarize.Analyze(a)
	}
	ix, err := NewIndex(arts, ans, []error{os.ErrNotExist})
	if err != nil {
		t.Fatal(err)
	}
	return ix
}

// roundTrip encodes ix and decodes it with ix's own articles, encoded
// analyses and problems.
func roundTrip(t *testing.T, ix *Index) *Index {
	t.Helper()
	data, err := encodeIndex(ix)
	if err != nil {
		t.Fatal(err)
	}
	var errs []error
	for _, p := range ix.problems {
		errs = append(errs, errors.New(p))
	}
	got, err := restoreIndex(data, ix.arts, ix.enc.enc, ix.enc.analyze, errs)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d articles: snapshot of %d bytes", ix.Len(), len(data))
	return got
}

// sameIndex reports whether a and b hold the same index: every field
// deeply equal, the encoded analyses included (not the memo of those
// decoded, nor the analyzer, a func).
func sameIndex(a, b *Index) bool {
	x, y := *a, *b
	x.enc, y.enc = nil, nil
	return reflect.DeepEqual(x, y) && reflect.DeepEqual(a.enc.enc, b.enc.enc) && reflect.DeepEqual(a.enc.arts, b.enc.arts)
}

func TestIndexSnapshotRoundTrip(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses a generated corpus")
	}
	for name, build := range map[string]func(*testing.T) *Index{
		"generated": func(t *testing.T) *Index { return generatedIndex(t, transcriptArticles) },
		"devset":    devsetIndex,
	} {
		t.Run(name, func(t *testing.T) {
			ix := build(t)
			got := roundTrip(t, ix)
			if !sameIndex(got, ix) {
				t.Fatal("the restored index differs from the built one")
			}
		})
	}
}

// TestIndexSnapshotTranscript answers the whole golden transcript
// (TestGeneratedTranscript) from a restored index.
func TestIndexSnapshotTranscript(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses a generated corpus")
	}
	ix := roundTrip(t, generatedIndex(t, transcriptArticles))
	want, err := os.ReadFile(filepath.Join("testdata", "generated-transcript.golden"))
	if err != nil {
		t.Fatal(err)
	}
	if msg := transcriptDiff(transcriptOf(t, ix), string(want)); msg != "" {
		t.Fatalf("the restored index's transcript differs: %s", msg)
	}
}

// transcriptOf is the transcript TestGeneratedTranscript compares with
// its golden file: every kind of question the benchmarks ask
// (perfQueries, several queries per command, each listing paged with
// `more`) and a digest of the 60 newest articles, answered from ix.
func transcriptOf(t *testing.T, ix *Index) string {
	b := New(Options{CacheTTL: -1, Now: func() time.Time { return perfNow }})
	b.SetIndex(ix)
	queries := perfQueries(ix, 6)
	cmds := make([]string, 0, len(queries))
	for c := range queries {
		cmds = append(cmds, c)
	}
	slices.Sort(cmds)
	var out strings.Builder
	write := func(label string, v any) {
		j, err := json.MarshalIndent(v, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		out.WriteString("### " + label + "\n")
		out.Write(j)
		out.WriteString("\n")
	}
	ask := func(text string) []Reply {
		rs, err := b.Handle(context.Background(), Message{Platform: "console", Channel: "c", User: "u", Text: text})
		if err != nil {
			t.Fatalf("%q: %v", text, err)
		}
		write(text, rs)
		return rs
	}
	for _, c := range cmds {
		for _, q := range queries[c] {
			ask(q)
			for range 2 {
				if rs := ask("more"); len(rs) == 0 || rs[0].Title == "Nothing more" {
					break
				}
			}
		}
	}
	ids := make([]string, 0, 60)
	for _, a := range ix.byDate[:min(60, len(ix.byDate))] {
		ids = append(ids, ix.arts[a].ID)
	}
	view := digestView{title: "Digest", since: perfNow.Add(-24 * time.Hour), at: perfNow, loc: time.UTC}
	write("digest of the 60 newest", ix.digestReply(view, ix.digestArticles(ids, "")))
	return out.String()
}

// memSnapshots is an IndexSnapshots in memory keeping one snapshot; get
// and put count the calls, corrupt makes Get return damaged data.
type memSnapshots struct {
	mu       sync.Mutex
	key      IndexKey
	data     []byte
	get, put int
	corrupt  bool
}

func (m *memSnapshots) GetIndexSnapshot(_ context.Context, key IndexKey) ([]byte, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.get++
	if m.data == nil || key != m.key {
		return nil, false, nil
	}
	data := slices.Clone(m.data)
	if m.corrupt {
		data[len(data)/2] ^= 0xff
	}
	return data, true, nil
}

func (m *memSnapshots) PutIndexSnapshot(_ context.Context, key IndexKey, data []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.put++
	m.key, m.data = key, slices.Clone(data)
	return nil
}

// logCount counts the log records at warning level or above.
type logCount struct {
	mu    sync.Mutex
	warns []string
}

func (l *logCount) Enabled(context.Context, slog.Level) bool { return true }
func (l *logCount) WithAttrs([]slog.Attr) slog.Handler       { return l }
func (l *logCount) WithGroup(string) slog.Handler            { return l }
func (l *logCount) Handle(_ context.Context, r slog.Record) error {
	if r.Level >= slog.LevelWarn {
		l.mu.Lock()
		l.warns = append(l.warns, r.Message)
		l.mu.Unlock()
	}
	return nil
}

// snapshotBot sets corpus arts on a new bot with snaps, waits for its
// snapshot write, and returns it with its warnings.
func snapshotBot(t *testing.T, snaps IndexSnapshots, arts []corpus.Article) (*Bot, []string) {
	t.Helper()
	var lc logCount
	b := New(Options{CacheTTL: -1, Now: func() time.Time { return perfNow }, Snapshots: snaps, Logger: slog.New(&lc)})
	if err := b.SetCorpus(context.Background(), arts, nil); err != nil {
		t.Fatal(err)
	}
	b.CloseSnapshots()
	return b, lc.warns
}

// answers is what a few commands answer from b.
func answers(t *testing.T, b *Bot) []byte {
	var out bytes.Buffer
	for _, q := range []string{"summary war", "who said what", "deadlines", "timeline", "sources", "stories"} {
		rs, err := b.Handle(context.Background(), Message{Platform: "console", Channel: "c", User: "u", Text: q})
		if err != nil {
			t.Fatal(err)
		}
		j, _ := json.Marshal(rs)
		out.Write(j)
	}
	return out.Bytes()
}

func TestIndexSnapshotSetCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses a generated corpus")
	}
	arts := generatedIndex(t, 120).arts
	snaps := &memSnapshots{}
	built, warns := snapshotBot(t, snaps, arts)
	if snaps.put != 1 || len(warns) > 0 {
		t.Fatalf("first start: %d snapshots written, warnings %q; want 1, none", snaps.put, warns)
	}
	want := answers(t, built)

	t.Run("restored", func(t *testing.T) {
		b, warns := snapshotBot(t, snaps, arts)
		if snaps.put != 1 || len(warns) > 0 {
			t.Fatalf("restart: %d snapshots written in all, warnings %q; want 1 (not written again), none", snaps.put, warns)
		}
		if snaps.get != 2 {
			t.Fatalf("%d snapshot reads, want 2 (one a start)", snaps.get)
		}
		if got := answers(t, b); !bytes.Equal(got, want) {
			t.Fatal("the restored index answers differently")
		}
	})
	t.Run("changed corpus", func(t *testing.T) {
		changed := slices.Clone(arts)
		changed[7].Body += "\n\nOne more sentence from the desk."
		if indexKeyOf(changed) == indexKeyOf(arts) {
			t.Fatal("a changed body keeps the index key")
		}
		renamed := slices.Clone(arts)
		renamed[3].ID += "x"
		if indexKeyOf(renamed) == indexKeyOf(arts) {
			t.Fatal("a changed ID keeps the index key")
		}
		s := &memSnapshots{key: snaps.key, data: snaps.data}
		b, warns := snapshotBot(t, s, changed)
		if s.put != 1 || s.key == snaps.key || len(warns) > 0 {
			t.Fatalf("changed corpus: %d snapshots written, warnings %q; want a new one, none", s.put, warns)
		}
		ref := New(Options{CacheTTL: -1, Now: func() time.Time { return perfNow }})
		if err := ref.SetCorpus(context.Background(), changed, nil); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(answers(t, b), answers(t, ref)) {
			t.Fatal("the changed corpus answers differently with snapshots")
		}
	})
	t.Run("corrupt", func(t *testing.T) {
		s := &memSnapshots{key: snaps.key, data: snaps.data, corrupt: true}
		b, warns := snapshotBot(t, s, arts)
		if len(warns) != 1 || !strings.Contains(warns[0], "snapshot") {
			t.Fatalf("corrupt snapshot: warnings %q; want one about the snapshot", warns)
		}
		if got := answers(t, b); !bytes.Equal(got, want) {
			t.Fatal("after a corrupt snapshot the index answers differently")
		}
		if s.put != 1 {
			t.Fatalf("after a corrupt snapshot: %d written, want 1 (replacing it)", s.put)
		}
	})
	t.Run("read only", func(t *testing.T) {
		s := &memSnapshots{}
		b := New(Options{Snapshots: s, SnapshotsReadOnly: true})
		if err := b.SetCorpus(context.Background(), arts, nil); err != nil {
			t.Fatal(err)
		}
		b.CloseSnapshots()
		if s.put != 0 || s.get != 1 {
			t.Fatalf("read-only: %d gets, %d puts; want 1, 0", s.get, s.put)
		}
	})
}
