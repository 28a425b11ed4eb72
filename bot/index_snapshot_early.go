package bot

import (
	"fmt"
	"reflect"
	"slices"
	"sync"
	"unsafe"

	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/internal/snapshot"
	"github.com/briefbot/briefbot/summarize"
)

// arrivals are the analyses of a corpus as they load, batch by batch, for
// a snapshot decoded meanwhile: its references to an analysis wait for
// the batch holding it. A batch arrives once, whole: from the cache when
// every analysis of it is a hit (arrived), or with the rest at the end
// (finish). It is safe for concurrent use.
type arrivals struct {
	batch int
	ans   []*summarize.Analysis // ans[i] is read only once its batch's ready is closed

	mu    sync.Mutex
	ready []chan struct{}
	shut  []bool // ready[b] closed
}

func newArrivals(n, batch int) *arrivals {
	nb := (n + batch - 1) / batch
	a := &arrivals{batch: batch, ans: make([]*summarize.Analysis, n), ready: make([]chan struct{}, nb), shut: make([]bool, nb)}
	for b := range a.ready {
		a.ready[b] = make(chan struct{})
	}
	return a
}

// arrived records the analyses of articles lo.. (lo a multiple of the
// batch size), got[j] being article lo+j's: the whole batch.
func (a *arrivals) arrived(lo int, got []*summarize.Analysis) {
	a.mu.Lock()
	defer a.mu.Unlock()
	b := lo / a.batch
	if lo%a.batch != 0 || b >= len(a.ready) || a.shut[b] || len(got) != min(a.batch, len(a.ans)-lo) {
		return // not a batch of ours: it arrives with the rest
	}
	copy(a.ans[lo:], got)
	a.shut[b] = true
	close(a.ready[b])
}

// finish makes every batch not yet arrived arrive from ans (all the
// analyses), or empty when ans is nil (the load failed: what waits gets
// an error).
func (a *arrivals) finish(ans []*summarize.Analysis) {
	a.mu.Lock()
	defer a.mu.Unlock()
	for b := range a.ready {
		if a.shut[b] {
			continue
		}
		if ans != nil {
			lo := b * a.batch
			copy(a.ans[lo:min(lo+a.batch, len(a.ans))], ans[lo:])
		}
		a.shut[b] = true
		close(a.ready[b])
	}
}

// wait returns article i's analysis once its batch has arrived (nil if
// the load failed).
func (a *arrivals) wait(i int) *summarize.Analysis {
	<-a.ready[i/a.batch]
	return a.ans[i]
}

// waitingRefs resolves an index snapshot's references as indexRefs
// does, a reference to an analysis once that analysis has arrived.
type waitingRefs struct {
	*indexRefs // the articles, for strings
	arr        *arrivals
}

// Pointer implements snapshot.Refs.
func (w waitingRefs) Pointer(t reflect.Type, ref snapshot.Ref) (unsafe.Pointer, error) {
	if int(ref.A) >= len(w.arr.ans) {
		return nil, fmt.Errorf("reference to article %d of %d", ref.A, len(w.arr.ans))
	}
	return pointerInto(w.arr.wait(int(ref.A)), t, ref)
}

// decodeEarly decodes a snapshot of the index of arts while their
// analyses arrive in arr; finishIndex completes it once they all have.
func decodeEarly(data []byte, arts []corpus.Article, arr *arrivals) (*Index, error) {
	if len(arts) != len(arr.ans) {
		return nil, fmt.Errorf("decode index: %d articles, %d analyses: %w", len(arts), len(arr.ans), ErrMismatch)
	}
	ix := &Index{}
	if err := snapshot.Decode(data, ix, waitingRefs{newIndexRefs(arts, nil), arr}); err != nil {
		return nil, fmt.Errorf("decode index: %w", err)
	}
	return ix, nil
}

// finishIndex gives ix, decoded from a snapshot, its articles and
// analyses, and checks its load and analysis errors are errs, as
// restoreIndex does.
func finishIndex(ix *Index, arts []corpus.Article, ans []*summarize.Analysis, errs []error) (*Index, error) {
	ix.arts, ix.ans = slices.Clone(arts), slices.Clone(ans)
	if err := checkProblems(ix, errs); err != nil {
		return nil, err
	}
	return ix, nil
}
