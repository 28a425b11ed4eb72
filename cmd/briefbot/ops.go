package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"
)

// opsServer is the health and metrics endpoint of a run.
type opsServer struct {
	srv  *http.Server
	done chan struct{}
}

// opsHandler serves /healthz (the process answers: 200), /readyz (200
// when ready() is nil, else 503 with the reason) and /metrics.
func opsHandler(ready func() error, metricsHandler http.Handler) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintln(w, "ok")
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		if err := ready(); err != nil {
			w.WriteHeader(http.StatusServiceUnavailable)
			fmt.Fprintf(w, "not ready: %v\n", err)
			return
		}
		fmt.Fprintln(w, "ready")
	})
	mux.Handle("GET /metrics", metricsHandler)
	return mux
}

// newOpsServer is the endpoint's server for h: every phase of a request
// is bounded, so a slow or idle client cannot hold a connection, and the
// endpoint only ever reads GET requests, so no body limit is needed beyond
// the header bound.
func newOpsServer(h http.Handler) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       time.Minute,
		MaxHeaderBytes:    16 << 10,
	}
}

// startHTTP starts the endpoint on the configured address (see
// config.Config.HTTPListen), or nothing when there is none. An address
// that was given and cannot be bound stops the run; the default one is
// only warned about, since another briefbot (or Prometheus itself, whose
// port it is) may hold it. The returned server's stop is always safe.
func startHTTP(rt *runtime) (*opsServer, int) {
	s := &opsServer{}
	addr := rt.cfg.HTTPListen()
	if addr == "" {
		return s, exitOK
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		if rt.cfg.HTTPAddrGiven() {
			fmt.Fprintf(rt.e.stderr, "briefbot: health endpoint: %v\n", err)
			return nil, exitFailure
		}
		rt.log.Warn("health endpoint off: its default address is taken; set BRIEFBOT_HTTP_ADDR", "addr", addr, "err", err)
		return s, exitOK
	}
	s.srv = newOpsServer(opsHandler(rt.ready, rt.m.Handler()))
	s.done = make(chan struct{})
	rt.log.Info("health endpoint listening", "addr", ln.Addr().String())
	go func() {
		defer close(s.done)
		if err := s.srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			rt.log.Error("health endpoint stopped", "err", err)
		}
	}()
	return s, exitOK
}

// stop shuts the endpoint down gracefully, within httpShutdownTimeout,
// and waits for it.
func (s *opsServer) stop() {
	if s == nil || s.srv == nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), httpShutdownTimeout)
	defer cancel()
	if err := s.srv.Shutdown(ctx); err != nil {
		s.srv.Close() // the deadline passed: drop the rest
	}
	<-s.done
}
