package slack_test

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// rawRequest posts body to endpoint with exactly the headers given.
func rawRequest(t *testing.T, endpoint, body string, headers map[string]string) (int, string) {
	t.Helper()
	req, err := http.NewRequestWithContext(waitCtx(t), http.MethodPost, endpoint, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range headers {
		req.Header.Set(k, v)
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

// signature is Slack's v0 signature of body at stamp with secret.
func signature(secret, stamp, body string) string {
	mac := hmac.New(sha256.New, []byte(secret))
	fmt.Fprintf(mac, "v0:%s:%s", stamp, body)
	return "v0=" + hex.EncodeToString(mac.Sum(nil))
}

// TestEventsAPIRefusesBadRequests sends requests that must never reach
// the bot: each is refused with the status Slack's docs call for, and a
// body over the 1 MiB limit is refused before its signature is checked.
func TestEventsAPIRefusesBadRequests(t *testing.T) {
	f := newFake(t, 0)
	endpoint, h := eventsServer(t, f)
	const challenge = `{"token":"x","challenge":"c0ffee","type":"url_verification"}`
	now := fmt.Sprint(time.Now().Unix())
	old := fmt.Sprint(time.Now().Add(-6 * time.Minute).Unix())
	future := fmt.Sprint(time.Now().Add(6 * time.Minute).Unix())
	atLimit := challenge + strings.Repeat(" ", 1<<20-len(challenge)) // JSON may end in spaces
	overLimit := atLimit + " "
	jsonType := "application/json"
	tests := []struct {
		name     string
		body     string
		headers  map[string]string
		want     int
		wantBody string
	}{
		{"valid", challenge, map[string]string{"Content-Type": jsonType, "X-Slack-Request-Timestamp": now, "X-Slack-Signature": signature(signingSecret, now, challenge)}, 200, "c0ffee"},
		{"body at the limit", atLimit, map[string]string{"Content-Type": jsonType, "X-Slack-Request-Timestamp": now, "X-Slack-Signature": signature(signingSecret, now, atLimit)}, 200, "c0ffee"},
		{"body over the limit", overLimit, map[string]string{"Content-Type": jsonType, "X-Slack-Request-Timestamp": now, "X-Slack-Signature": signature(signingSecret, now, overLimit)}, 413, "request body too large\n"},
		{"no headers", challenge, map[string]string{"Content-Type": jsonType}, 401, "invalid request signature\n"},
		{"no timestamp", challenge, map[string]string{"Content-Type": jsonType, "X-Slack-Signature": signature(signingSecret, now, challenge)}, 401, "invalid request signature\n"},
		{"no signature", challenge, map[string]string{"Content-Type": jsonType, "X-Slack-Request-Timestamp": now}, 401, "invalid request signature\n"},
		{"stale timestamp", challenge, map[string]string{"Content-Type": jsonType, "X-Slack-Request-Timestamp": old, "X-Slack-Signature": signature(signingSecret, old, challenge)}, 401, "invalid request signature\n"},
		{"future timestamp", challenge, map[string]string{"Content-Type": jsonType, "X-Slack-Request-Timestamp": future, "X-Slack-Signature": signature(signingSecret, future, challenge)}, 401, "invalid request signature\n"},
		{"timestamp not a number", challenge, map[string]string{"Content-Type": jsonType, "X-Slack-Request-Timestamp": "soon", "X-Slack-Signature": signature(signingSecret, "soon", challenge)}, 401, "invalid request signature\n"},
		{"signed for another timestamp", challenge, map[string]string{"Content-Type": jsonType, "X-Slack-Request-Timestamp": now, "X-Slack-Signature": signature(signingSecret, old, challenge)}, 401, "invalid request signature\n"},
		{"body changed after signing", strings.Replace(challenge, "c0ffee", "evil", 1), map[string]string{"Content-Type": jsonType, "X-Slack-Request-Timestamp": now, "X-Slack-Signature": signature(signingSecret, now, challenge)}, 401, "invalid request signature\n"},
		{"wrong secret", challenge, map[string]string{"Content-Type": jsonType, "X-Slack-Request-Timestamp": now, "X-Slack-Signature": signature("guess", now, challenge)}, 401, "invalid request signature\n"},
		{"signature not hex", challenge, map[string]string{"Content-Type": jsonType, "X-Slack-Request-Timestamp": now, "X-Slack-Signature": "v0=zz"}, 401, "invalid request signature\n"},
		{"other signature version", challenge, map[string]string{"Content-Type": jsonType, "X-Slack-Request-Timestamp": now, "X-Slack-Signature": "v1=" + strings.TrimPrefix(signature(signingSecret, now, challenge), "v0=")}, 401, "invalid request signature\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, body := rawRequest(t, endpoint, tt.body, tt.headers)
			if code != tt.want || body != tt.wantBody {
				t.Errorf("answer = %d %q, want %d %q", code, body, tt.want, tt.wantBody)
			}
		})
	}
	if got := h.messages(); len(got) != 0 {
		t.Errorf("refused requests reached the bot: %+v", got)
	}
}
