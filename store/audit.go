package store

import (
	"context"
	"fmt"

	"github.com/briefbot/briefbot/bot"
)

// The audit log is append-only: Store has no method that changes or
// removes an entry, and the database refuses to (triggers abort any
// UPDATE or DELETE of the audit table), so not even a bug or another
// briefbot version sharing the file can rewrite it. Entries are ordered by
// when they were appended (their row ID), not by their clock, which
// several processes need not share.

var _ bot.AuditLog = (*Store)(nil)

// auditSchema is migration 2: the audit table, and the triggers that make
// it append-only. Times are Unix milliseconds.
var auditSchema = []string{
	`CREATE TABLE audit (
		id       INTEGER PRIMARY KEY AUTOINCREMENT,
		at       INTEGER NOT NULL,
		platform TEXT NOT NULL,
		channel  TEXT NOT NULL,
		user     TEXT NOT NULL,
		command  TEXT NOT NULL,
		args     TEXT NOT NULL,
		outcome  TEXT NOT NULL CHECK (outcome IN ('allowed', 'denied', 'failed')),
		detail   TEXT NOT NULL
	)`,
	`CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`,
	`CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`,
}

// Append implements bot.AuditLog.
func (s *Store) Append(ctx context.Context, e bot.AuditEntry) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO audit (at, platform, channel, user, command, args, outcome, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		ms(e.Time), e.Platform, e.Channel, e.User, e.Command, e.Args, string(e.Outcome), e.Detail)
	if err != nil {
		return fmt.Errorf("append audit entry %s %s: %w", e.Command, e.Outcome, err)
	}
	return nil
}

// Latest implements bot.AuditLog.
func (s *Store) Latest(ctx context.Context, n int) ([]bot.AuditEntry, error) {
	if n <= 0 {
		return nil, nil
	}
	rows, err := s.db.QueryContext(ctx, `SELECT at, platform, channel, user, command, args, outcome, detail FROM audit ORDER BY id DESC LIMIT ?`, n)
	if err != nil {
		return nil, fmt.Errorf("read audit log: %w", err)
	}
	defer rows.Close() // read-only: Err reports what matters
	var out []bot.AuditEntry
	for rows.Next() {
		var e bot.AuditEntry
		var at int64
		var outcome string
		if err := rows.Scan(&at, &e.Platform, &e.Channel, &e.User, &e.Command, &e.Args, &outcome, &e.Detail); err != nil {
			return nil, fmt.Errorf("read audit log: %w", err)
		}
		e.Time, e.Outcome = fromMS(at), bot.AuditOutcome(outcome)
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read audit log: %w", err)
	}
	return out, nil
}
