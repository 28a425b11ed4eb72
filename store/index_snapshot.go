package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/briefbot/briefbot/bot"
)

// indexSnapshotSchema is the migration that adds the index snapshot (see
// migrations): the latest built index (bot.IndexSnapshots), in chunks of
// at most snapshotChunk bytes, since SQLite caps a blob at 1 GB and an
// index of 100,000 articles is near that. Every row holds the key of the
// snapshot it is part of; only one snapshot is kept.
var indexSnapshotSchema = []string{
	`CREATE TABLE index_snapshot (
		chunk INTEGER PRIMARY KEY,
		key   BLOB NOT NULL,
		data  BLOB NOT NULL
	)`,
}

// snapshotChunk is the size of a chunk of an index snapshot.
const snapshotChunk = 64 << 20

// IndexSnapshots keeps the latest index snapshot in the state database.
// It implements bot.IndexSnapshots and is safe for concurrent use.
type IndexSnapshots struct{ s *Store }

var _ bot.IndexSnapshots = IndexSnapshots{}

// IndexSnapshots returns the index snapshot keeper of the database.
func (s *Store) IndexSnapshots() IndexSnapshots { return IndexSnapshots{s} }

// GetIndexSnapshot implements bot.IndexSnapshots: the chunks of the
// snapshot under key joined, in one read transaction.
func (x IndexSnapshots) GetIndexSnapshot(ctx context.Context, key bot.IndexKey) ([]byte, bool, error) {
	tx, err := x.s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, false, fmt.Errorf("read index snapshot: %w", err)
	}
	defer tx.Rollback() // read only: nothing to undo
	var n, size int64
	if err := tx.QueryRowContext(ctx, `SELECT count(*), coalesce(sum(length(data)), 0) FROM index_snapshot WHERE key = ?`, key[:]).Scan(&n, &size); err != nil {
		return nil, false, fmt.Errorf("read index snapshot: %w", err)
	}
	if n == 0 {
		return nil, false, nil
	}
	rows, err := tx.QueryContext(ctx, `SELECT chunk, data FROM index_snapshot WHERE key = ? ORDER BY chunk`, key[:])
	if err != nil {
		return nil, false, fmt.Errorf("read index snapshot: %w", err)
	}
	defer rows.Close()
	out := make([]byte, 0, size)
	var want int64
	for rows.Next() {
		var chunk int64
		var data sql.RawBytes
		if err := rows.Scan(&chunk, &data); err != nil {
			return nil, false, fmt.Errorf("read index snapshot: %w", err)
		}
		if chunk != want {
			return nil, false, fmt.Errorf("read index snapshot: chunk %d missing", want)
		}
		want++
		out = append(out, data...)
	}
	if err := rows.Err(); err != nil {
		return nil, false, fmt.Errorf("read index snapshot: %w", err)
	}
	return out, true, nil
}

// PutIndexSnapshot implements bot.IndexSnapshots: it replaces the
// snapshot kept by data under key, in one transaction.
func (x IndexSnapshots) PutIndexSnapshot(ctx context.Context, key bot.IndexKey, data []byte) error {
	err := x.s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM index_snapshot`); err != nil {
			return err
		}
		for c := 0; c*snapshotChunk < len(data) || c == 0; c++ {
			part := data[c*snapshotChunk : min((c+1)*snapshotChunk, len(data))]
			if _, err := tx.ExecContext(ctx, `INSERT INTO index_snapshot (chunk, key, data) VALUES (?, ?, ?)`, c, key[:], part); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("write index snapshot: %w", err)
	}
	return nil
}
