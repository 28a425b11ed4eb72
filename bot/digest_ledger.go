package bot

import (
	"context"
	"errors"
	"time"
)

// Ledger is the durable record the scheduler keeps so that a digest slot
// is posted at most once across restarts and replicas, and an article is
// announced at most once per digest. It is declared here, where it is
// used; package store implements it on SQLite. Every method is safe for
// concurrent use, by goroutines and by processes sharing the ledger, and
// returns ctx's error (wrapped) when ctx ends first.
type Ledger interface {
	// Seen records the first time the bot saw each article; an article it
	// already holds keeps its time. The articles of the first call that
	// has any, on a new ledger, are backlog (see PendingQuery).
	Seen(ctx context.Context, now time.Time, arts []SeenArticle) error

	// Pending returns the IDs of the articles a digest has not announced
	// that q admits. It writes nothing.
	Pending(ctx context.Context, q PendingQuery) ([]string, error)

	// Claim takes the slot for c.Owner, atomically: it inserts the slot as
	// claimed, or takes over a claimed slot whose lease has expired (its
	// owner died before the platform accepted the post) or that c.Owner
	// holds already, renewing the lease. It then reserves for the slot
	// those of c.Articles no other slot of the digest announced. It returns
	// the slot as it stands: held when Owner == c.Owner, with Articles the
	// reserved IDs; a slot posted, empty, failed or held by another live
	// owner is returned as it is and left alone.
	Claim(ctx context.Context, c Claim) (Slot, error)

	// Finish records the outcome of a slot owner holds. Failed releases
	// the slot's articles to the next slot; Released keeps the slot claimed
	// but lets any process take it over at once. It wraps ErrNotHeld when
	// owner does not hold the slot.
	Finish(ctx context.Context, key SlotKey, owner string, o Outcome) error

	// Slots returns the digest's slots in (from, to], in slot order,
	// without their articles.
	Slots(ctx context.Context, d DigestKey, from, to time.Time) ([]Slot, error)

	// LastPosted returns the digest's latest posted slot; ok is false when
	// none was ever posted.
	LastPosted(ctx context.Context, d DigestKey) (s Slot, ok bool, err error)
}

// Subscriptions stores the digests channel admins subscribe to in chat,
// one a channel. Every method is safe for concurrent use.
type Subscriptions interface {
	// Subscribe adds sub, replacing the channel's subscription.
	Subscribe(ctx context.Context, sub Subscription) error
	// Unsubscribe removes the channel's subscription; ok is false when it
	// had none.
	Unsubscribe(ctx context.Context, platform, channel string) (ok bool, err error)
	// List returns every subscription, by platform then channel.
	List(ctx context.Context) ([]Subscription, error)
}

// ErrNotHeld is wrapped by Ledger.Finish when the caller does not hold the
// slot (another process took it over, or it was never claimed).
var ErrNotHeld = errors.New("slot not held")

// DigestKey identifies a digest in the ledger: what it announced belongs
// to it.
type DigestKey struct {
	Name, Platform, Channel string
}

// String returns "name/platform/channel".
func (k DigestKey) String() string { return k.Name + "/" + k.Platform + "/" + k.Channel }

// SlotKey identifies one run of a digest: digest/platform/channel/slot-time.
type SlotKey struct {
	Digest DigestKey
	Time   time.Time // the slot, to the second
}

// String returns "name/platform/channel/2025-08-11T07:00:00Z".
func (k SlotKey) String() string {
	return k.Digest.String() + "/" + k.Time.UTC().Format(time.RFC3339)
}

// SlotStatus is where a slot stands.
type SlotStatus string

// Slot statuses. Claimed is the only one that is not final.
const (
	SlotClaimed SlotStatus = "claimed" // being posted, or its owner died
	SlotPosted  SlotStatus = "posted"  // the platform accepted the digest
	SlotEmpty   SlotStatus = "empty"   // nothing new and the digest skips empty runs
	SlotFailed  SlotStatus = "failed"  // given up: a permanent error, or too late to post
	// SlotReleased is an Outcome only: the owner stops without posting and
	// the slot stays claimed, free for anyone to take over.
	SlotReleased SlotStatus = "released"
)

// Slot is a slot as the ledger records it.
type Slot struct {
	Key        SlotKey
	Status     SlotStatus
	Owner      string    // who holds a claimed slot
	LeaseUntil time.Time // when a claimed slot may be taken over
	Claims     int       // how many times it was claimed: more than 1 after a takeover
	MessageID  string    // the platform's ID of the posted digest
	Err        string    // why it failed
	Finished   time.Time // when it was posted, found empty or failed
	Articles   []string  // the articles reserved for it (Claim only)
}

// Claim asks the ledger for a slot.
type Claim struct {
	Key        SlotKey
	Owner      string
	Now        time.Time
	LeaseUntil time.Time
	// Floor is recorded as the digest's floor (see PendingQuery) if the
	// digest has none yet.
	Floor    time.Time
	Articles []string // the articles to reserve, if free
}

// Outcome is how a slot ended.
type Outcome struct {
	Status    SlotStatus // SlotPosted, SlotEmpty, SlotFailed or SlotReleased
	MessageID string
	Err       string
	At        time.Time
}

// SeenArticle is an article as Ledger.Seen records it.
type SeenArticle struct {
	ID        string
	Published time.Time // zero when unknown
}

// PendingQuery selects the articles a digest may announce: those first seen
// after the digest's floor and at or before UpTo, that no slot of the
// digest announced. The floor is the one the digest's first Claim
// recorded, else Floor. Backlog articles (present when the ledger was
// created) are admitted only when published at or after BacklogSince.
type PendingQuery struct {
	Digest       DigestKey
	Floor        time.Time
	UpTo         time.Time
	BacklogSince time.Time
}

// Subscription is a daily digest a channel admin asked for in chat.
type Subscription struct {
	Platform, Channel string
	At                string // "08:00", the time of day in Timezone
	Timezone          string // an IANA name: "Europe/London"
	By                string // the user who subscribed
	Created           time.Time
}
