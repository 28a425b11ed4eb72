package slackfake

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
)

// Post is a message the fake accepted: through chat.postMessage (Via
// "chat.postMessage") or a slash command's response_url (Via
// "response_url").
type Post struct {
	Via          string
	Channel      string // the channel posted to; for a response_url, the slash command's
	ThreadTS     string
	Text         string          // the plain-text fallback
	Blocks       json.RawMessage // the Block Kit blocks as sent
	ResponseType string          // response_url only: "in_channel" or "ephemeral"
	TS           string          // the ts the fake gave it (chat.postMessage only)
	At           time.Time       // when the fake received it
	Metadata     json.RawMessage // chat.postMessage's metadata as sent, nil when none
	User, BotID  string          // who posted it: the bot's IDs for chat.postMessage
	Parse        string          // the "parse" field as sent ("none", "full" or "")
	LinkNames    string          // chat.postMessage's "link_names" as sent ("" when absent)
}

// BlockTexts returns every text in the post's blocks (header, section and
// context texts), in order.
func (p Post) BlockTexts() []string {
	var blocks []struct {
		Text *struct {
			Text string `json:"text"`
		} `json:"text"`
		Elements []struct {
			Text string `json:"text"`
		} `json:"elements"`
	}
	if json.Unmarshal(p.Blocks, &blocks) != nil {
		return nil
	}
	var out []string
	for _, b := range blocks {
		if b.Text != nil {
			out = append(out, b.Text.Text)
		}
		for _, e := range b.Elements {
			out = append(out, e.Text)
		}
	}
	return out
}

// AllText is the fallback and the block texts joined by newlines.
func (p Post) AllText() string {
	return p.Text + "\n" + strings.Join(p.BlockTexts(), "\n")
}

// Posts returns the accepted posts so far, in arrival order.
func (s *Server) Posts() []Post {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Post(nil), s.posts...)
}

// Rejected returns the chat.postMessage calls answered with a scripted
// failure, in order (At says when each arrived).
func (s *Server) Rejected() []Post {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Post(nil), s.rejected...)
}

// WaitPosts waits until the posts matching keep number at least n, and
// returns them in arrival order.
func (s *Server) WaitPosts(ctx context.Context, n int, keep func(Post) bool) ([]Post, error) {
	var got []Post
	err := s.wait(ctx, fmt.Sprintf("%d posts", n), func() bool {
		got = got[:0]
		for _, p := range s.posts {
			if keep == nil || keep(p) {
				got = append(got, p)
			}
		}
		return len(got) >= n
	})
	return got, err
}

// InChannel keeps the posts to channel.
func InChannel(channel string) func(Post) bool {
	return func(p Post) bool { return p.Channel == channel }
}

// ResponseURL is the response_url the fake gives a slash command posted in
// channel; posts to it are recorded with that channel.
func (s *Server) ResponseURL(channel string) string {
	return s.APIURL() + "response/" + channel
}

// postMessage records a chat.postMessage call, or answers the next scripted
// failure.
func (s *Server) postMessage(w http.ResponseWriter, r *http.Request) {
	if !s.botTokenOK(r, "chat.postMessage") {
		writeJSON(w, map[string]any{"ok": false, "error": "invalid_auth"})
		return
	}
	p := Post{
		Via: "chat.postMessage", Channel: r.PostForm.Get("channel"), ThreadTS: r.PostForm.Get("thread_ts"),
		Text: r.PostForm.Get("text"), Blocks: json.RawMessage(r.PostForm.Get("blocks")), At: time.Now(),
		User: BotUserID, BotID: BotID, Parse: r.PostForm.Get("parse"), LinkNames: r.PostForm.Get("link_names"),
	}
	if md := r.PostForm.Get("metadata"); md != "" {
		if !validMetadata(md) {
			writeJSON(w, map[string]any{"ok": false, "error": "invalid_metadata_format"})
			return
		}
		p.Metadata = json.RawMessage(md)
	}
	var fail *Failure
	s.update(func() {
		if len(s.postFails) > 0 {
			f := s.postFails[0]
			s.postFails = s.postFails[1:]
			if f != (Failure{}) {
				fail = &f
				s.rejected = append(s.rejected, p)
				return
			}
		}
		p.TS = s.nextTS(p.At)
		s.posts = append(s.posts, p)
	})
	if fail != nil {
		writeFailure(w, *fail)
		return
	}
	writeJSON(w, map[string]any{"ok": true, "channel": p.Channel, "ts": p.TS})
}

// responseURL records a post to a slash command's response_url.
func (s *Server) responseURL(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	var m struct {
		Text         string          `json:"text"`
		Blocks       json.RawMessage `json:"blocks"`
		ResponseType string          `json:"response_type"`
		ThreadTS     string          `json:"thread_ts"`
		Parse        string          `json:"parse"`
	}
	if err := json.Unmarshal(body, &m); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	p := Post{
		Via: "response_url", Channel: strings.TrimPrefix(r.URL.Path, "/response/"), ThreadTS: m.ThreadTS,
		Text: m.Text, Blocks: m.Blocks, ResponseType: m.ResponseType, Parse: m.Parse, At: time.Now(),
	}
	s.update(func() { s.posts = append(s.posts, p) })
	w.Header().Set("Content-Type", "text/plain")
	_, _ = io.WriteString(w, "ok") // a client gone before reading this has nothing to learn
}
