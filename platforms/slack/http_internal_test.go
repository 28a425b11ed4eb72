package slack

import (
	"errors"
	"net/http"
	"testing"
)

// TestEventsServerBoundsEveryPhase checks the Events API server cannot be
// held open by a slow or idle client: each of its timeouts is set.
func TestEventsServerBoundsEveryPhase(t *testing.T) {
	s := newEventsServer(http.NotFoundHandler())
	for name, d := range map[string]int64{
		"ReadHeaderTimeout": int64(s.ReadHeaderTimeout), "ReadTimeout": int64(s.ReadTimeout),
		"WriteTimeout": int64(s.WriteTimeout), "IdleTimeout": int64(s.IdleTimeout), "MaxHeaderBytes": int64(s.MaxHeaderBytes),
	} {
		if d <= 0 {
			t.Errorf("%s is unset: a client could hold the connection", name)
		}
	}
}

func TestHideURL(t *testing.T) {
	const u = "https://hooks.slack.com/commands/T1/123/SECRETxyz"
	inner := errors.New(`failed to post webhook: Post "` + u + `": dial tcp: refused`)
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"hidden", inner, `failed to post webhook: Post "[response_url]": dial tcp: refused`},
		{"not there", errors.New("slack server error: 500"), "slack server error: 500"},
	}
	for _, tt := range tests {
		got := hideURL(tt.err, u)
		if got.Error() != tt.want || !errors.Is(got, tt.err) {
			t.Errorf("%s: hideURL = %q (wraps the original: %v), want %q", tt.name, got, errors.Is(got, tt.err), tt.want)
		}
	}
	if hideURL(nil, u) != nil {
		t.Error("hideURL(nil) is not nil")
	}
}

// TestDefaultHTTPClientHasATimeout checks the Web API and response_url
// client gives up on a server that never answers.
func TestDefaultHTTPClientHasATimeout(t *testing.T) {
	a, err := New(Options{BotToken: "xoxb-t", AppToken: "xapp-t"})
	if err != nil {
		t.Fatal(err)
	}
	if a.http.Timeout <= 0 {
		t.Errorf("the default HTTP client has no timeout")
	}
}
