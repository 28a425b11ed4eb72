package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/internal/ancodec"
)

// analysesSchema is the migration that adds the analysis cache (see
// migrations). A row is one article's analysis (internal/ancodec) under
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
// database: a cache of encoded analyses (internal/ancodec) by key. It
// implements bot.AnalysisCache and is safe for concurrent use.
type AnalysisCache struct {
	s       *Store
	version string
	scratch sync.Pool // of *[]byte: where a lookup gathers its rows before its arena
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

// GetEncoded returns, for each keys[i], its cached analysis in ancodec's
// encoding, or nil when there is none: one SELECT per maxLookup keys.
// Rows failing ancodec.Check are misses and are reported in the error
// (wrapping ancodec.ErrCorrupt, naming the key); the others are returned
// beside it.
//
// The returned slices are the caller's, not the driver's buffers: the rows
// of one SELECT are copied into one allocation of exactly their size, each
// cut with its capacity at its length, so appending to one never writes
// into another. Keys that repeat in keys (copies of one text) get the same
// slice: treat the bytes as read-only.
func (c *AnalysisCache) GetEncoded(ctx context.Context, keys []bot.AnalysisKey) ([][]byte, error) {
	out := make([][]byte, len(keys))
	var errs, corrupt []error
	for lo := 0; lo < len(keys); lo += maxLookup {
		hi := min(lo+maxLookup, len(keys))
		bad, err := c.fetch(ctx, keys[lo:hi], out[lo:hi])
		if err != nil {
			errs = append(errs, err)
		}
		for _, b := range bad {
			corrupt = append(corrupt, fmt.Errorf("key %x: %w", keys[lo+b.i][:6], b.err))
		}
	}
	return out, joinErrors(errs, corrupt)
}

// joinErrors is the error of a lookup: the database's errors, then the
// count of unreadable rows and the first of them.
func joinErrors(errs, corrupt []error) error {
	if len(corrupt) > 0 {
		errs = append(errs, fmt.Errorf("%d unreadable rows, the first: %w", len(corrupt), corrupt[0]))
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("analysis cache: %w", err)
	}
	return nil
}

// badRow is a row of a lookup that failed ancodec.Check.
type badRow struct {
	i   int // an index of its key
	err error
}

// fetch fills out with the rows of keys (at most maxLookup of them) and
// returns the rows that failed ancodec.Check (out has nil there). The
// rows are copied out of the driver's buffers into a scratch buffer as
// they come, then into one allocation of their exact size.
func (c *AnalysisCache) fetch(ctx context.Context, keys []bot.AnalysisKey, out [][]byte) ([]badRow, error) {
	// Copies of one text share a key: first[k] is the last index of k in
	// keys, and each index's next is the one before it with that key
	// (-1: none), so the indices of k are one chain.
	first := make(map[bot.AnalysisKey]int, len(keys))
	next := make([]int, len(keys))
	args := make([]any, 1, len(keys)+1)
	args[0] = c.version
	for i := range keys {
		j, ok := first[keys[i]]
		if !ok {
			j = -1
			args = append(args, keys[i][:]) // the caller's array: no copy
		}
		next[i], first[keys[i]] = j, i
	}
	q := `SELECT hash, data FROM analyses WHERE version = ? AND hash IN (?` + strings.Repeat(",?", len(args)-2) + `)`
	rows, err := c.s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("read %d analyses: %w", len(keys), err)
	}
	defer rows.Close()
	type span struct {
		last     int // the last index of its key
		from, to int // in the scratch buffer, then in the arena
	}
	spans := make([]span, 0, len(first))
	var bad []badRow
	bufp, _ := c.scratch.Get().(*[]byte)
	if bufp == nil {
		bufp = new([]byte)
	}
	defer c.scratch.Put(bufp)
	buf := (*bufp)[:0]
	var hash, data sql.RawBytes // the driver's, valid until the next row (here, not in the loop: Scan makes them escape)
	for rows.Next() {
		if err := rows.Scan(&hash, &data); err != nil {
			return bad, fmt.Errorf("read analyses: %w", err)
		}
		var k bot.AnalysisKey
		if len(hash) != len(k) {
			continue // not a key we asked for
		}
		copy(k[:], hash)
		i, ok := first[k]
		if !ok {
			continue
		}
		if err := ancodec.Check(data); err != nil {
			bad = append(bad, badRow{i: i, err: err})
			continue
		}
		spans = append(spans, span{last: i, from: len(buf), to: len(buf) + len(data)})
		buf = append(buf, data...)
	}
	*bufp = buf
	if err := rows.Err(); err != nil {
		return bad, fmt.Errorf("read analyses: %w", err)
	}
	arena := make([]byte, len(buf))
	copy(arena, buf)
	for _, sp := range spans {
		row := arena[sp.from:sp.to:sp.to]
		for i := sp.last; i >= 0; i = next[i] {
			out[i] = row
		}
	}
	return bad, nil
}

// PutEncoded keeps data[i], an analysis in ancodec's encoding, under
// keys[i], all in one transaction; a row already there is replaced. It
// writes nothing and fails (wrapping ancodec.ErrCorrupt) when a data[i]
// fails ancodec.Check, or when the lengths differ.
func (c *AnalysisCache) PutEncoded(ctx context.Context, keys []bot.AnalysisKey, data [][]byte) error {
	if len(keys) != len(data) {
		return fmt.Errorf("analysis cache: %d keys for %d rows", len(keys), len(data))
	}
	for i, row := range data {
		if err := ancodec.Check(row); err != nil {
			return fmt.Errorf("analysis cache: row %d (key %x): %w", i, keys[i][:6], err)
		}
	}
	now := time.Now().UnixMilli()
	err := c.s.tx(ctx, func(tx *sql.Tx) error {
		st, err := tx.PrepareContext(ctx, `INSERT OR REPLACE INTO analyses (hash, version, data, created) VALUES (?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		defer st.Close()
		for i, k := range keys {
			if _, err := st.ExecContext(ctx, k[:], c.version, data[i], now); err != nil {
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
