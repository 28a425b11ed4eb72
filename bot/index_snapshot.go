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
	"github.com/briefbot/briefbot/summarize"
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
const indexSnapshotVersion = 1

// indexKeyOf returns the key of the index of arts (deduplicated, in
// corpus order): indexKeyOfKeys of the articles' KeyOf.
func indexKeyOf(arts []corpus.Article) IndexKey {
	return indexKeyOfKeys(arts, analysisKeys(arts))
}

// encodeIndex returns the snapshot of ix without its articles, analyses
// and duplicates, which a restore is given (see decodeIndex).
func encodeIndex(ix *Index) ([]byte, error) {
	c := *ix
	c.arts, c.ans, c.dups = nil, nil, nil
	return snapshot.Encode(&c, newIndexRefs(ix.arts, ix.ans))
}

// decodeIndex reads back an index encodeIndex wrote of the same articles
// and analyses, pointing into ans where the index did.
func decodeIndex(data []byte, arts []corpus.Article, ans []*summarize.Analysis) (*Index, error) {
	if len(arts) != len(ans) {
		return nil, fmt.Errorf("decode index: %d articles, %d analyses: %w", len(arts), len(ans), ErrMismatch)
	}
	ix := &Index{}
	if err := snapshot.Decode(data, ix, newIndexRefs(arts, ans)); err != nil {
		return nil, fmt.Errorf("decode index: %w", err)
	}
	ix.arts, ix.ans = slices.Clone(arts), slices.Clone(ans)
	return ix, nil
}

// restoreIndex decodes a snapshot of the index of arts and ans with the
// load and analysis errors errs, as buildIndex would build it; an error
// when it cannot, or when the snapshot's problems are not errs'.
func restoreIndex(data []byte, arts []corpus.Article, ans []*summarize.Analysis, errs []error) (*Index, error) {
	ix, err := decodeIndex(data, arts, ans)
	if err != nil {
		return nil, err
	}
	if err := checkProblems(ix, errs); err != nil {
		return nil, err
	}
	return ix, nil
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
	refAnalysis = 1 + iota // *summarize.Analysis: ans[A]
	refQuote               // &ans[A].Quotes[I]
	refDeadline            // &ans[A].Deadlines[I]
	refEvent               // &ans[A].Events[I]
	refSentence            // &ans[A].Sentences[I]
	refPerson              // &ans[A].People[I]
	refID                  // arts[A].ID (strings)
	refPath
	refTitle
	refBody
)

var (
	analysisType = reflect.TypeFor[*summarize.Analysis]()
	quoteType    = reflect.TypeFor[*summarize.Quote]()
	deadlineType = reflect.TypeFor[*summarize.Deadline]()
	eventType    = reflect.TypeFor[*summarize.Event]()
	sentenceType = reflect.TypeFor[*summarize.Sentence]()
	personType   = reflect.TypeFor[*summarize.Person]()
)

// indexRefs writes the pointers an index holds into its analyses, and
// the articles' own strings, as references (snapshot.Refs): a restored
// index points at the analyses and articles it is given, as a built one
// does, rather than at copies.
type indexRefs struct {
	arts []corpus.Article
	ans  []*summarize.Analysis

	once     sync.Once // the lookups below, made on the first encode question
	analysis map[*summarize.Analysis]uint32
	spans    map[reflect.Type][]span
	strs     map[stringKey]snapshot.Ref
}

// span is where the records of one analysis slice lie in memory.
type span struct {
	lo, hi uintptr // [lo, hi)
	art    uint32
}

type stringKey struct {
	p *byte
	n int
}

func newIndexRefs(arts []corpus.Article, ans []*summarize.Analysis) *indexRefs {
	return &indexRefs{arts: arts, ans: ans}
}

func (r *indexRefs) index() {
	r.once.Do(func() {
		r.analysis = make(map[*summarize.Analysis]uint32, len(r.ans))
		r.spans = map[reflect.Type][]span{}
		r.strs = make(map[stringKey]snapshot.Ref, 4*len(r.arts))
		add := func(t reflect.Type, p unsafe.Pointer, n int, a int) {
			if n > 0 {
				lo := uintptr(p)
				r.spans[t] = append(r.spans[t], span{lo, lo + uintptr(n)*t.Elem().Size(), uint32(a)})
			}
		}
		for a, an := range r.ans {
			r.analysis[an] = uint32(a)
			add(quoteType, unsafe.Pointer(unsafe.SliceData(an.Quotes)), len(an.Quotes), a)
			add(deadlineType, unsafe.Pointer(unsafe.SliceData(an.Deadlines)), len(an.Deadlines), a)
			add(eventType, unsafe.Pointer(unsafe.SliceData(an.Events)), len(an.Events), a)
			add(sentenceType, unsafe.Pointer(unsafe.SliceData(an.Sentences)), len(an.Sentences), a)
			add(personType, unsafe.Pointer(unsafe.SliceData(an.People)), len(an.People), a)
		}
		for _, s := range r.spans {
			slices.SortFunc(s, func(x, y span) int { return cmpUintptr(x.lo, y.lo) })
		}
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

func cmpUintptr(a, b uintptr) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func (r *indexRefs) kindOf(t reflect.Type) uint32 {
	switch t {
	case quoteType:
		return refQuote
	case deadlineType:
		return refDeadline
	case eventType:
		return refEvent
	case sentenceType:
		return refSentence
	case personType:
		return refPerson
	}
	return 0
}

// PointerRef implements snapshot.Refs.
func (r *indexRefs) PointerRef(t reflect.Type, p unsafe.Pointer) (snapshot.Ref, bool) {
	if t == analysisType {
		r.index()
		a, ok := r.analysis[(*summarize.Analysis)(p)]
		return snapshot.Ref{Kind: refAnalysis, A: a}, ok
	}
	kind := r.kindOf(t)
	if kind == 0 {
		return snapshot.Ref{}, false
	}
	r.index()
	s := r.spans[t]
	x := uintptr(p)
	i, _ := slices.BinarySearchFunc(s, x, func(sp span, x uintptr) int { return cmpUintptr(sp.lo, x+1) })
	if i == 0 || x >= s[i-1].hi {
		return snapshot.Ref{}, false
	}
	sp := s[i-1]
	size := t.Elem().Size()
	if (x-sp.lo)%size != 0 {
		return snapshot.Ref{}, false
	}
	return snapshot.Ref{Kind: kind, A: sp.art, I: uint32((x - sp.lo) / size)}, true
}

// StringRef implements snapshot.Refs.
func (r *indexRefs) StringRef(s string) (snapshot.Ref, bool) {
	r.index()
	ref, ok := r.strs[stringKey{unsafe.StringData(s), len(s)}]
	return ref, ok
}

// Pointer implements snapshot.Refs.
func (r *indexRefs) Pointer(t reflect.Type, ref snapshot.Ref) (unsafe.Pointer, error) {
	if int(ref.A) >= len(r.ans) {
		return nil, fmt.Errorf("reference to article %d of %d", ref.A, len(r.ans))
	}
	return pointerInto(r.ans[ref.A], t, ref)
}

// pointerInto returns the pointer of type t into an, the analysis of
// article ref.A, that ref refers to.
func pointerInto(an *summarize.Analysis, t reflect.Type, ref snapshot.Ref) (unsafe.Pointer, error) {
	if an == nil {
		return nil, fmt.Errorf("reference to article %d, which has no analysis", ref.A)
	}
	var p unsafe.Pointer
	var n int
	switch {
	case ref.Kind == refAnalysis && t == analysisType:
		return unsafe.Pointer(an), nil
	case ref.Kind == refQuote && t == quoteType:
		p, n = unsafe.Pointer(unsafe.SliceData(an.Quotes)), len(an.Quotes)
	case ref.Kind == refDeadline && t == deadlineType:
		p, n = unsafe.Pointer(unsafe.SliceData(an.Deadlines)), len(an.Deadlines)
	case ref.Kind == refEvent && t == eventType:
		p, n = unsafe.Pointer(unsafe.SliceData(an.Events)), len(an.Events)
	case ref.Kind == refSentence && t == sentenceType:
		p, n = unsafe.Pointer(unsafe.SliceData(an.Sentences)), len(an.Sentences)
	case ref.Kind == refPerson && t == personType:
		p, n = unsafe.Pointer(unsafe.SliceData(an.People)), len(an.People)
	default:
		return nil, fmt.Errorf("reference of kind %d to a %s", ref.Kind, t)
	}
	if int(ref.I) >= n {
		return nil, fmt.Errorf("reference to record %d of %d", ref.I, n)
	}
	return unsafe.Add(p, uintptr(ref.I)*t.Elem().Size()), nil
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
