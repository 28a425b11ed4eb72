package slack

import (
	"context"
	"slices"
	"sync"
	"time"
)

// DefaultGroupsTTL is how long the members of a user group are reused
// before usergroups.users.list is asked again.
const DefaultGroupsTTL = 5 * time.Minute

// Bounds of one usergroups.users.list call, and of how soon a group whose
// members could not be read is asked again.
const (
	groupFetchTimeout = 5 * time.Second
	groupRetryAfter   = 30 * time.Second
)

// groupCache knows the members of the user groups the admin permissions
// name (Options.UserGroups), asking Slack at most once per group per TTL.
// It is safe for concurrent use; one fetch runs at a time.
type groupCache struct {
	groups []string
	ttl    time.Duration
	now    func() time.Time
	fetch  func(ctx context.Context, group string) ([]string, error)

	mu      sync.Mutex
	members map[string]*groupMembers // by group ID
}

type groupMembers struct {
	users map[string]bool
	next  time.Time // when to ask again
}

func newGroupCache(groups []string, ttl time.Duration, now func() time.Time, fetch func(context.Context, string) ([]string, error)) *groupCache {
	return &groupCache{groups: slices.Clone(groups), ttl: ttl, now: now, fetch: fetch, members: map[string]*groupMembers{}}
}

// of returns the configured groups user is a member of, in the configured
// order; nil when none are configured. A group whose members could not be
// read counts with the members it had (none at first), and failed names
// the groups whose refresh failed now, for the log.
func (c *groupCache) of(ctx context.Context, user string) (in []string, failed map[string]error) {
	if c == nil || len(c.groups) == 0 || user == "" {
		return nil, nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	now := c.now()
	for _, g := range c.groups {
		m := c.members[g]
		if m == nil {
			m = &groupMembers{}
			c.members[g] = m
		}
		if !now.Before(m.next) {
			fctx, cancel := context.WithTimeout(ctx, groupFetchTimeout)
			users, err := c.fetch(fctx, g)
			cancel()
			if err != nil {
				m.next = now.Add(min(groupRetryAfter, c.ttl))
				if failed == nil {
					failed = map[string]error{}
				}
				failed[g] = err
			} else {
				m.users, m.next = map[string]bool{}, now.Add(c.ttl)
				for _, u := range users {
					m.users[u] = true
				}
			}
		}
		if m.users[user] {
			in = append(in, g)
		}
	}
	return in, failed
}

// userGroups returns the admin user groups user is in (see
// Options.UserGroups), logging a group whose members could not be read.
func (a *Adapter) userGroups(ctx context.Context, user string) []string {
	in, failed := a.groups.of(ctx, user)
	for g, err := range failed {
		a.log.Warn("slack user group members could not be read; using the last known", "group", g, "err", a.scrub(err))
	}
	return in
}
