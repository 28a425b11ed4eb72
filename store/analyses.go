package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
	"unsafe"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/summarize"
)

// analysesSchema is the migration that adds the analysis cache (see
// migrations). A row is one article's analysis (analyses_codec.go) under
// the hash of what it was computed from (bot.KeyOf) and the analyzer
// version that computed it. The table keeps its rowid: rows are a kilobyte
// or more, too big for a WITHOUT ROWID table's B-tree.
var analysesSchema = []string{
	`CREATE TABLE analyses (
		hash    BLOB NOT NULL,
		version TEXT NOT NULL,
		data    BLOB NOT NULL,
		created INTEGER NOT NULL,
		PRIMARY KEY (hash, version)
	)`,
}

// maxLookup is the most keys one SELECT asks for (SQLite allows 32766
// parameters; a few hundred already make the statement's cost negligible).
const maxLookup = 500

// AnalysisCache is the analysis cache of one analyzer version in the state
// database. It implements bot.AnalysisCache and is safe for concurrent
// use.
type AnalysisCache struct {
	s       *Store
	version string
}

var _ bot.AnalysisCache = (*AnalysisCache)(nil)

// Analyses returns the cache of the analyses computed by the analyzer
// version (summarize.AnalyzerVersion), after deleting every other
// version's: they would never be read again. The space they took is
// reused by new rows; the file does not shrink (no VACUUM, which would
// rewrite the whole database while holding the lock).
//
// Two processes of different versions sharing one state folder delete
// each other's analyses: each then analyses again, and is still right.
func (s *Store) Analyses(ctx context.Context, version string) (*AnalysisCache, error) {
	if version == "" {
		return nil, errors.New("analysis cache: no analyzer version")
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM analyses WHERE version <> ?`, version)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("analysis cache: prune old versions: %w", err)
	}
	return &AnalysisCache{s: s, version: version}, nil
}

// GetAnalyses implements bot.AnalysisCache: one SELECT per maxLookup keys.
// A row that cannot be decoded is a miss, and is reported in the error
// (wrapping errCorrupt) with the others' analyses returned.
func (c *AnalysisCache) GetAnalyses(ctx context.Context, keys []bot.AnalysisKey, arts []corpus.Article) ([]*summarize.Analysis, error) {
	if len(keys) != len(arts) {
		return nil, fmt.Errorf("analysis cache: %d keys for %d articles", len(keys), len(arts))
	}
	out := make([]*summarize.Analysis, len(keys))
	var errs []error
	for lo := 0; lo < len(keys); lo += maxLookup {
		hi := min(lo+maxLookup, len(keys))
		if err := c.get(ctx, keys[lo:hi], arts[lo:hi], out[lo:hi]); err != nil {
			errs = append(errs, err)
		}
	}
	if err := errors.Join(errs...); err != nil {
		return out, fmt.Errorf("analysis cache: %w", err)
	}
	return out, nil
}

// get fills out with the analyses of one batch.
func (c *AnalysisCache) get(ctx context.Context, keys []bot.AnalysisKey, arts []corpus.Article, out []*summarize.Analysis) error {
	at := make(map[bot.AnalysisKey][]int, len(keys)) // copies of one text share a key
	args := make([]any, 1, len(keys)+1)
	args[0] = c.version
	for i, k := range keys {
		if _, ok := at[k]; !ok {
			args = append(args, k[:])
		}
		at[k] = append(at[k], i)
	}
	q := `SELECT hash, data FROM analyses WHERE version = ? AND hash IN (?` + strings.Repeat(",?", len(args)-2) + `)`
	rows, err := c.s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("read %d analyses: %w", len(keys), err)
	}
	defer rows.Close()
	var corrupt []error
	intern := map[string]string{} // names and roles recur across articles
	sl, anSlab := new(slabs), new(slab[summarize.Analysis])
	for rows.Next() {
		var hash, data sql.RawBytes
		if err := rows.Scan(&hash, &data); err != nil {
			return fmt.Errorf("read analyses: %w", err)
		}
		var k bot.AnalysisKey
		if len(hash) != len(k) {
			continue // not a key we asked for
		}
		copy(k[:], hash)
		// The driver's buffer, valid until the next row: the decoded
		// analysis keeps nothing of it (decodeAnalysis copies).
		s := unsafe.String(unsafe.SliceData(data), len(data))
		for _, i := range at[k] {
			an, err := decodeAnalysisIn(s, arts[i], intern, sl, anSlab)
			if err != nil {
				corrupt = append(corrupt, fmt.Errorf("article %s (%x): %w", arts[i].ID, k[:6], err))
				continue
			}
			out[i] = an
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read analyses: %w", err)
	}
	if len(corrupt) > 0 {
		return fmt.Errorf("%d unreadable rows, the first: %w", len(corrupt), corrupt[0])
	}
	return nil
}

// PutAnalyses implements bot.AnalysisCache: the rows are encoded before
// the transaction, so the write lock is held for the inserts only. A
// row already there is replaced.
func (c *AnalysisCache) PutAnalyses(ctx context.Context, keys []bot.AnalysisKey, arts []corpus.Article, ans []*summarize.Analysis) error {
	if len(keys) != len(arts) || len(keys) != len(ans) {
		return fmt.Errorf("analysis cache: %d keys for %d articles and %d analyses", len(keys), len(arts), len(ans))
	}
	rows := make([][]byte, len(keys))
	var buf []byte
	for i, an := range ans {
		buf = encodeAnalysis(buf[:0], an, arts[i].Body)
		rows[i] = append([]byte(nil), buf...)
	}
	now := time.Now().UnixMilli()
	err := c.s.tx(ctx, func(tx *sql.Tx) error {
		st, err := tx.PrepareContext(ctx, `INSERT OR REPLACE INTO analyses (hash, version, data, created) VALUES (?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		defer st.Close()
		for i, k := range keys {
			if _, err := st.ExecContext(ctx, k[:], c.version, rows[i], now); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("analysis cache: write %d analyses: %w", len(keys), err)
	}
	return nil
}
