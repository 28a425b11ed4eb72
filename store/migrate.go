package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// ErrNewerSchema is wrapped by Open when the database's schema is newer
// than this briefbot knows: a newer version migrated it.
var ErrNewerSchema = errors.New("the state database was written by a newer briefbot")

// migrations[i] brings the schema from version i to i+1. The version is
// SQLite's user_version. Append; never edit a released migration.
var migrations = [][]string{
	{ // 1: the digest ledger and chat subscriptions. Times are Unix milliseconds.
		`CREATE TABLE meta (
			key   TEXT PRIMARY KEY,
			value TEXT NOT NULL
		) WITHOUT ROWID`,
		// When the bot first saw each article; backlog marks those present
		// when the state was created.
		`CREATE TABLE articles (
			id         TEXT PRIMARY KEY,
			first_seen INTEGER NOT NULL,
			published  INTEGER NOT NULL,
			backlog    INTEGER NOT NULL
		) WITHOUT ROWID`,
		`CREATE INDEX articles_first_seen ON articles (first_seen)`,
		// A digest's floor: it never announces articles first seen before.
		`CREATE TABLE digests (
			name     TEXT NOT NULL,
			platform TEXT NOT NULL,
			channel  TEXT NOT NULL,
			floor    INTEGER NOT NULL,
			created  INTEGER NOT NULL,
			PRIMARY KEY (name, platform, channel)
		) WITHOUT ROWID`,
		`CREATE TABLE slots (
			name        TEXT NOT NULL,
			platform    TEXT NOT NULL,
			channel     TEXT NOT NULL,
			slot        INTEGER NOT NULL,
			status      TEXT NOT NULL CHECK (status IN ('claimed', 'posted', 'empty', 'failed')),
			owner       TEXT NOT NULL,
			lease_until INTEGER NOT NULL,
			claims      INTEGER NOT NULL,
			message_id  TEXT NOT NULL DEFAULT '',
			error       TEXT NOT NULL DEFAULT '',
			claimed_at  INTEGER NOT NULL,
			finished_at INTEGER NOT NULL DEFAULT 0,
			PRIMARY KEY (name, platform, channel, slot)
		) WITHOUT ROWID`,
		// Which slot of a digest announced (or reserved) each article: one
		// row per article, so nothing is announced twice.
		`CREATE TABLE announced (
			name     TEXT NOT NULL,
			platform TEXT NOT NULL,
			channel  TEXT NOT NULL,
			article  TEXT NOT NULL,
			slot     INTEGER NOT NULL,
			PRIMARY KEY (name, platform, channel, article)
		) WITHOUT ROWID`,
		`CREATE INDEX announced_slot ON announced (name, platform, channel, slot)`,
		`CREATE TABLE subscriptions (
			platform TEXT NOT NULL,
			channel  TEXT NOT NULL,
			at       TEXT NOT NULL,
			timezone TEXT NOT NULL,
			by       TEXT NOT NULL,
			created  INTEGER NOT NULL,
			PRIMARY KEY (platform, channel)
		) WITHOUT ROWID`,
	},
	auditSchema,         // 2: the audit log of admin commands (audit.go)
	analysesSchema,      // 3: the analysis cache (analyses.go); no code depends on its number
	indexSnapshotSchema, // 4: the latest index snapshot (index_snapshot.go)
}

// migrate applies the migrations the database lacks, in one transaction
// that holds the write lock, so two processes opening a new database at
// once migrate it once.
func (s *Store) migrate(ctx context.Context) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		var v int
		if err := tx.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&v); err != nil {
			return fmt.Errorf("read schema version: %w", err)
		}
		if v > len(migrations) {
			return fmt.Errorf("schema version %d, this briefbot knows %d: %w", v, len(migrations), ErrNewerSchema)
		}
		for i := v; i < len(migrations); i++ {
			for _, stmt := range migrations[i] {
				if _, err := tx.ExecContext(ctx, stmt); err != nil {
					return fmt.Errorf("migrate to schema %d: %w", i+1, err)
				}
			}
		}
		if v == len(migrations) {
			return nil
		}
		// PRAGMA takes no parameters; the value is an int we control.
		if _, err := tx.ExecContext(ctx, fmt.Sprintf(`PRAGMA user_version = %d`, len(migrations))); err != nil {
			return fmt.Errorf("write schema version: %w", err)
		}
		return nil
	})
}
