package slack_test

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/platforms/slack"
	"github.com/briefbot/briefbot/platforms/slack/slackfake"
)

const signingSecret = "8f742231b10e8888abcd99yyyzzz85a5"

// eventsServer runs ServeEvents on 127.0.0.1 against fake f, and returns
// the endpoint URL and the handler.
func eventsServer(t *testing.T, f *slackfake.Server) (string, *echo) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	logs := &syncBuffer{}
	opts := testOptions(f, logs)
	opts.AppToken, opts.SigningSecret = "", signingSecret
	a, err := slack.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	h := &echo{}
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- a.ServeEvents(ctx, h, ln) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("ServeEvents() = %v, want nil after cancel", err)
			}
		case <-time.After(guard):
			t.Error("ServeEvents did not return after its context ended")
		}
		if strings.Contains(logs.String(), signingSecret) {
			t.Errorf("the signing secret was logged:\n%s", logs)
		}
	})
	return "http://" + ln.Addr().String() + slack.EventsPath, h
}

// signed posts body to endpoint signed with secret at time ts.
func signed(t *testing.T, endpoint, contentType, body, secret string, ts time.Time, retry int) (int, string) {
	t.Helper()
	req, err := http.NewRequestWithContext(waitCtx(t), http.MethodPost, endpoint, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	stamp := fmt.Sprint(ts.Unix())
	mac := hmac.New(sha256.New, []byte(secret))
	fmt.Fprintf(mac, "v0:%s:%s", stamp, body)
	req.Header.Set("Content-Type", contentType)
	req.Header.Set("X-Slack-Request-Timestamp", stamp)
	if secret != "" {
		req.Header.Set("X-Slack-Signature", "v0="+hex.EncodeToString(mac.Sum(nil)))
	}
	if retry > 0 {
		req.Header.Set("X-Slack-Retry-Num", fmt.Sprint(retry))
		req.Header.Set("X-Slack-Retry-Reason", "http_timeout")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(b)
}

func callbackJSON(t *testing.T, env slackfake.Envelope) string {
	t.Helper()
	b, err := json.Marshal(env.Payload)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestEventsAPIVerifiesEveryRequest(t *testing.T) {
	f := newFake(t, 0)
	endpoint, _ := eventsServer(t, f)
	challenge := `{"token":"x","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}`
	now := time.Now()
	tests := []struct {
		name     string
		secret   string
		at       time.Time
		wantCode int
		wantBody string
	}{
		{"good signature", signingSecret, now, 200, "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"},
		{"wrong secret", "not-the-secret", now, 401, "invalid request signature\n"},
		{"stale timestamp", signingSecret, now.Add(-6 * time.Minute), 401, "invalid request signature\n"},
		{"unsigned", "", now, 401, "invalid request signature\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, body := signed(t, endpoint, "application/json", challenge, tt.secret, tt.at, 0)
			if code != tt.wantCode || body != tt.wantBody {
				t.Errorf("answer %d %q, want %d %q", code, body, tt.wantCode, tt.wantBody)
			}
		})
	}
}

func TestEventsAPIAnswersMentionsAndSlashCommands(t *testing.T) {
	f := newFake(t, 0)
	endpoint, _ := eventsServer(t, f)
	mention := callbackJSON(t, slackfake.Mention("Ev1", "C1", "U1", "1700000000.000001", "deadline status"))
	for retry := range 2 { // Slack's retry of the same event is answered once
		if code, _ := signed(t, endpoint, "application/json", mention, signingSecret, time.Now(), retry); code != 200 {
			t.Fatalf("mention (retry %d) answered %d", retry, code)
		}
	}
	form := url.Values{"command": {"/brief"}, "text": {"who said what"}, "channel_id": {"C2"}, "user_id": {"U1"},
		"response_url": {f.ResponseURL("C2")}, "trigger_id": {"trig1"}}
	if code, _ := signed(t, endpoint, "application/x-www-form-urlencoded", form.Encode(), signingSecret, time.Now(), 0); code != 200 {
		t.Fatalf("slash command answered %d", code)
	}
	last := callbackJSON(t, slackfake.Mention("Ev2", "C1", "U1", "1700000000.000002", "last"))
	if code, _ := signed(t, endpoint, "application/json", last, signingSecret, time.Now(), 0); code != 200 {
		t.Fatalf("mention answered %d", code)
	}
	posts := waitPosts(t, f, "C1", 2)
	if posts[0].ThreadTS != "1700000000.000001" || !strings.Contains(posts[0].AllText(), "deadline status") ||
		!strings.Contains(posts[1].AllText(), "last") {
		t.Errorf("posts in C1 = %+v, want the mention's answer in its thread, then last's", posts)
	}
	if p := waitPosts(t, f, "C2", 1)[0]; p.Via != "response_url" || !strings.Contains(p.AllText(), "who said what") {
		t.Errorf("slash command answered with %+v", p)
	}
	if n := len(f.Posts()); n != 3 {
		t.Errorf("%d posts, want 3 (the retried event answered once)", n)
	}
}

func TestServeEventsNeedsASigningSecret(t *testing.T) {
	f := newFake(t, 0)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	a, _ := newAdapter(t, f, nil) // Socket Mode options: no signing secret
	if err := a.ServeEvents(t.Context(), &echo{}, ln); err == nil || errors.Is(err, context.Canceled) {
		t.Errorf("ServeEvents() without a signing secret = %v, want an error", err)
	}
}

func TestListenServesTheEventsAPIWithoutAnAppToken(t *testing.T) {
	f := newFake(t, 0)
	tests := []struct {
		name    string
		addr    string
		wantErr bool
	}{
		{"serves until cancelled", "127.0.0.1:0", false},
		{"unusable address", "127.0.0.1:99999", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, _ := newAdapter(t, f, func(o *slack.Options) {
				o.AppToken, o.SigningSecret, o.EventsAddr = "", signingSecret, tt.addr
			})
			ctx, cancel := context.WithCancel(waitCtx(t))
			done := make(chan error, 1)
			go func() { done <- a.Listen(ctx, &echo{}) }()
			if !tt.wantErr {
				cancel()
			}
			select {
			case err := <-done:
				if (err != nil) != tt.wantErr {
					t.Errorf("Listen() = %v, want error %v", err, tt.wantErr)
				}
			case <-time.After(guard):
				t.Fatal("Listen did not return")
			}
			cancel()
		})
	}
}
