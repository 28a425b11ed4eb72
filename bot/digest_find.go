package bot

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// PostFinder is a capability a Platform may have: finding a post it
// accepted by the Reply.Key it was posted with. The scheduler asks it
// before posting a slot that may have been posted already, by an owner
// that died (or timed out) between the platform accepting the post and the
// ledger recording it; a post found is recorded, not posted again.
type PostFinder interface {
	// FindPost looks in channel for the bot's own post made with key at or
	// after since. found reports that the whole post is there, and id is
	// the message ID Post returned for it (its first message's).
	//
	// When a post of several messages is there only in part, FindPost
	// returns the first message found as id, found false and an error
	// wrapping ErrPartialPost. When the platform does not let the bot look
	// (a missing scope or permission) it logs why and reports not found,
	// nil. A rate limit or server error comes back as a *RetryError; ctx's
	// error and any other failure, wrapped.
	FindPost(ctx context.Context, channel, key string, since time.Time) (id string, found bool, err error)
}

// ErrPartialPost is wrapped by PostFinder.FindPost when only some of the
// messages of a post are on the platform: its poster died between two of
// them.
var ErrPartialPost = errors.New("only part of the post was accepted")

// FoundParts tells a PostFinder what the parts of a post it found add up
// to: parts maps each part number found (1-based) to its message ID, and
// total is the number of parts the post was made of. It returns the ID of
// the first part found, found true when every part is there, and an error
// wrapping ErrPartialPost when only some are. No parts is not found, nil.
func FoundParts(parts map[int]string, total int) (id string, found bool, err error) {
	if len(parts) == 0 {
		return "", false, nil
	}
	first := 0
	for p := range parts {
		if first == 0 || p < first {
			first = p
		}
	}
	if len(parts) < total {
		return parts[first], false, fmt.Errorf("%d of %d messages: %w", len(parts), total, ErrPartialPost)
	}
	return parts[first], true, nil
}

// clockSkew is how far the platform's clock may be behind ours: a post
// made at or after a slot (on our clock) is looked for from this much
// before it.
const clockSkew = 5 * time.Minute

// lookup is the outcome of looking for a slot's post before posting it.
type lookup int

const (
	lookupNone    lookup = iota // not there (or the platform cannot look): post it
	lookupFound                 // there in full: record it as posted
	lookupPartial               // there in part: record the slot failed, never post it again
)

// findPost asks p, when it is a PostFinder, whether r (the post of slot
// key) is there already. A *RetryError is returned for the caller to wait
// and ask again; any other failure to look is logged and reads as not
// there, so a digest is never lost to the lookup.
func (s *Scheduler) findPost(ctx context.Context, p Platform, channel string, key SlotKey, r Reply) (lookup, string, error) {
	f, ok := p.(PostFinder)
	if !ok {
		return lookupNone, "", nil
	}
	id, found, err := f.FindPost(ctx, channel, r.Key, key.Time.Add(-clockSkew))
	var re *RetryError
	switch {
	case errors.Is(err, ErrPartialPost):
		return lookupPartial, id, nil
	case errors.As(err, &re):
		return lookupNone, "", err
	case err != nil:
		if ctx.Err() != nil {
			return lookupNone, "", err
		}
		s.log.Warn("could not look for an earlier post of the digest; posting it", "slot", key, "err", err)
		return lookupNone, "", nil
	case found:
		return lookupFound, id, nil
	}
	return lookupNone, "", nil
}
