package discordtest

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Fault makes the next Times requests matching Method and Path (as in
// REST) fail with Status. A 429 carries Discord's JSON body and headers
// with RetryAfter; Global marks it global.
type Fault struct {
	Method, Path string
	Status       int
	RetryAfter   time.Duration
	Global       bool
	Times        int // 1 when 0
}

// Fail queues a fault.
func (s *Server) Fail(f Fault) {
	if f.Times == 0 {
		f.Times = 1
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = append(s.faults, f)
}

// fault takes a use of the first queued fault matching e, if any.
func (s *Server) fault(e Event) (Fault, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := range s.faults {
		f := &s.faults[i]
		if f.Times > 0 && REST(f.Method, f.Path)(e) {
			f.Times--
			return *f, true
		}
	}
	return Fault{}, false
}

// interaction is a dispatched interaction, by its token.
type interaction struct {
	id         string
	dispatched time.Time
	deferred   bool
}

// serveREST answers the REST routes a bot uses and records each request.
func (s *Server) serveREST(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	e := Event{Kind: KindREST, Method: r.Method, Path: strings.TrimPrefix(r.URL.Path, s.base), Body: body, Header: r.Header.Clone()}
	status, resp := s.route(r, e)
	e.Status = status
	s.record(e)
	w.Header().Set("Content-Type", "application/json")
	if f, ok := resp.(Fault); ok && status == http.StatusTooManyRequests {
		secs := strconv.FormatFloat(f.RetryAfter.Seconds(), 'f', 3, 64)
		w.Header().Set("X-RateLimit-Limit", "5")
		w.Header().Set("X-RateLimit-Remaining", "0")
		w.Header().Set("X-RateLimit-Reset-After", secs)
		w.Header().Set("Retry-After", secs)
		if f.Global {
			w.Header().Set("X-RateLimit-Global", "true")
		}
		resp = map[string]any{"message": "You are being rate limited.", "retry_after": f.RetryAfter.Seconds(), "global": f.Global}
	}
	if status == http.StatusNoContent {
		w.WriteHeader(status)
		return
	}
	w.WriteHeader(status)
	if err := json.NewEncoder(w).Encode(resp); err != nil {
		return // the bot hung up
	}
}

// apiError is Discord's JSON error body.
func apiError(code int, msg string) map[string]any {
	return map[string]any{"code": code, "message": msg}
}

// route returns the status and JSON body for one request.
func (s *Server) route(r *http.Request, e Event) (int, any) {
	if f, ok := s.fault(e); ok {
		if f.Status == http.StatusTooManyRequests {
			return f.Status, f
		}
		return f.Status, apiError(0, http.StatusText(f.Status))
	}
	p := strings.Split(e.Path, "/")
	is := func(method string, parts ...string) bool {
		if r.Method != method || len(p) != len(parts) {
			return false
		}
		for i, want := range parts {
			if want != "*" && p[i] != want {
				return false
			}
		}
		return true
	}
	webhook := len(p) >= 3 && p[0] == "webhooks" || len(p) >= 1 && p[0] == "interactions"
	if !webhook && r.Header.Get("Authorization") != "Bot "+s.opts.Token {
		return http.StatusUnauthorized, apiError(0, "401: Unauthorized")
	}
	switch {
	case is("GET", "gateway"):
		return http.StatusOK, map[string]any{"url": "ws://" + r.Host + "/gw"}
	case is("GET", "gateway", "bot"):
		left, reset := max(s.opts.SessionStarts, 0), 3_600_000
		if left == 0 {
			reset = 86_400_000 // a day: the bot must wait, not identify
		}
		return http.StatusOK, map[string]any{"url": "ws://" + r.Host + "/gw", "shards": 1,
			"session_start_limit": map[string]any{"total": 1000, "remaining": left, "reset_after": reset, "max_concurrency": 1}}
	case is("PUT", "applications", "*", "commands"), is("PUT", "applications", "*", "guilds", "*", "commands"):
		return s.putCommands(p, e.Body)
	case is("POST", "channels", "*", "messages"):
		return s.createMessage(p[1], e.Body)
	case is("GET", "channels", "*", "messages"):
		return s.channelMessages(p[1], r.URL.Query())
	case is("GET", "users", "@me"):
		return http.StatusOK, map[string]any{"id": BotID, "username": "briefbot", "bot": true}
	case is("POST", "interactions", "*", "*", "callback"):
		return s.callback(p[1], p[2], e.Body)
	case is("PATCH", "webhooks", "*", "*", "messages", "@original"), is("POST", "webhooks", "*", "*"):
		return s.webhook(p[1], p[2], e.Body)
	}
	return http.StatusNotFound, apiError(0, "404: Not Found")
}

func (s *Server) putCommands(p []string, body []byte) (int, any) {
	if p[1] != AppID {
		return http.StatusForbidden, apiError(50001, "Missing Access")
	}
	if len(p) == 6 && p[3] != GuildID {
		return http.StatusForbidden, apiError(50001, "Missing Access")
	}
	var cmds []map[string]any
	if err := json.Unmarshal(body, &cmds); err != nil {
		return http.StatusBadRequest, apiError(50035, "Invalid Form Body")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, c := range cmds {
		s.nextID++
		c["id"], c["application_id"] = strconv.Itoa(s.nextID), AppID
	}
	s.commands = body
	return http.StatusOK, cmds
}

// message returns the message object Discord answers with: the body sent,
// an ID and the channel.
func (s *Server) message(channel string, body []byte) map[string]any {
	m := map[string]any{}
	if err := json.Unmarshal(body, &m); err != nil {
		m = map[string]any{}
	}
	s.mu.Lock()
	m["id"] = s.snowflake(time.Now())
	s.mu.Unlock()
	m["channel_id"] = channel
	m["author"] = map[string]any{"id": BotID, "username": "briefbot", "bot": true}
	m["timestamp"] = time.Now().UTC().Format(time.RFC3339)
	return m
}

func (s *Server) callback(id, token string, body []byte) (int, any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	in := s.inters[token]
	if in == nil || in.id != id || time.Since(in.dispatched) > s.opts.InteractionDeadline {
		return http.StatusNotFound, apiError(10062, "Unknown interaction")
	}
	if in.deferred {
		return http.StatusBadRequest, apiError(40060, "Interaction has already been acknowledged.")
	}
	var resp struct {
		Type int `json:"type"`
	}
	if json.Unmarshal(body, &resp) != nil || resp.Type != 5 {
		return http.StatusBadRequest, apiError(50035, fmt.Sprintf("Invalid Form Body: this fake expects a deferral (type 5), got %s", body))
	}
	in.deferred = true
	return http.StatusNoContent, nil
}

func (s *Server) webhook(app, token string, body []byte) (int, any) {
	s.mu.Lock()
	in := s.inters[token]
	s.mu.Unlock()
	if app != AppID || in == nil || !in.deferred {
		return http.StatusNotFound, apiError(10015, "Unknown Webhook")
	}
	if err := checkMessage(body); err != nil {
		return http.StatusBadRequest, apiError(50035, "Invalid Form Body: "+err.Error())
	}
	return http.StatusOK, s.message("", body)
}
