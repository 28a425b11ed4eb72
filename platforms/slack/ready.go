package slack

import "github.com/briefbot/briefbot/bot"

var _ bot.Readier = (*Adapter)(nil)

// Ready reports whether the adapter is connected now (bot.Readier): from a
// connection until it drops.
func (a *Adapter) Ready() bool { return a.conn.Up() }
