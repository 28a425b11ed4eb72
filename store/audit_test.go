package store

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
)

// TestAuditAppendLatest appends entries and reads them back newest first,
// across a reopen of the database.
func TestAuditAppendLatest(t *testing.T) {
	dir := t.TempDir()
	s := open(t, dir)
	want := []bot.AuditEntry{
		{Time: t0, Platform: "slack", Channel: "C1", User: "U1", Command: "subscribe", Args: "daily 08:00 Europe/London", Outcome: bot.AuditAllowed, Detail: "admin user"},
		{Time: t0.Add(time.Minute), Platform: "discord", Channel: "5", User: "7", Command: "reload", Outcome: bot.AuditDenied},
		{Time: t0.Add(time.Minute), Platform: "slack", Channel: "C1", User: "U1", Command: "reload", Outcome: bot.AuditFailed, Detail: "disk on fire"},
	}
	for _, e := range want {
		if err := s.Append(t.Context(), e); err != nil {
			t.Fatal(err)
		}
	}
	s2 := open(t, dir)
	tests := []struct {
		n    int
		want []bot.AuditEntry
	}{
		{0, nil},
		{2, []bot.AuditEntry{want[2], want[1]}},
		{10, []bot.AuditEntry{want[2], want[1], want[0]}},
	}
	for _, tt := range tests {
		got, err := s2.Latest(t.Context(), tt.n)
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("Latest(%d) = %+v, want %+v", tt.n, got, tt.want)
		}
	}
}

// TestAuditIsAppendOnly checks the database itself refuses to change or
// remove an entry, and an outcome it does not know.
func TestAuditIsAppendOnly(t *testing.T) {
	s := open(t, t.TempDir())
	if err := s.Append(t.Context(), bot.AuditEntry{Time: t0, Platform: "slack", Channel: "C1", User: "U1", Command: "reload", Outcome: bot.AuditDenied}); err != nil {
		t.Fatal(err)
	}
	for _, stmt := range []string{
		`UPDATE audit SET outcome = 'allowed'`,
		`DELETE FROM audit`,
	} {
		_, err := s.db.ExecContext(t.Context(), stmt)
		if err == nil || !strings.Contains(err.Error(), "the audit log is append-only") {
			t.Errorf("%s: %v, want the append-only refusal", stmt, err)
		}
	}
	if err := s.Append(t.Context(), bot.AuditEntry{Time: t0, Command: "reload", Outcome: "maybe"}); err == nil {
		t.Error("an unknown outcome was recorded")
	}
	if got, err := s.Latest(t.Context(), 5); err != nil || len(got) != 1 || got[0].Outcome != bot.AuditDenied {
		t.Errorf("Latest = %+v, %v; want the one entry, unchanged", got, err)
	}
}

// TestAuditMigratesSchemaOne opens a database left at schema 1 (before the
// audit log) with a subscription in it: the audit table is added and the
// subscription kept.
func TestAuditMigratesSchemaOne(t *testing.T) {
	dir := t.TempDir()
	db, err := sql.Open("sqlite", filepath.Join(dir, FileName))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, stmt := range append(append([]string(nil), migrations[0]...), `PRAGMA user_version = 1`,
		`INSERT INTO subscriptions (platform, channel, at, timezone, by, created) VALUES ('slack', 'C1', '08:00', 'UTC', 'U1', 1)`) {
		if _, err := db.ExecContext(ctx, stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	s := open(t, dir)
	if subs, err := s.List(t.Context()); err != nil || len(subs) != 1 {
		t.Errorf("subscriptions after migrating = %+v, %v; want the one", subs, err)
	}
	if err := s.Append(t.Context(), bot.AuditEntry{Time: t0, Platform: "slack", Channel: "C1", User: "U1", Command: "audit", Outcome: bot.AuditAllowed}); err != nil {
		t.Errorf("Append after migrating: %v", err)
	}
	var v int
	if err := s.db.QueryRowContext(t.Context(), `PRAGMA user_version`).Scan(&v); err != nil || v != len(migrations) {
		t.Errorf("schema version %d, %v; want %d", v, err, len(migrations))
	}
}
