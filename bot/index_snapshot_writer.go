package bot

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"time"

	"github.com/briefbot/briefbot/corpus"
)

// snapshotWriter writes the latest index to an IndexSnapshots on a
// goroutine of its own, one write at a time: an index offered while one
// is being written replaces any other waiting, so the latest corpus wins
// and a burst of reloads costs two writes. The goroutine runs only while
// there is something to write; Close waits for it.
type snapshotWriter struct {
	snaps IndexSnapshots
	log   *slog.Logger

	mu      sync.Mutex
	idle    *sync.Cond // signalled when running turns false
	next    *Index     // waiting to be written, nil when none
	running bool
	closed  bool
	last    IndexKey // of the snapshot written or restored last
	hasLast bool
}

func newSnapshotWriter(snaps IndexSnapshots, log *slog.Logger) *snapshotWriter {
	w := &snapshotWriter{snaps: snaps, log: log}
	w.idle = sync.NewCond(&w.mu)
	return w
}

// restored records that the snapshot under key is the current index's,
// so it is not written again.
func (w *snapshotWriter) restored(key IndexKey) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.last, w.hasLast = key, true
}

// offer queues ix to be written; it never blocks on the write.
func (w *snapshotWriter) offer(ix *Index) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return
	}
	w.next = ix
	if !w.running {
		w.running = true
		go w.run()
	}
}

// run writes what is offered until nothing waits.
func (w *snapshotWriter) run() {
	for {
		w.mu.Lock()
		ix := w.next
		w.next = nil
		if ix == nil {
			w.running = false
			w.idle.Broadcast()
			w.mu.Unlock()
			return
		}
		w.mu.Unlock()
		w.write(ix)
	}
}

// write encodes ix and puts it under its key, unless that key's snapshot
// was the last written or restored. A failure is logged and dropped.
func (w *snapshotWriter) write(ix *Index) {
	key := indexKeyOf(ix.arts)
	w.mu.Lock()
	same := w.hasLast && w.last == key
	w.mu.Unlock()
	if same {
		return
	}
	start := time.Now()
	data, err := encodeIndex(ix)
	if err != nil {
		w.log.Warn("index snapshot not written", "err", err)
		return
	}
	encoded := time.Since(start)
	err = w.snaps.PutIndexSnapshot(context.Background(), key, data)
	switch {
	case errors.Is(err, ErrSnapshotsClosed):
		w.log.Debug("index snapshot dropped at shutdown")
		return
	case err != nil:
		w.log.Warn("index snapshot not written", "err", err)
		return
	}
	w.mu.Lock()
	w.last, w.hasLast = key, true
	w.mu.Unlock()
	w.log.Info("index snapshot written", "articles", ix.Len(), "bytes", len(data), "encode", encoded, "total", time.Since(start))
}

// Close makes later offers do nothing and waits until what was offered
// is written: the next start reads the latest index.
func (w *snapshotWriter) Close() {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.closed = true
	for w.running {
		w.idle.Wait()
	}
}

// snapshotFetch is a snapshot being read and decoded while the analyses
// load.
type snapshotFetch struct {
	done       chan struct{}
	key        IndexKey
	size       int // of the snapshot read
	ok         bool
	err        error
	hash, read time.Duration // how long the key and the read took

	ix     *Index // without its articles and analyses (finishIndex)
	decErr error
	decode time.Duration
}

// fetchSnapshot starts reading the snapshot of the index of arts, whose
// KeyOf are keys, and decoding it, on a goroutine; the caller owns it and
// must wait for done.
func fetchSnapshot(ctx context.Context, snaps IndexSnapshots, arts []corpus.Article, keys []AnalysisKey) *snapshotFetch {
	f := &snapshotFetch{done: make(chan struct{})}
	go func() {
		defer close(f.done)
		start := time.Now()
		f.key = indexKeyOfKeys(arts, keys)
		f.hash = time.Since(start)
		var data []byte
		data, f.ok, f.err = getIndexSnapshot(ctx, snaps, f.key)
		f.size = len(data)
		f.read = time.Since(start) - f.hash
		if !f.ok || f.err != nil {
			return
		}
		start = time.Now()
		f.ix, f.decErr = decodeIndex(data, arts)
		f.decode = time.Since(start)
	}()
	return f
}

// getIndexSnapshot calls snaps.GetIndexSnapshot, turning a panic into an
// error.
func getIndexSnapshot(ctx context.Context, snaps IndexSnapshots, key IndexKey) (data []byte, ok bool, err error) {
	defer func() {
		if r := recover(); r != nil {
			data, ok, err = nil, false, errors.New("index snapshots panicked")
		}
	}()
	return snaps.GetIndexSnapshot(ctx, key)
}

// restoreFetched waits for f and returns the index it restores from the
// snapshot, given the articles' encoded analyses enc and the load and
// analysis errors errs, or nil (logged once, at most) when there is none
// to use.
func (b *Bot) restoreFetched(f *snapshotFetch, arts []corpus.Article, enc [][]byte, errs []error) *Index {
	waited := time.Now()
	<-f.done
	wait := time.Since(waited)
	var ix *Index
	err := f.err
	switch {
	case err != nil:
		b.log.Warn("index snapshot unread; building the index", "err", err)
		return nil
	case !f.ok:
		b.log.Info("no index snapshot of this corpus; building the index")
		return nil
	case f.decErr != nil:
		err = f.decErr
	default:
		ix, err = finishIndex(f.ix, arts, enc, b.analyze, errs)
	}
	if err != nil {
		b.log.Warn("index snapshot unusable; building the index", "err", err)
		return nil
	}
	if b.snapW != nil {
		b.snapW.restored(f.key)
	}
	b.log.Info("index restored from its snapshot", "articles", len(arts), "bytes", f.size, "hash", f.hash, "read", f.read, "decode", f.decode, "waited", wait)
	return ix
}

// CloseSnapshots stops writing index snapshots: it waits until the
// latest index offered is written (seconds for a large corpus), and later
// corpora are not written. Call it before closing Options.Snapshots.
func (b *Bot) CloseSnapshots() {
	if b.snapW != nil {
		b.snapW.Close()
	}
}
