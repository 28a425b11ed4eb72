// Package discordtest is a fake Discord for tests: the REST routes and the
// gateway websocket a bot built on discordgo uses, served on 127.0.0.1 and
// speaking the real wire protocols (HTTP + JSON, websocket gateway v9/v10:
// HELLO, IDENTIFY → READY, heartbeat → ACK, dispatches, op 7 reconnect →
// RESUME → RESUMED, op 9, close codes). It checks what real Discord checks
// where a bot could get it wrong: the token, the intents, message limits,
// the 3 seconds to answer an interaction, and one answer per interaction.
//
// Point a bot's REST base at URL(); the gateway URL is discovered through
// GET /gateway as usual. Everything the bot does is recorded as an Event,
// which a test waits for with Wait: no sleeps.
package discordtest

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// The IDs the fake uses unless Options say otherwise.
const (
	AppID   = "800"
	BotID   = "900"
	GuildID = "1"
	Token   = "test-token"
)

// Options configure a Server. The zero value is usable.
type Options struct {
	Token               string        // the bot token accepted (without "Bot "): Token when ""
	AllowMessageContent bool          // allow the privileged message-content intent; else IDENTIFY with it closes 4014
	HeartbeatInterval   time.Duration // sent in HELLO: 45s when 0
	SessionStarts       int           // session starts left today in GET /gateway/bot: 1000 when 0; -1 for none
	InteractionDeadline time.Duration // how long after dispatch an interaction can be answered: 3s when 0
	Silent              bool          // never answer IDENTIFY: a gateway that hangs
	NonceWindow         time.Duration // how long an enforced nonce is remembered: DefaultNonceWindow when 0
}

// Server is a running fake Discord.
type Server struct {
	opts Options
	http *httptest.Server
	base string // the REST base path: /api/v10/

	mu       sync.Mutex
	events   []Event
	taken    []bool
	changed  chan struct{} // closed and replaced on each new event
	faults   []Fault
	gw       *gwConn // the live gateway socket, nil when none
	conns    map[*gwConn]bool
	session  string // the current gateway session, "" when none
	sessions int
	seq      int
	reject   int // a close code for every IDENTIFY and RESUME, 0 for none
	nextID   int
	inters   map[string]*interaction // by token
	commands []byte                  // the last registered commands, as sent

	posted        []Posted // every message in a channel, oldest first
	lastSnowflake uint64   // the last message ID given
	repeats       int      // creations answered with an earlier message (enforced nonce)
}

// New starts a fake Discord on 127.0.0.1, closed when the test ends.
func New(t testing.TB, opts Options) *Server {
	t.Helper()
	if opts.Token == "" {
		opts.Token = Token
	}
	if opts.HeartbeatInterval == 0 {
		opts.HeartbeatInterval = 45 * time.Second
	}
	if opts.SessionStarts == 0 {
		opts.SessionStarts = 1000
	}
	if opts.InteractionDeadline == 0 {
		opts.InteractionDeadline = 3 * time.Second
	}
	if opts.NonceWindow == 0 {
		opts.NonceWindow = DefaultNonceWindow
	}
	s := &Server{
		opts: opts, base: "/api/v10/", changed: make(chan struct{}),
		conns: map[*gwConn]bool{}, inters: map[string]*interaction{}, nextID: 5000,
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/gw", s.serveGateway)
	mux.HandleFunc("/gw/", s.serveGateway)
	mux.HandleFunc(s.base, s.serveREST)
	s.http = httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

// URL is the REST base to give the bot (DISCORD_API_URL), ending in "/".
func (s *Server) URL() string { return s.http.URL + s.base }

// Close stops the server and drops every gateway socket.
func (s *Server) Close() {
	s.mu.Lock()
	conns := make([]*gwConn, 0, len(s.conns))
	for c := range s.conns {
		conns = append(conns, c)
	}
	s.mu.Unlock()
	for _, c := range conns {
		c.ws.Close()
	}
	s.http.Close()
}

// Kind says what an Event records.
type Kind string

// The kinds of Event.
const (
	KindREST        Kind = "rest"         // a REST request and the status answered
	KindIdentify    Kind = "identify"     // op 2 received (Intents set)
	KindResume      Kind = "resume"       // op 6 received (Session, Seq set)
	KindReady       Kind = "ready"        // READY sent
	KindResumed     Kind = "resumed"      // RESUMED sent
	KindHeartbeat   Kind = "heartbeat"    // op 1 received, op 11 sent
	KindDispatch    Kind = "dispatch"     // a dispatch the test asked for, sent
	KindClientClose Kind = "client-close" // the bot closed the socket (Code set; 0 without a close frame)
	KindServerClose Kind = "server-close" // the fake closed the socket with Code
)

// Event is one thing that happened between the bot and the fake.
type Event struct {
	Kind    Kind
	At      time.Time
	Method  string // REST: GET, POST…
	Path    string // REST: the path after the base, e.g. "channels/10/messages"
	Body    []byte // REST: the request body
	Header  http.Header
	Status  int    // REST: the status answered
	Intents int    // identify
	Token   string // identify, resume: the token sent
	Session string // resume: the session ID sent; ready: the new session
	Seq     int    // resume: the sequence sent; dispatch: the sequence sent
	Type    string // dispatch: the event name
	Code    int    // client-close, server-close
}

// String describes e on one line, for failure messages.
func (e Event) String() string {
	if e.Kind == KindREST {
		return fmt.Sprintf("%s %s → %d", e.Method, e.Path, e.Status)
	}
	return fmt.Sprintf("%s %s%d", e.Kind, e.Type, e.Code)
}

// Match selects events.
type Match func(Event) bool

// REST matches requests with this method and path (after the base; a
// trailing "*" matches any rest), whatever the status.
func REST(method, path string) Match {
	return func(e Event) bool {
		if e.Kind != KindREST || e.Method != method {
			return false
		}
		if p, ok := strings.CutSuffix(path, "*"); ok {
			return strings.HasPrefix(e.Path, p)
		}
		return e.Path == path
	}
}

// Is matches events of a kind.
func Is(k Kind) Match { return func(e Event) bool { return e.Kind == k } }

func (s *Server) record(e Event) {
	e.At = time.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.events = append(s.events, e)
	s.taken = append(s.taken, false)
	close(s.changed)
	s.changed = make(chan struct{})
}

// Wait returns the first event matching m that no earlier Wait returned,
// waiting for it until ctx ends.
func (s *Server) Wait(ctx context.Context, m Match) (Event, error) {
	for {
		s.mu.Lock()
		for i, e := range s.events {
			if !s.taken[i] && m(e) {
				s.taken[i] = true
				s.mu.Unlock()
				return e, nil
			}
		}
		changed := s.changed
		s.mu.Unlock()
		select {
		case <-changed:
		case <-ctx.Done():
			return Event{}, fmt.Errorf("wait for event: %w (seen: %v)", ctx.Err(), s.Events())
		}
	}
}

// Events returns every event so far, in order.
func (s *Server) Events() []Event {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Event(nil), s.events...)
}

// Count returns how many events so far match m.
func (s *Server) Count(m Match) int {
	n := 0
	for _, e := range s.Events() {
		if m(e) {
			n++
		}
	}
	return n
}

// Commands returns the body of the last successful command registration.
func (s *Server) Commands() []byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.commands
}
