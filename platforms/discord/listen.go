package discord

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"

	"github.com/briefbot/briefbot/bot"
)

// fatalCloses are the gateway close codes retrying cannot fix, with what
// to do about them. discordgo alone would reconnect after them forever.
var fatalCloses = map[int]string{
	4004: "authentication failed: the bot token is wrong or was reset",
	4010: "invalid shard",
	4011: "sharding required: the bot is in too many servers for one connection",
	4012: "invalid gateway version",
	4013: "invalid intents",
	4014: "disallowed intents: turn on the Message Content intent for the bot in the Developer Portal, or stop asking for it",
}

// endedCloses end the session: the next connection must identify afresh
// (4007 invalid sequence, 4009 session timed out).
var endedCloses = map[int]bool{4007: true, 4009: true}

// Listen connects to the gateway, registers /brief (once: by bulk
// overwrite, in Options.GuildID or globally), and delivers /brief, mentions
// of the bot and direct messages to h until ctx ends; then it closes the
// session, lets the answers in progress finish (for at most AnswerGrace,
// replies included), and returns nil.
// After a dropped connection it resumes the session; between failures it
// backs off with jitter. It returns an error, without retrying, when the
// token is refused (HTTP 401 or close 4004), on the other fatal close codes
// (4010–4014, e.g. disallowed intents), when /brief cannot be registered,
// or when called while another Listen runs.
func (a *Adapter) Listen(ctx context.Context, h bot.Handler) error {
	if !a.listening.CompareAndSwap(false, true) {
		return errors.New("listen: already listening")
	}
	defer a.listening.Store(false)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	w := newWorkers(ctx)
	err := a.supervise(ctx, h, w)
	cancel() // no new work; the answers in progress finish, within AnswerGrace
	w.stop()
	return err
}

// supervise keeps a gateway session connected until ctx ends or a failure
// is fatal.
func (a *Adapter) supervise(ctx context.Context, h bot.Handler, w *workers) error {
	var (
		g          *gateway
		registered bool
		failures   int
	)
	defer func() {
		if g != nil {
			a.closeGateway(g)
		}
	}()
	for ctx.Err() == nil {
		if g == nil {
			g = a.newGateway(ctx, h, w)
		}
		if !g.identified.Load() { // this Open will IDENTIFY, not RESUME
			if err := a.awaitIdentifyBudget(ctx); err != nil {
				if fatal(err) {
					return err
				}
				failures++
				a.log.Warn("discord gateway check failed", "err", err, "failures", failures)
				if sleep(ctx, a.backoff(failures)) != nil {
					return nil
				}
				continue
			}
		}
		err := a.open(ctx, g)
		if err != nil && !errors.Is(err, discordgo.ErrWSAlreadyOpen) {
			if ctx.Err() != nil {
				return nil
			}
			code := closeCode(err)
			if why, ok := fatalCloses[code]; ok {
				return fmt.Errorf("gateway closed with %d: %s", code, why)
			}
			if statusOf(err) == http.StatusUnauthorized {
				return fmt.Errorf("gateway: %s: %w", fatalCloses[4004], err)
			}
			if endedCloses[code] {
				a.closeGateway(g)
				g = nil
			}
			failures++
			a.log.Warn("discord gateway connection failed", "err", err, "failures", failures)
			if sleep(ctx, a.backoff(failures)) != nil {
				return nil
			}
			continue
		}
		if !registered {
			if err := a.register(ctx, g); err != nil {
				return err
			}
			registered = true
		}
		up := time.Now()
		select {
		case <-ctx.Done():
			return nil
		case <-g.lost:
		}
		if time.Since(up) >= a.opts.StableAfter {
			failures = 0
		}
		wait := a.backoff(failures) // none after a connection that was stable
		failures++
		a.log.Warn("discord gateway connection lost; resuming", "wait", wait)
		if sleep(ctx, wait) != nil {
			return nil
		}
	}
	return nil
}

// open opens g, giving up when ctx ends: the SDK's Open takes no context,
// so its sockets are closed under it.
func (a *Adapter) open(ctx context.Context, g *gateway) error {
	done := make(chan error, 1)
	go func() { done <- g.s.Open() }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		g.conns.closeAll()
		<-done // Open returns once its socket is closed
		return ctx.Err()
	}
}

// closeGateway ends g's session: a normal close, which tells Discord the
// bot is gone (and takes the SDK a second), then any socket left.
func (a *Adapter) closeGateway(g *gateway) {
	if err := g.s.Close(); err != nil {
		a.log.Debug("discord gateway close", "err", err)
	}
	if n := g.conns.closeAll(); n > 0 {
		a.log.Debug("discord gateway sockets closed", "count", n)
	}
}

// register overwrites the application's commands with /brief, after the
// first READY says which application the bot is.
func (a *Adapter) register(ctx context.Context, g *gateway) error {
	select {
	case <-ctx.Done():
		return nil
	case <-g.ready:
	}
	id := a.self.Load()
	cmds := []*discordgo.ApplicationCommand{a.slash.cmd}
	err := a.call(ctx, func(ctx context.Context) error {
		_, err := a.rest.ApplicationCommandBulkOverwrite(id.appID, a.opts.GuildID, cmds, requestOptions(ctx)...)
		return err
	})
	switch {
	case ctx.Err() != nil:
		return nil
	case err != nil && a.opts.GuildID != "":
		return fmt.Errorf("register /%s in server %s (is the bot in it, invited with the applications.commands scope?): %w", CommandName, a.opts.GuildID, err)
	case err != nil:
		return fmt.Errorf("register /%s: %w", CommandName, err)
	}
	a.log.Info("discord command registered", "command", "/"+CommandName, "guild_id", a.opts.GuildID, "subcommands", len(a.slash.cmd.Options))
	return nil
}

// awaitIdentifyBudget checks the day's session starts left (GET
// /gateway/bot) before a new session identifies, and waits for the reset
// when none are left, so reconnecting can never burn the budget and get the
// token reset. A refused token is fatal.
func (a *Adapter) awaitIdentifyBudget(ctx context.Context) error {
	var gb *discordgo.GatewayBotResponse
	err := a.call(ctx, func(ctx context.Context) error {
		var err error
		gb, err = a.rest.GatewayBot(requestOptions(ctx)...)
		return err
	})
	if statusOf(err) == http.StatusUnauthorized {
		return &fatalError{fmt.Errorf("%s: %w", fatalCloses[4004], err)}
	}
	if err != nil {
		return fmt.Errorf("gateway/bot: %w", err)
	}
	lim := gb.SessionStartLimit
	if lim.Total > 0 && lim.Remaining <= 0 {
		wait := time.Duration(lim.ResetAfter) * time.Millisecond
		a.log.Warn("discord session starts used up for today; waiting for the reset", "wait", wait)
		return sleep(ctx, wait)
	}
	if lim.Total > 0 && lim.Remaining*10 < lim.Total {
		a.log.Warn("discord session starts running low", "remaining", lim.Remaining, "total", lim.Total)
	}
	return nil
}

// fatalError marks an error that retrying cannot fix.
type fatalError struct{ err error }

func (e *fatalError) Error() string { return e.err.Error() }
func (e *fatalError) Unwrap() error { return e.err }

func fatal(err error) bool {
	var f *fatalError
	return errors.As(err, &f)
}

// closeCode is the gateway close code in err, 0 when none.
func closeCode(err error) int {
	var ce *websocket.CloseError
	if errors.As(err, &ce) {
		return ce.Code
	}
	return 0
}

// backoff is the wait before connection attempt n+1 after n failures:
// none for n = 0, then MinBackoff doubling up to MaxBackoff, each with
// equal jitter (half fixed, half random) so many bots do not reconnect in
// step.
func (a *Adapter) backoff(n int) time.Duration {
	if n <= 0 {
		return 0
	}
	d := a.opts.MinBackoff
	for i := 1; i < n && d < a.opts.MaxBackoff; i++ {
		d *= 2
	}
	d = min(d, a.opts.MaxBackoff)
	return d/2 + rand.N(d/2+1)
}
