package discord

import (
	"context"
	"testing"
)

// TestClientsHaveTimeouts checks every HTTP client the adapter makes (the
// REST session's and each gateway session's) gives up on a server that
// never answers.
func TestClientsHaveTimeouts(t *testing.T) {
	a, err := New(Options{Token: "t"})
	if err != nil {
		t.Fatal(err)
	}
	if a.client.Timeout <= 0 || a.rest.Client.Timeout <= 0 {
		t.Errorf("the REST client has no timeout")
	}
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	w := newWorkers(ctx)
	defer w.stop()
	g := a.newGateway(ctx, nil, w)
	if g.s.Client.Timeout <= 0 || g.s.Dialer.HandshakeTimeout <= 0 {
		t.Errorf("the gateway session's client or dialer has no timeout")
	}
}
