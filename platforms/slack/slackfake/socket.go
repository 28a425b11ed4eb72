package slackfake

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/gorilla/websocket"
)

// Ack is the client's answer to an envelope.
type Ack struct {
	EnvelopeID string
	Payload    json.RawMessage
	Latency    time.Duration // from the envelope's write to the ack's read
}

// wsConn is one Socket Mode connection. Writes are serialised: gorilla
// connections allow one concurrent writer.
type wsConn struct {
	c     *websocket.Conn
	wmu   sync.Mutex
	quiet chan struct{} // closed to stop the pings
	qonce sync.Once
}

func (c *wsConn) write(v any) error {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	return c.c.WriteJSON(v)
}

func (c *wsConn) silence() { c.qonce.Do(func() { close(c.quiet) }) }

// close closes the connection; closing twice is harmless, hence no error.
func (c *wsConn) close() { _ = c.c.Close() }

var upgrader = websocket.Upgrader{
	// slack-go sends Origin https://api.slack.com, which gorilla's
	// same-origin check refuses against Host 127.0.0.1.
	CheckOrigin: func(*http.Request) bool { return true },
}

// socket serves one Socket Mode connection: hello, pings every pingEvery
// until silenced, and acks read into the state until the client leaves.
func (s *Server) socket(w http.ResponseWriter, r *http.Request) {
	c, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return // Upgrade has answered the client
	}
	conn := &wsConn{c: c, quiet: make(chan struct{})}
	defer conn.close()
	if err := conn.write(map[string]any{"type": "hello", "num_connections": 1, "connection_info": map[string]any{"app_id": "A1"}}); err != nil {
		return
	}
	refused := false
	s.update(func() {
		if s.closed {
			refused = true
			return
		}
		s.conns = append(s.conns, conn)
	})
	if refused {
		return
	}
	var wg sync.WaitGroup
	defer wg.Wait()
	stop := make(chan struct{})
	defer close(stop)
	wg.Go(func() { s.ping(conn, stop) })
	for {
		var a struct {
			EnvelopeID string          `json:"envelope_id"`
			Payload    json.RawMessage `json:"payload"`
		}
		if err := c.ReadJSON(&a); err != nil {
			return
		}
		now := time.Now()
		s.update(func() {
			s.acks[a.EnvelopeID] = Ack{EnvelopeID: a.EnvelopeID, Payload: a.Payload, Latency: now.Sub(s.sent[a.EnvelopeID])}
		})
	}
}

// ping sends a websocket PING every pingEvery until stop or silence.
func (s *Server) ping(c *wsConn, stop <-chan struct{}) {
	t := time.NewTicker(s.pingEvery)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-c.quiet:
			return
		case <-t.C:
			if c.c.WriteControl(websocket.PingMessage, []byte("ping"), time.Now().Add(time.Second)) != nil {
				return
			}
		}
	}
}

// Connections is how many websocket connections the client has opened.
func (s *Server) Connections() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.conns)
}

// WaitConnections waits until the client has opened at least n websocket
// connections (each one received its hello).
func (s *Server) WaitConnections(ctx context.Context, n int) error {
	return s.wait(ctx, fmt.Sprintf("connection %d", n), func() bool { return len(s.conns) >= n })
}

// current is the latest connection, nil before the first.
func (s *Server) current() *wsConn {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.conns) == 0 {
		return nil
	}
	return s.conns[len(s.conns)-1]
}

// Send writes env on the latest connection, giving it an envelope ID when
// it has none, and returns the ID. It waits for a first connection.
func (s *Server) Send(ctx context.Context, env Envelope) (string, error) {
	if err := s.WaitConnections(ctx, 1); err != nil {
		return "", err
	}
	c := s.current()
	if env.ID == "" {
		s.update(func() { s.envelopeSeq++; env.ID = fmt.Sprintf("env-%d", s.envelopeSeq) })
	}
	s.update(func() { s.sent[env.ID] = time.Now() })
	if err := c.write(env); err != nil {
		return "", fmt.Errorf("send envelope %s: %w", env.ID, err)
	}
	return env.ID, nil
}

// WaitAck waits for the ack of envelope id.
func (s *Server) WaitAck(ctx context.Context, id string) (Ack, error) {
	var a Ack
	err := s.wait(ctx, "ack of "+id, func() bool {
		var ok bool
		a, ok = s.acks[id]
		return ok
	})
	return a, err
}

// Disconnect sends a disconnect frame on the latest connection, as Slack
// does before it rotates a connection.
func (s *Server) Disconnect(ctx context.Context) error {
	if err := s.WaitConnections(ctx, 1); err != nil {
		return err
	}
	return s.current().write(map[string]any{"type": "disconnect", "reason": "refresh_requested"})
}

// Silence stops the pings on the latest connection, so it looks dead.
func (s *Server) Silence() error {
	c := s.current()
	if c == nil {
		return errors.New("silence: no connection")
	}
	c.silence()
	return nil
}
