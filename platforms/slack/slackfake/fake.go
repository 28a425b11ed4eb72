// Package slackfake is a fake Slack on 127.0.0.1 for tests: the Web API
// routes briefbot calls (slack-go's slacktest server with custom routes) and
// a Socket Mode websocket that sends hello, server pings and envelopes and
// reads the acks. It speaks the real wire protocols, so the adapter under
// test runs the same slack-go code paths it runs against Slack.
//
// Every wait takes a context; a test bounds it (a hang guard), never sleeps.
package slackfake

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"sync"
	"time"

	"github.com/slack-go/slack/slacktest"
)

// The credentials and identities the fake knows.
const (
	BotToken  = "xoxb-fake-bot-token-7f3a9c"
	AppToken  = "xapp-fake-app-token-2b8e41"
	BotUserID = "UBOT"
	BotID     = "BBOT"
	TeamID    = "T1"
)

// Failure is a scripted answer of a Web API method: an HTTP status other
// than 200 (with RetryAfter seconds for a 429), or a 200 with ok:false and
// Error.
type Failure struct {
	Status     int
	RetryAfter int
	Error      string
}

// Server is a running fake Slack. Its methods are safe for concurrent use.
type Server struct {
	api       *slacktest.Server
	pingEvery time.Duration

	mu          sync.Mutex
	changed     chan struct{} // closed and replaced at every state change
	conns       []*wsConn     // every websocket connection, in order
	openFails   []Failure     // scripted apps.connections.open answers
	authFail    *Failure      // auth.test answer while set
	postFails   []Failure     // scripted chat.postMessage answers
	historyFail []Failure     // scripted conversations.history answers
	historyReqs []url.Values  // conversations.history requests, in order
	others      []Post        // messages in channels the bot did not post (AddMessage)
	lastTS      int64         // the last ts given, in microseconds
	opens       int           // apps.connections.open calls answered ok
	posts       []Post
	rejected    []Post // chat.postMessage calls answered with a Failure
	sent        map[string]time.Time
	acks        map[string]Ack
	badRequests []string // requests with a wrong token, by method
	groups      userGroups
	envelopeSeq int
	closed      bool
}

// New starts a fake Slack whose websocket pings every pingEvery (100 ms
// when 0). Close it when done.
func New(pingEvery time.Duration) *Server {
	if pingEvery <= 0 {
		pingEvery = 100 * time.Millisecond
	}
	s := &Server{
		pingEvery: pingEvery,
		changed:   make(chan struct{}),
		sent:      map[string]time.Time{},
		acks:      map[string]Ack{},
	}
	s.api = slacktest.NewTestServer(func(c slacktest.Customize) {
		c.Handle("/apps.connections.open", s.connectionsOpen)
		c.Handle("/auth.test", s.authTest)
		c.Handle("/chat.postMessage", s.postMessage)
		c.Handle("/conversations.history", s.conversationsHistory)
		c.Handle("/usergroups.users.list", s.userGroupsUsersList)
		c.Handle("/response/", s.responseURL)
		c.Handle("/ws", s.socket)
	})
	s.api.Start()
	return s
}

// APIURL is the Web API base URL, for slack.OptionAPIURL or SLACK_API_URL.
func (s *Server) APIURL() string { return s.api.GetAPIURL() }

// Close closes every websocket and stops the server.
func (s *Server) Close() {
	s.mu.Lock()
	s.closed = true
	conns := append([]*wsConn(nil), s.conns...)
	s.mu.Unlock()
	for _, c := range conns {
		c.close()
	}
	s.api.Stop()
}

// FailConnectionsOpen makes the next apps.connections.open calls answer fs,
// one each, in order.
func (s *Server) FailConnectionsOpen(fs ...Failure) {
	s.update(func() { s.openFails = append(s.openFails, fs...) })
}

// FailAuthTest makes auth.test answer f until called with nil.
func (s *Server) FailAuthTest(f *Failure) { s.update(func() { s.authFail = f }) }

// FailPosts makes the next chat.postMessage calls answer fs, one each; a
// zero Failure lets its call through.
func (s *Server) FailPosts(fs ...Failure) {
	s.update(func() { s.postFails = append(s.postFails, fs...) })
}

// Opens is how many apps.connections.open calls were answered with a URL.
func (s *Server) Opens() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.opens
}

// BadTokens lists the methods called with a token other than the fake's.
func (s *Server) BadTokens() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.badRequests...)
}

// update changes the state under the lock and wakes every waiter.
func (s *Server) update(f func()) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f()
	close(s.changed)
	s.changed = make(chan struct{})
}

// wait blocks until cond (called under the lock) holds or ctx ends.
func (s *Server) wait(ctx context.Context, what string, cond func() bool) error {
	for {
		s.mu.Lock()
		ok, ch := cond(), s.changed
		s.mu.Unlock()
		if ok {
			return nil
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return fmt.Errorf("wait for %s: %w", what, ctx.Err())
		}
	}
}

// connectionsOpen answers apps.connections.open with the websocket URL,
// checking the app-level token in the Authorization header.
func (s *Server) connectionsOpen(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Authorization") != "Bearer "+AppToken {
		s.update(func() { s.badRequests = append(s.badRequests, "apps.connections.open") })
		writeJSON(w, map[string]any{"ok": false, "error": "invalid_auth"})
		return
	}
	var fail *Failure
	s.update(func() {
		if len(s.openFails) > 0 {
			fail, s.openFails = &s.openFails[0], s.openFails[1:]
		} else {
			s.opens++
		}
	})
	if fail != nil {
		writeFailure(w, *fail)
		return
	}
	writeJSON(w, map[string]any{"ok": true, "url": slacktest.ServerWSFromContext(r.Context())})
}

// authTest answers auth.test for the bot token with the bot's identity.
func (s *Server) authTest(w http.ResponseWriter, r *http.Request) {
	if !s.botTokenOK(r, "auth.test") {
		writeJSON(w, map[string]any{"ok": false, "error": "invalid_auth"})
		return
	}
	s.mu.Lock()
	fail := s.authFail
	s.mu.Unlock()
	if fail != nil {
		writeFailure(w, *fail)
		return
	}
	writeJSON(w, map[string]any{
		"ok": true, "url": "https://fake.slack.test/", "team": "Fake", "team_id": TeamID,
		"user": "briefbot", "user_id": BotUserID, "bot_id": BotID,
	})
}

// botTokenOK reports whether r carries the bot token, as a form field or a
// bearer header, and records the method if not.
func (s *Server) botTokenOK(r *http.Request, method string) bool {
	if err := r.ParseForm(); err == nil && r.PostForm.Get("token") == BotToken {
		return true
	}
	if r.Header.Get("Authorization") == "Bearer "+BotToken {
		return true
	}
	s.update(func() { s.badRequests = append(s.badRequests, method) })
	return false
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	if err := json.NewEncoder(w).Encode(v); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

func writeFailure(w http.ResponseWriter, f Failure) {
	if f.Status != 0 && f.Status != http.StatusOK {
		if f.RetryAfter > 0 {
			w.Header().Set("Retry-After", fmt.Sprint(f.RetryAfter))
		}
		http.Error(w, http.StatusText(f.Status), f.Status)
		return
	}
	writeJSON(w, map[string]any{"ok": false, "error": f.Error})
}
