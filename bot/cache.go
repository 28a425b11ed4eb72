package bot

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"time"
	"unsafe"

	"github.com/briefbot/briefbot/corpus"
)

// AnalysisKey identifies an article's analysis by what it is computed
// from: a SHA-256 of the parts of the article summarize.Analyze reads
// (see KeyOf). The analyzer's version is the cache's business (one cache
// holds one version's analyses).
type AnalysisKey [sha256.Size]byte

// AnalysisCache keeps analyses across restarts (store.AnalysisCache keeps
// them in the state database), so a restart does not analyse an unchanged
// corpus again. It holds them in ancodec's encoding, which is also how
// the index keeps them (see Index.an): a restart reads them back without
// decoding them. The bot calls it with batches of a few hundred articles,
// from several goroutines at once.
//
// The cache is an optimisation: the bot treats any error, and any
// encoding that fails ancodec.Check, as a miss, analyses the article and
// logs the failure, so a broken cache never loses an article.
type AnalysisCache interface {
	// GetEncoded returns, for each keys[i], its cached analysis encoded,
	// or nil when there is none. A non-nil error says some lookups failed
	// (the database, or a row that could not be read); the analyses
	// returned beside it are good. The slices returned are the caller's.
	GetEncoded(ctx context.Context, keys []AnalysisKey) ([][]byte, error)
	// PutEncoded keeps data[i], an analysis encoded, under keys[i], all
	// in one transaction.
	PutEncoded(ctx context.Context, keys []AnalysisKey, data [][]byte) error
}

// KeyOf returns the cache key of a's analysis: a SHA-256 of a's title,
// published time (instant and zone) and body, each length-prefixed. These
// are all the article fields summarize.Analyze reads but the ID, which a
// cache restores from the article itself, so renaming a file keeps its
// analysis. An analysis that starts reading another field must add it
// here.
func KeyOf(a corpus.Article) AnalysisKey {
	h := sha256.New()
	var buf [64]byte
	field := func(s string) {
		h.Write(binary.AppendUvarint(buf[:0], uint64(len(s))))
		h.Write(unsafe.Slice(unsafe.StringData(s), len(s))) // no copy; Write neither keeps nor changes it
	}
	field(a.Title)
	field(a.Published.Format(time.RFC3339Nano) + " " + a.Published.Location().String())
	field(a.Body)
	var k AnalysisKey
	h.Sum(k[:0])
	return k
}
