// Package store keeps briefbot's durable state in SQLite (modernc.org/sqlite,
// pure Go): the digest ledger (slots with their claim, status and message
// ID; the articles each digest announced; when each article was first
// seen) and the digests channels subscribed to in chat.
//
// Several processes may share one state folder: the database runs in WAL
// mode, every write is one IMMEDIATE transaction, and a slot is claimed by
// an atomic insert, so a slot is posted by one process only.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"modernc.org/sqlite" // also registers the database/sql driver "sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/briefbot/briefbot/bot"
)

// FileName is the database's name in the state folder.
const FileName = "briefbot.db"

// busyTimeout is how long a write waits for another process's.
const busyTimeout = 10 * time.Second

// Store is the state database. It implements bot.Ledger and
// bot.Subscriptions, and is safe for concurrent use.
type Store struct {
	db   *sql.DB
	path string
}

var (
	_ bot.Ledger        = (*Store)(nil)
	_ bot.Subscriptions = (*Store)(nil)
)

// Open opens the state database in dir, creating the folder (mode 0700) and
// the database as needed and migrating its schema to the current version.
// It wraps ErrNewerSchema when another briefbot, newer than this one,
// migrated the database further.
func Open(ctx context.Context, dir string) (*Store, error) {
	if dir == "" {
		return nil, errors.New("open state: no folder given")
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("open state: %w", err)
	}
	path := filepath.Join(dir, FileName)
	if strings.ContainsRune(path, '?') {
		return nil, fmt.Errorf("open state %s: the path may not hold a question mark", path)
	}
	dsn := fmt.Sprintf("%s?_pragma=busy_timeout(%d)&_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)&_pragma=foreign_keys(1)&_txlock=immediate",
		path, busyTimeout.Milliseconds())
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open state %s: %w", path, err)
	}
	// One connection: SQLite writes one at a time anyway, and within a
	// process a single connection cannot deadlock on its own locks.
	db.SetMaxOpenConns(1)
	s := &Store{db: db, path: path}
	if err := retryBusy(ctx, func() error { return s.migrate(ctx) }); err != nil {
		db.Close() // the migration error is the one to report
		return nil, fmt.Errorf("open state %s: %w", path, err)
	}
	return s, nil
}

// retryBusy runs f until it succeeds, fails with anything but SQLITE_BUSY,
// or busyTimeout has passed. SQLite's busy handler covers ordinary writes,
// but not every lock a fresh connection takes: two processes opening one new
// database at once (switching it to WAL, recovering its WAL) can get
// SQLITE_BUSY at once, which only trying again resolves.
func retryBusy(ctx context.Context, f func() error) error {
	deadline := time.Now().Add(busyTimeout)
	wait := 5 * time.Millisecond
	for {
		err := f()
		if err == nil || !isBusy(err) || time.Now().After(deadline) {
			return err
		}
		select {
		case <-ctx.Done():
			return errors.Join(err, ctx.Err())
		case <-time.After(wait):
		}
		wait = min(2*wait, 250*time.Millisecond)
	}
}

// isBusy reports whether err is SQLite's SQLITE_BUSY (or one of its
// extended codes).
func isBusy(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_BUSY
}

// Path returns the database file's path.
func (s *Store) Path() string { return s.path }

// Close closes the database.
func (s *Store) Close() error {
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("close state: %w", err)
	}
	return nil
}

// tx runs f in one IMMEDIATE transaction: it holds the write lock from the
// start, so a read inside it cannot be invalidated by another writer.
func (s *Store) tx(ctx context.Context, f func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := f(tx); err != nil {
		if rerr := tx.Rollback(); rerr != nil && !errors.Is(rerr, sql.ErrTxDone) {
			return errors.Join(err, rerr)
		}
		return err
	}
	return tx.Commit()
}

// Times are stored as Unix milliseconds; 0 stands for the zero time.
func ms(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixMilli()
}

func fromMS(v int64) time.Time {
	if v == 0 {
		return time.Time{}
	}
	return time.UnixMilli(v).UTC()
}
