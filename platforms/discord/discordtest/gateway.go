package discordtest

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/gorilla/websocket"
)

// knownIntents are the intent bits Discord defines (up to 1<<25); others
// close the socket with 4013. messageContent is privileged.
const (
	knownIntents   = 1<<26 - 1
	messageContent = 1 << 15
)

// gwConn is one gateway socket; writes are serialised (gorilla allows one
// writer at a time).
type gwConn struct {
	ws *websocket.Conn
	mu sync.Mutex
}

func (c *gwConn) write(v any) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.ws.WriteJSON(v)
}

type frame struct {
	Op int             `json:"op"`
	D  json.RawMessage `json:"d"`
}

type outFrame struct {
	Op int    `json:"op"`
	D  any    `json:"d"`
	S  *int   `json:"s"`
	T  string `json:"t,omitempty"`
}

var upgrader = websocket.Upgrader{}

// serveGateway runs one gateway socket: HELLO, then IDENTIFY or RESUME,
// then heartbeats until the socket closes.
func (s *Server) serveGateway(w http.ResponseWriter, r *http.Request) {
	ws, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return // Upgrade has answered with an error
	}
	c := &gwConn{ws: ws}
	s.mu.Lock()
	s.conns[c] = true
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.conns, c)
		if s.gw == c {
			s.gw = nil
		}
		s.mu.Unlock()
		ws.Close()
	}()
	if c.write(outFrame{Op: 10, D: map[string]any{"heartbeat_interval": s.opts.HeartbeatInterval.Milliseconds()}}) != nil {
		return
	}
	for {
		_, data, err := ws.ReadMessage()
		if err != nil {
			code := 0
			var ce *websocket.CloseError
			if errors.As(err, &ce) {
				code = ce.Code
			}
			s.record(Event{Kind: KindClientClose, Code: code})
			return
		}
		var f frame
		if json.Unmarshal(data, &f) != nil {
			s.closeWith(c, 4002, "Error while decoding payload.")
			return
		}
		switch f.Op {
		case 1:
			if c.write(outFrame{Op: 11}) != nil {
				return
			}
			s.record(Event{Kind: KindHeartbeat})
		case 2:
			if !s.identify(c, f.D) {
				return
			}
		case 6:
			if !s.resume(c, f.D) {
				return
			}
		}
	}
}

// identify answers op 2 with READY, or closes the socket as Discord would.
func (s *Server) identify(c *gwConn, d json.RawMessage) bool {
	var id struct {
		Token   string `json:"token"`
		Intents int    `json:"intents"`
	}
	if json.Unmarshal(d, &id) != nil {
		s.closeWith(c, 4002, "Error while decoding payload.")
		return false
	}
	s.record(Event{Kind: KindIdentify, Intents: id.Intents, Token: id.Token})
	if s.opts.Silent {
		return true
	}
	s.mu.Lock()
	reject := s.reject
	s.mu.Unlock()
	switch {
	case reject != 0:
		s.closeWith(c, reject, "Rejected.")
		return false
	case id.Token != "Bot "+s.opts.Token:
		s.closeWith(c, 4004, "Authentication failed.")
		return false
	case id.Intents&^knownIntents != 0:
		s.closeWith(c, 4013, "Invalid intent(s).")
		return false
	case id.Intents&messageContent != 0 && !s.opts.AllowMessageContent:
		s.closeWith(c, 4014, "Disallowed intent(s).")
		return false
	}
	s.mu.Lock()
	s.sessions++
	s.session = fmt.Sprintf("sess%d", s.sessions)
	s.seq = 1
	s.gw = c
	session, seq := s.session, s.seq
	s.mu.Unlock()
	ready := map[string]any{
		"v": 10, "session_id": session, "resume_gateway_url": "ws://" + c.ws.LocalAddr().String() + "/gw",
		"user":        map[string]any{"id": BotID, "username": "briefbot", "bot": true},
		"application": map[string]any{"id": AppID, "flags": 0},
		"guilds":      []any{map[string]any{"id": GuildID, "unavailable": true}},
	}
	if c.write(outFrame{Op: 0, S: &seq, T: "READY", D: ready}) != nil {
		return false
	}
	s.record(Event{Kind: KindReady, Session: session})
	return true
}

// resume answers op 6 with RESUMED when the session is the current one,
// else with op 9 (invalid session, not resumable).
func (s *Server) resume(c *gwConn, d json.RawMessage) bool {
	var rs struct {
		Token     string `json:"token"`
		SessionID string `json:"session_id"`
		Seq       int    `json:"seq"`
	}
	if json.Unmarshal(d, &rs) != nil {
		s.closeWith(c, 4002, "Error while decoding payload.")
		return false
	}
	s.record(Event{Kind: KindResume, Session: rs.SessionID, Seq: rs.Seq, Token: rs.Token})
	s.mu.Lock()
	reject, ok := s.reject, rs.SessionID == s.session && rs.SessionID != "" && rs.Token == "Bot "+s.opts.Token
	var seq int
	if ok {
		s.seq++
		seq = s.seq
		s.gw = c
	}
	s.mu.Unlock()
	switch {
	case reject != 0:
		s.closeWith(c, reject, "Rejected.")
		return false
	case !ok:
		return c.write(outFrame{Op: 9, D: false}) == nil
	}
	if c.write(outFrame{Op: 0, S: &seq, T: "RESUMED", D: map[string]any{}}) != nil {
		return false
	}
	s.record(Event{Kind: KindResumed})
	return true
}

// closeWith sends a close frame with code and closes the socket.
func (s *Server) closeWith(c *gwConn, code int, reason string) {
	c.mu.Lock()
	err := c.ws.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(code, reason), time.Now().Add(time.Second))
	c.mu.Unlock()
	if err == nil {
		s.record(Event{Kind: KindServerClose, Code: code})
	}
	c.ws.Close()
}

// live returns the current gateway socket.
func (s *Server) live() (*gwConn, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.gw == nil {
		return nil, errors.New("discordtest: no gateway session is connected")
	}
	return s.gw, nil
}

// Dispatch sends the event t with data d (marshalled to JSON) on the
// current gateway socket, with the next sequence number.
func (s *Server) Dispatch(t string, d any) error {
	c, err := s.live()
	if err != nil {
		return err
	}
	s.mu.Lock()
	s.seq++
	seq := s.seq
	s.mu.Unlock()
	if err := c.write(outFrame{Op: 0, S: &seq, T: t, D: d}); err != nil {
		return fmt.Errorf("discordtest: dispatch %s: %w", t, err)
	}
	s.record(Event{Kind: KindDispatch, Type: t, Seq: seq})
	return nil
}

// Reconnect sends op 7: the bot should close, reconnect and resume.
func (s *Server) Reconnect() error {
	c, err := s.live()
	if err != nil {
		return err
	}
	return c.write(outFrame{Op: 7, D: nil})
}

// InvalidSession sends op 9 (not resumable): the bot should identify again.
func (s *Server) InvalidSession() error {
	c, err := s.live()
	if err != nil {
		return err
	}
	s.mu.Lock()
	s.session = ""
	s.mu.Unlock()
	return c.write(outFrame{Op: 9, D: false})
}

// CloseGateway closes the current socket with code, as Discord does on a
// server-side error (e.g. 4000 to test a resume, 4004 for a reset token).
func (s *Server) CloseGateway(code int) error {
	c, err := s.live()
	if err != nil {
		return err
	}
	s.closeWith(c, code, "Closed by the test.")
	return nil
}

// RejectSessions makes every later IDENTIFY and RESUME close with code;
// 0 accepts them again.
func (s *Server) RejectSessions(code int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.reject = code
}
