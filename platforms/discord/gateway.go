package discord

import (
	"context"
	"errors"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"

	"github.com/briefbot/briefbot/bot"
)

// gateway is one gateway session (a discordgo.Session that is opened) and
// what Listen needs to end it: its sockets, so an Open blocked on a silent
// server can be aborted, and its signals.
type gateway struct {
	s          *discordgo.Session
	conns      *connSet
	lost       chan struct{} // a Disconnect happened (buffered 1)
	ready      chan struct{} // a READY arrived (buffered 1)
	identified atomic.Bool   // a READY arrived: the next Open resumes
}

// newGateway returns a new gateway session whose events go to h, with the
// work they cause run by w. Its REST requests and sockets end with ctx.
func (a *Adapter) newGateway(ctx context.Context, h bot.Handler, w *workers) *gateway {
	g := &gateway{conns: &connSet{set: map[net.Conn]struct{}{}}, lost: make(chan struct{}, 1), ready: make(chan struct{}, 1)}
	client := &http.Client{Timeout: a.client.Timeout, Transport: ctxTransport{ctx: ctx, next: a.client.Transport}}
	g.s = a.session(client)
	dialer := &net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}
	g.s.Dialer = &websocket.Dialer{
		Proxy:            http.ProxyFromEnvironment,
		HandshakeTimeout: 45 * time.Second,
		NetDialContext: func(_ context.Context, network, addr string) (net.Conn, error) {
			c, err := dialer.DialContext(ctx, network, addr)
			if err != nil {
				return nil, err
			}
			return g.conns.add(c)
		},
	}
	g.s.AddHandler(func(_ *discordgo.Session, r *discordgo.Ready) {
		defer a.guard("ready")
		a.onReady(r)
		g.identified.Store(true)
		a.conn.Connected(a.opts.Metrics)
		signal(g.ready)
	})
	g.s.AddHandler(func(_ *discordgo.Session, _ *discordgo.Resumed) {
		a.conn.Connected(a.opts.Metrics)
		a.log.Info("discord session resumed")
	})
	g.s.AddHandler(func(_ *discordgo.Session, _ *discordgo.Disconnect) { a.conn.Lost(); signal(g.lost) })
	g.s.AddHandler(func(_ *discordgo.Session, m *discordgo.MessageCreate) {
		defer a.guard("message")
		if m.Message != nil {
			a.guilds.learn(m.ChannelID, m.GuildID)
		}
		a.onMessage(h, w, m)
	})
	g.s.AddHandler(func(_ *discordgo.Session, i *discordgo.InteractionCreate) {
		defer a.guard("interaction")
		if i.Interaction != nil {
			a.guilds.learn(i.ChannelID, i.GuildID)
		}
		a.onInteraction(h, w, i)
	})
	// Which guild each channel is in, for links (the SDK's state is off).
	g.s.AddHandler(func(_ *discordgo.Session, gc *discordgo.GuildCreate) { a.guilds.learnGuild(gc) })
	g.s.AddHandler(func(_ *discordgo.Session, c *discordgo.ChannelCreate) { a.guilds.learnChannel(c.Channel) })
	g.s.AddHandler(func(_ *discordgo.Session, c *discordgo.ChannelUpdate) { a.guilds.learnChannel(c.Channel) })
	g.s.AddHandler(func(_ *discordgo.Session, c *discordgo.ThreadCreate) { a.guilds.learnChannel(c.Channel) })
	return g
}

// onReady records who the bot is.
func (a *Adapter) onReady(r *discordgo.Ready) {
	id := identity{}
	if r.User != nil {
		id.userID = r.User.ID
	}
	id.appID = id.userID
	if r.Application != nil && r.Application.ID != "" {
		id.appID = r.Application.ID
	}
	if prev := a.self.Swap(&id); prev != nil {
		a.log.Warn("discord session identified again (the previous one could not be resumed)")
		return
	}
	a.log.Info("discord session ready", "user_id", id.userID, "application_id", id.appID, "guilds", len(r.Guilds))
}

// guard recovers a panic in an event handler or an answer so the read
// loop (and the process) survive it.
func (a *Adapter) guard(what string) {
	if r := recover(); r != nil {
		a.log.Error("discord event handler panicked", "event", what, "panic", r)
	}
}

func signal(c chan struct{}) {
	select {
	case c <- struct{}{}:
	default:
	}
}

// ctxTransport makes a gateway session's REST requests (the SDK's GET
// /gateway, which takes no context) end with the Listen context.
type ctxTransport struct {
	ctx  context.Context
	next http.RoundTripper
}

func (t ctxTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	return t.next.RoundTrip(req.WithContext(t.ctx))
}

// connSet tracks a gateway session's open sockets.
type connSet struct {
	mu     sync.Mutex
	set    map[net.Conn]struct{}
	closed bool // closeAll ran: no new sockets
}

// errGatewayClosed refuses a socket dialled after closeAll.
var errGatewayClosed = errors.New("gateway session closed")

// add tracks c, or closes it if closeAll has run.
func (cs *connSet) add(c net.Conn) (net.Conn, error) {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	if cs.closed {
		return nil, errors.Join(errGatewayClosed, c.Close())
	}
	tc := &trackedConn{Conn: c, cs: cs}
	cs.set[tc] = struct{}{}
	return tc, nil
}

// closeAll closes every open socket, which ends any read blocked on them,
// refuses new ones, and returns the number it closed.
func (cs *connSet) closeAll() int {
	cs.mu.Lock()
	cs.closed = true
	conns := make([]net.Conn, 0, len(cs.set))
	for c := range cs.set {
		conns = append(conns, c)
	}
	cs.mu.Unlock()
	for _, c := range conns {
		// An error means the peer closed it first: closed either way.
		if err := c.Close(); err != nil {
			continue
		}
	}
	return len(conns)
}

type trackedConn struct {
	net.Conn
	cs   *connSet
	once sync.Once
}

func (c *trackedConn) Close() error {
	c.once.Do(func() {
		c.cs.mu.Lock()
		delete(c.cs.set, c)
		c.cs.mu.Unlock()
	})
	return c.Conn.Close()
}

// AnswerGrace bounds how long the answers in flight when Listen's context
// ends (deferring, the handler, and the edit, follow-ups or messages of
// its reply) may go on: they run under a context detached from Listen's,
// canceled this long after it, and Listen returns once they are done. It
// matches the drain bound of cmd/briefbot (drainTimeout).
const AnswerGrace = 10 * time.Second

// workers runs the work events cause (deferring and answering) on
// goroutines Listen waits for. It accepts work until the listen context
// ends; the work runs under a context without that end, canceled by stop
// after AnswerGrace.
type workers struct {
	listen  context.Context
	answers context.Context
	cancel  context.CancelFunc // ends answers
	mu      sync.Mutex
	closed  bool
	wg      sync.WaitGroup
}

// newWorkers returns workers accepting work until ctx ends.
func newWorkers(ctx context.Context) *workers {
	answers, cancel := context.WithCancel(context.WithoutCancel(ctx))
	return &workers{listen: ctx, answers: answers, cancel: cancel}
}

// spawn runs f on a new goroutine with the answers' context, unless the
// listen context ended or stop has been called.
func (w *workers) spawn(f func(ctx context.Context)) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if !w.closed && w.listen.Err() == nil {
		w.wg.Go(func() { f(w.answers) })
	}
}

// stop refuses new work and waits for the running work to end, canceling
// it after AnswerGrace.
func (w *workers) stop() {
	w.mu.Lock()
	w.closed = true
	w.mu.Unlock()
	defer w.cancel()
	done := make(chan struct{})
	go func() {
		w.wg.Wait()
		close(done)
	}()
	t := time.NewTimer(AnswerGrace)
	defer t.Stop()
	select {
	case <-done:
	case <-t.C:
		w.cancel()
		<-done
	}
}
