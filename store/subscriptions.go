package store

import (
	"context"
	"fmt"

	"github.com/briefbot/briefbot/bot"
)

// Subscribe implements bot.Subscriptions.
func (s *Store) Subscribe(ctx context.Context, sub bot.Subscription) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO subscriptions (platform, channel, at, timezone, by, created) VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (platform, channel) DO UPDATE SET at = excluded.at, timezone = excluded.timezone, by = excluded.by, created = excluded.created`,
		sub.Platform, sub.Channel, sub.At, sub.Timezone, sub.By, ms(sub.Created))
	if err != nil {
		return fmt.Errorf("subscribe %s/%s: %w", sub.Platform, sub.Channel, err)
	}
	return nil
}

// Unsubscribe implements bot.Subscriptions.
func (s *Store) Unsubscribe(ctx context.Context, platform, channel string) (bool, error) {
	res, err := s.db.ExecContext(ctx, `DELETE FROM subscriptions WHERE platform = ? AND channel = ?`, platform, channel)
	if err != nil {
		return false, fmt.Errorf("unsubscribe %s/%s: %w", platform, channel, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("unsubscribe %s/%s: %w", platform, channel, err)
	}
	return n > 0, nil
}

// List implements bot.Subscriptions.
func (s *Store) List(ctx context.Context) ([]bot.Subscription, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT platform, channel, at, timezone, by, created FROM subscriptions ORDER BY platform, channel`)
	if err != nil {
		return nil, fmt.Errorf("list subscriptions: %w", err)
	}
	defer rows.Close() // read-only: Err reports what matters
	var out []bot.Subscription
	for rows.Next() {
		var sub bot.Subscription
		var created int64
		if err := rows.Scan(&sub.Platform, &sub.Channel, &sub.At, &sub.Timezone, &sub.By, &created); err != nil {
			return nil, fmt.Errorf("list subscriptions: %w", err)
		}
		sub.Created = fromMS(created)
		out = append(out, sub)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list subscriptions: %w", err)
	}
	return out, nil
}
