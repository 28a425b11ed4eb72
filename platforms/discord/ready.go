package discord

import (
	"sync/atomic"

	"github.com/briefbot/briefbot/bot"
)

var _ bot.Readier = (*Adapter)(nil)

// Ready reports whether the adapter is connected to Discord now
// (bot.Readier): from a connection until it drops.
func (a *Adapter) Ready() bool { return a.conn.up.Load() }

// connState is whether the adapter is connected, and whether it ever was,
// so that every connection after the first counts as a reconnect.
type connState struct {
	up, ever atomic.Bool
}

// connected records a connection made, counting a reconnect in m (nil
// counts nothing) when it is not the first.
func (c *connState) connected(m bot.PlatformMetrics) {
	c.up.Store(true)
	if c.ever.Swap(true) {
		bot.CountReconnect(m)
	}
}

// lost records the connection dropped.
func (c *connState) lost() { c.up.Store(false) }
