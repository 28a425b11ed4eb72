package main

import (
	"net/http"
	"testing"
)

// TestOpsServerBoundsEveryPhase checks the health endpoint cannot be held
// open by a slow or idle client: each of its timeouts is set.
func TestOpsServerBoundsEveryPhase(t *testing.T) {
	s := newOpsServer(http.NotFoundHandler())
	for name, v := range map[string]int64{
		"ReadHeaderTimeout": int64(s.ReadHeaderTimeout), "ReadTimeout": int64(s.ReadTimeout),
		"WriteTimeout": int64(s.WriteTimeout), "IdleTimeout": int64(s.IdleTimeout), "MaxHeaderBytes": int64(s.MaxHeaderBytes),
	} {
		if v <= 0 {
			t.Errorf("%s is unset: a client could hold the connection", name)
		}
	}
}
