package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/briefbot/briefbot/bot"
)

// seededKey marks, in meta, that the first articles were recorded: those
// were backlog, every later one is news.
const seededKey = "articles_seeded"

// Seen implements bot.Ledger. The articles of the first call with any on
// a new database are backlog. A call with none records nothing: a corpus
// that failed to load must not make the whole corpus news once it loads.
func (s *Store) Seen(ctx context.Context, now time.Time, arts []bot.SeenArticle) error {
	if len(arts) == 0 {
		return nil
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var v string
		backlog := 0
		switch err := tx.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = ?`, seededKey).Scan(&v); {
		case errors.Is(err, sql.ErrNoRows):
			backlog = 1
			if _, err := tx.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES (?, ?)`, seededKey, now.UTC().Format(time.RFC3339Nano)); err != nil {
				return err
			}
		case err != nil:
			return err
		}
		stmt, err := tx.PrepareContext(ctx, `INSERT OR IGNORE INTO articles (id, first_seen, published, backlog) VALUES (?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		defer stmt.Close() // the transaction's end closes it too
		for _, a := range arts {
			if _, err := stmt.ExecContext(ctx, a.ID, ms(now), ms(a.Published), backlog); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("record %d seen articles: %w", len(arts), err)
	}
	return nil
}

// Pending implements bot.Ledger.
func (s *Store) Pending(ctx context.Context, q bot.PendingQuery) ([]string, error) {
	k := q.Digest
	rows, err := s.db.QueryContext(ctx, `
		SELECT a.id FROM articles a
		WHERE a.first_seen > COALESCE((SELECT floor FROM digests WHERE name = ?1 AND platform = ?2 AND channel = ?3), ?4)
		  AND a.first_seen <= ?5
		  AND (a.backlog = 0 OR (a.published <> 0 AND a.published >= ?6))
		  AND NOT EXISTS (SELECT 1 FROM announced n
		                  WHERE n.name = ?1 AND n.platform = ?2 AND n.channel = ?3 AND n.article = a.id)
		ORDER BY a.first_seen, a.id`,
		k.Name, k.Platform, k.Channel, ms(q.Floor), ms(q.UpTo), ms(q.BacklogSince))
	if err != nil {
		return nil, fmt.Errorf("pending articles of %s: %w", k, err)
	}
	defer rows.Close() // read-only: Err reports what matters
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("pending articles of %s: %w", k, err)
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("pending articles of %s: %w", k, err)
	}
	return ids, nil
}
