package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/briefbot/briefbot/bot"
)

// Claim implements bot.Ledger: in one transaction it records the digest's
// floor if it has none, inserts the slot as claimed or takes it over
// (expired lease, or already the caller's), reserves the free articles and
// returns the slot with the articles reserved for it.
func (s *Store) Claim(ctx context.Context, c bot.Claim) (bot.Slot, error) {
	k := c.Key.Digest
	var out bot.Slot
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO digests (name, platform, channel, floor, created) VALUES (?, ?, ?, ?, ?)`,
			k.Name, k.Platform, k.Channel, ms(c.Floor), ms(c.Now)); err != nil {
			return err
		}
		cur, found, err := slotRow(ctx, tx, c.Key)
		if err != nil {
			return err
		}
		switch {
		case !found:
			_, err = tx.ExecContext(ctx, `INSERT INTO slots (name, platform, channel, slot, status, owner, lease_until, claims, claimed_at)
				VALUES (?, ?, ?, ?, 'claimed', ?, ?, 1, ?)`,
				k.Name, k.Platform, k.Channel, ms(c.Key.Time), c.Owner, ms(c.LeaseUntil), ms(c.Now))
		case cur.Status == bot.SlotClaimed && (cur.Owner == c.Owner || !cur.LeaseUntil.After(c.Now)):
			claims := cur.Claims
			if cur.Owner != c.Owner {
				claims++ // a takeover
			}
			_, err = tx.ExecContext(ctx, `UPDATE slots SET owner = ?, lease_until = ?, claims = ?
				WHERE name = ? AND platform = ? AND channel = ? AND slot = ?`,
				c.Owner, ms(c.LeaseUntil), claims, k.Name, k.Platform, k.Channel, ms(c.Key.Time))
		default:
			out = cur
			return nil // done, or another live owner's
		}
		if err != nil {
			return err
		}
		for _, id := range c.Articles {
			if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO announced (name, platform, channel, article, slot) VALUES (?, ?, ?, ?, ?)`,
				k.Name, k.Platform, k.Channel, id, ms(c.Key.Time)); err != nil {
				return err
			}
		}
		if out, _, err = slotRow(ctx, tx, c.Key); err != nil {
			return err
		}
		out.Articles, err = reserved(ctx, tx, c.Key)
		return err
	})
	if err != nil {
		return bot.Slot{}, fmt.Errorf("claim %s: %w", c.Key, err)
	}
	return out, nil
}

// Finish implements bot.Ledger.
func (s *Store) Finish(ctx context.Context, key bot.SlotKey, owner string, o bot.Outcome) error {
	k := key.Digest
	where := ` WHERE name = ? AND platform = ? AND channel = ? AND slot = ? AND status = 'claimed' AND owner = ?`
	args := []any{k.Name, k.Platform, k.Channel, ms(key.Time), owner}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var res sql.Result
		var err error
		switch o.Status {
		case bot.SlotReleased:
			res, err = tx.ExecContext(ctx, `UPDATE slots SET owner = '', lease_until = 0`+where, args...)
		case bot.SlotPosted, bot.SlotEmpty, bot.SlotFailed:
			res, err = tx.ExecContext(ctx, `UPDATE slots SET status = ?, message_id = ?, error = ?, finished_at = ?, lease_until = 0`+where,
				append([]any{string(o.Status), o.MessageID, o.Err, ms(o.At)}, args...)...)
		default:
			return fmt.Errorf("unknown outcome %q", o.Status)
		}
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return errors.Join(err, bot.ErrNotHeld)
		}
		if o.Status == bot.SlotFailed { // its articles go to the next slot
			_, err = tx.ExecContext(ctx, `DELETE FROM announced WHERE name = ? AND platform = ? AND channel = ? AND slot = ?`,
				k.Name, k.Platform, k.Channel, ms(key.Time))
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("finish %s as %s: %w", key, o.Status, err)
	}
	return nil
}

// Slots implements bot.Ledger.
func (s *Store) Slots(ctx context.Context, d bot.DigestKey, from, to time.Time) ([]bot.Slot, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+slotColumns+` FROM slots
		WHERE name = ? AND platform = ? AND channel = ? AND slot > ? AND slot <= ? ORDER BY slot`,
		d.Name, d.Platform, d.Channel, ms(from), ms(to))
	if err != nil {
		return nil, fmt.Errorf("slots of %s: %w", d, err)
	}
	defer rows.Close() // read-only: Err reports what matters
	var out []bot.Slot
	for rows.Next() {
		sl, err := scanSlot(rows, d)
		if err != nil {
			return nil, fmt.Errorf("slots of %s: %w", d, err)
		}
		out = append(out, sl)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("slots of %s: %w", d, err)
	}
	return out, nil
}

// LastPosted implements bot.Ledger.
func (s *Store) LastPosted(ctx context.Context, d bot.DigestKey) (bot.Slot, bool, error) {
	row := s.db.QueryRowContext(ctx, `SELECT `+slotColumns+` FROM slots
		WHERE name = ? AND platform = ? AND channel = ? AND status = 'posted' ORDER BY slot DESC LIMIT 1`,
		d.Name, d.Platform, d.Channel)
	sl, err := scanSlot(row, d)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return bot.Slot{}, false, nil
	case err != nil:
		return bot.Slot{}, false, fmt.Errorf("last posted slot of %s: %w", d, err)
	}
	return sl, true, nil
}

const slotColumns = `slot, status, owner, lease_until, claims, message_id, error, finished_at`

type scanner interface{ Scan(dest ...any) error }

func scanSlot(r scanner, d bot.DigestKey) (bot.Slot, error) {
	var slot, lease, finished int64
	var status string
	sl := bot.Slot{Key: bot.SlotKey{Digest: d}}
	if err := r.Scan(&slot, &status, &sl.Owner, &lease, &sl.Claims, &sl.MessageID, &sl.Err, &finished); err != nil {
		return bot.Slot{}, err
	}
	sl.Key.Time, sl.Status, sl.LeaseUntil, sl.Finished = fromMS(slot), bot.SlotStatus(status), fromMS(lease), fromMS(finished)
	return sl, nil
}

// slotRow reads one slot inside a transaction.
func slotRow(ctx context.Context, tx *sql.Tx, key bot.SlotKey) (bot.Slot, bool, error) {
	k := key.Digest
	row := tx.QueryRowContext(ctx, `SELECT `+slotColumns+` FROM slots WHERE name = ? AND platform = ? AND channel = ? AND slot = ?`,
		k.Name, k.Platform, k.Channel, ms(key.Time))
	sl, err := scanSlot(row, k)
	if errors.Is(err, sql.ErrNoRows) {
		return bot.Slot{}, false, nil
	}
	return sl, err == nil, err
}

// reserved returns the articles reserved for a slot, in ID order.
func reserved(ctx context.Context, tx *sql.Tx, key bot.SlotKey) ([]string, error) {
	k := key.Digest
	rows, err := tx.QueryContext(ctx, `SELECT article FROM announced WHERE name = ? AND platform = ? AND channel = ? AND slot = ? ORDER BY article`,
		k.Name, k.Platform, k.Channel, ms(key.Time))
	if err != nil {
		return nil, err
	}
	defer rows.Close() // read-only: Err reports what matters
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}
