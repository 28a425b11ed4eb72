package bot

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"sync"
	"unsafe"

	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/internal/snapshot"
)

// IndexKey identifies an index snapshot by everything the index is built
// from (see indexKeyOf).
type IndexKey [sha256.Size]byte

// IndexSnapshots keeps the latest built index across restarts
// (store.IndexSnapshots keeps it in the state database), so a restart of
// an unchanged corpus reads the index back instead of building it again.
//
// Snapshots are an optimisation: the bot treats any error or undecodable
// snapshot as a miss, builds the index and logs the failure once.
type IndexSnapshots interface {
	// GetIndexSnapshot returns the snapshot kept under key, and false
	// when there is none under that key.
	GetIndexSnapshot(ctx context.Context, key IndexKey) ([]byte, bool, error)
	// PutIndexSnapshot keeps data under key in place of any earlier
	// snapshot. The bot calls it from one goroutine at a time.
	PutIndexSnapshot(ctx context.Context, key IndexKey, data []byte) error
}

// ErrSnapshotsClosed may be returned by an IndexSnapshots after its owner
// shut it down; the bot drops the snapshot without a warning.
var ErrSnapshotsClosed = errors.New("index snapshots closed")

// indexSnapshotVersion is the snapshot format of the index: bump it when
// the meaning of a field changes without its type changing (a changed
// type changes the key by itself, through snapshot.TypeSig).
const indexSnapshotVersion = 2

// indexKeyOf returns the key of the index of arts (deduplicated, in
// corpus order): indexKeyOfKeys of the articles' KeyOf.
func indexKeyOf(arts []corpus.Article) IndexKey {
	return indexKeyOfKeys(arts, analysisKeys(arts))
}

// encodeIndex returns the snapshot of ix without its articles, analyses
// and duplicates, which a restore is given (see decodeIndex).
func encodeIndex(ix *Index) ([]byte, error) {
	c := *ix
	c.arts, c.ans, c.enc, c.dups = nil, nil, nil, nil
	return snapshot.Encode(&c, newIndexRefs(ix.arts))
}

// decodeIndex reads back an index encodeIndex wrote of the same articles,
// without its articles and analyses (finishIndex gives them).
func decodeIndex(data []byte, arts []corpus.Article) (*Index, error) {
	ix := &Index{}
	if err := snapshot.Decode(data, ix, newIndexRefs(arts)); err != nil {
		return nil, fmt.Errorf("decode index: %w", err)
	}
	return ix, nil
}

// finishIndex gives ix, decoded from a snapshot, its articles and their
// analyses (enc[i] is arts[i]'s encoded, analyze the analyzer that made
// them), and checks its load and analysis errors are errs, as buildIndex
// would have them.
func finishIndex(ix *Index, arts []corpus.Article, enc [][]byte, analyze analyzeFunc, errs []error) (*Index, error) {
	if len(arts) != len(enc) {
		return nil, fmt.Errorf("decode index: %d articles, %d analyses: %w", len(arts), len(enc), ErrMismatch)
	}
	if err := checkProblems(ix, errs); err != nil {
		return nil, err
	}
	ix.arts = slices.Clone(arts)
	ix.enc = newEncodedAnalyses(ix.arts, slices.Clone(enc), analyze)
	return ix, nil
}

// restoreIndex decodes a snapshot of the index of arts, whose encoded
// analyses are enc, with the load and analysis errors errs, as buildIndex
// would build it; an error when it cannot, or when the snapshot's
// problems are not errs'.
func restoreIndex(data []byte, arts []corpus.Article, enc [][]byte, analyze analyzeFunc, errs []error) (*Index, error) {
	ix, err := decodeIndex(data, arts)
	if err != nil {
		return nil, err
	}
	return finishIndex(ix, arts, enc, analyze, errs)
}

// checkProblems returns an error when the load and analysis errors of
// ix, decoded from a snapshot, are not errs.
func checkProblems(ix *Index, errs []error) error {
	var want []string
	for _, err := range errs {
		if err != nil {
			want = append(want, err.Error())
		}
	}
	if !slices.Equal(ix.problems, want) {
		return fmt.Errorf("decode index: the snapshot's %d load and analysis errors are not the corpus's %d", len(ix.problems), len(want))
	}
	return nil
}

// Reference kinds of an index snapshot (see indexRefs).
const (
	refID = 1 + iota // arts[A].ID
	refPath
	refTitle
	refBody
)

// indexRefs writes the articles' own strings an index holds as
// references (snapshot.Refs): a restored index shares them with the
// articles it is given, as a built one does, rather than holding copies.
// An index holds no pointer into its analyses (see Index.an).
type indexRefs struct {
	arts []corpus.Article

	once sync.Once // strs, made on the first encode question
	strs map[stringKey]snapshot.Ref
}

type stringKey struct {
	p *byte
	n int
}

func newIndexRefs(arts []corpus.Article) *indexRefs {
	return &indexRefs{arts: arts}
}

func (r *indexRefs) index() {
	r.once.Do(func() {
		r.strs = make(map[stringKey]snapshot.Ref, 4*len(r.arts))
		for a := range r.arts {
			art := &r.arts[a]
			for kind, s := range map[uint32]string{refID: art.ID, refPath: art.Path, refTitle: art.Title, refBody: art.Body} {
				if k := (stringKey{unsafe.StringData(s), len(s)}); len(s) > 0 {
					if _, dup := r.strs[k]; !dup {
						r.strs[k] = snapshot.Ref{Kind: kind, A: uint32(a)}
					}
				}
			}
		}
	})
}

// PointerRef implements snapshot.Refs: no pointer is a reference.
func (r *indexRefs) PointerRef(reflect.Type, unsafe.Pointer) (snapshot.Ref, bool) {
	return snapshot.Ref{}, false
}

// StringRef implements snapshot.Refs.
func (r *indexRefs) StringRef(s string) (snapshot.Ref, bool) {
	r.index()
	ref, ok := r.strs[stringKey{unsafe.StringData(s), len(s)}]
	return ref, ok
}

// Pointer implements snapshot.Refs: a snapshot holds no pointer
// reference.
func (r *indexRefs) Pointer(t reflect.Type, ref snapshot.Ref) (unsafe.Pointer, error) {
	return nil, fmt.Errorf("pointer reference of kind %d to a %s", ref.Kind, t)
}

// String implements snapshot.Refs.
func (r *indexRefs) String(ref snapshot.Ref) (string, error) {
	if int(ref.A) >= len(r.arts) {
		return "", fmt.Errorf("reference to article %d of %d", ref.A, len(r.arts))
	}
	a := &r.arts[ref.A]
	switch ref.Kind {
	case refID:
		return a.ID, nil
	case refPath:
		return a.Path, nil
	case refTitle:
		return a.Title, nil
	case refBody:
		return a.Body, nil
	}
	return "", fmt.Errorf("string reference of kind %d", ref.Kind)
}
