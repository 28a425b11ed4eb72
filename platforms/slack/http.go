package slack

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	slackapi "github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"

	"github.com/briefbot/briefbot/bot"
)

// EventsPath is where ServeEvents answers Slack: set it as the Request URL
// of both Event Subscriptions and the /brief command.
const EventsPath = "/slack/events"

// maxEventBody bounds a request body; Slack's are a few kilobytes.
const maxEventBody = 1 << 20

// listenHTTP serves the HTTP Events API on Options.EventsAddr.
func (a *Adapter) listenHTTP(ctx context.Context, h bot.Handler) error {
	ln, err := net.Listen("tcp", a.opts.EventsAddr)
	if err != nil {
		return fmt.Errorf("events api: %w", err)
	}
	return a.ServeEvents(ctx, h, ln)
}

// ServeEvents answers Slack's HTTP requests (Events API callbacks and the
// /brief slash command) at EventsPath on ln until ctx ends, then shuts the
// server down gracefully (10 s at most) and returns nil. Every request must
// carry a valid Slack signature made with the signing secret within the
// last five minutes, or it is refused with 401; a body over 1 MiB is
// refused with 413 before it is checked. The server bounds the time to read
// a request (see newEventsServer). Each accepted request is answered 200
// at once and the work goes to a pool of workers owned by
// ServeEvents, which finishes the answers in flight (at most AnswerGrace)
// before ServeEvents returns.
func (a *Adapter) ServeEvents(ctx context.Context, h bot.Handler, ln net.Listener) error {
	if a.opts.SigningSecret == "" {
		return errors.Join(errors.New("events api: a signing secret is required"), ln.Close())
	}
	self, err := a.whoAmI(ctx)
	if err != nil {
		if cerr := ln.Close(); cerr != nil {
			a.log.Debug("close events listener", "err", cerr)
		}
		if ctx.Err() != nil {
			return nil
		}
		return err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	p := a.startPool(ctx, h)
	mux := http.NewServeMux()
	mux.Handle("POST "+EventsPath, a.eventsHandler(ctx, p, self))
	srv := newEventsServer(mux)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	a.conn.Connected(a.opts.Metrics)
	defer a.conn.Lost()
	a.log.Info("slack events api listening", "addr", ln.Addr().String(), "path", EventsPath)
	select {
	case err = <-errc:
		err = fmt.Errorf("events api: %w", err)
	case <-ctx.Done():
		shutdown, stop := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
		if serr := srv.Shutdown(shutdown); serr != nil {
			a.log.Warn("events api shutdown", "err", serr)
		}
		stop()
		<-errc // http.ErrServerClosed
	}
	cancel()
	p.stop()
	return err
}

// newEventsServer is the Events API server for h: every phase of a
// request is bounded, so a slow or idle client cannot hold a connection.
func newEventsServer(h http.Handler) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second, // a body of maxEventBody sent at a crawl is cut off
		WriteTimeout:      10 * time.Second, // answers are an ack or a challenge: Slack waits 3 s
		IdleTimeout:       time.Minute,
		MaxHeaderBytes:    16 << 10,
	}
}

// eventsHandler verifies and answers Slack's requests. ctx is the
// server's lifetime, not a request's: queued work outlives the request that
// brought it.
func (a *Adapter) eventsHandler(ctx context.Context, p *pool, self identity) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxEventBody))
		if _, tooBig := errors.AsType[*http.MaxBytesError](err); tooBig {
			a.log.Warn("slack request refused: body too large", "limit", maxEventBody, "remote", r.RemoteAddr)
			http.Error(w, "request body too large", http.StatusRequestEntityTooLarge)
			return
		}
		if err != nil {
			http.Error(w, "unreadable body", http.StatusBadRequest)
			return
		}
		if err := verify(r.Header, body, a.opts.SigningSecret); err != nil {
			a.log.Warn("slack request refused", "err", err, "remote", r.RemoteAddr)
			http.Error(w, "invalid request signature", http.StatusUnauthorized)
			return
		}
		if strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
			a.onHTTPEvent(ctx, w, p, self, body)
			return
		}
		form, err := url.ParseQuery(string(body))
		if err != nil {
			http.Error(w, "unreadable form", http.StatusBadRequest)
			return
		}
		if form.Get("command") != "" {
			r.Body = io.NopCloser(bytes.NewReader(body))
			c, err := slackapi.SlashCommandParse(r)
			if err != nil {
				http.Error(w, "unreadable slash command", http.StatusBadRequest)
				return
			}
			p.accept(ctx, fromSlash(c))
		}
		w.WriteHeader(http.StatusOK) // also acks interactions, which briefbot does not use
	})
}

// onHTTPEvent answers a JSON Events API request: the url_verification
// challenge, or a callback queued for a worker.
func (a *Adapter) onHTTPEvent(ctx context.Context, w http.ResponseWriter, p *pool, self identity, body []byte) {
	ev, err := slackevents.ParseEvent(body, slackevents.OptionNoVerifyToken())
	if err != nil {
		// An event type slack-go does not know: acknowledge it, or Slack retries.
		a.log.Debug("slack event not understood", "err", err)
		w.WriteHeader(http.StatusOK)
		return
	}
	switch ev.Type {
	case slackevents.URLVerification:
		if v, ok := ev.Data.(*slackevents.EventsAPIURLVerificationEvent); ok {
			w.Header().Set("Content-Type", "text/plain")
			if _, err := io.WriteString(w, v.Challenge); err != nil {
				a.log.Debug("write url_verification answer", "err", err)
			}
			return
		}
	case slackevents.CallbackEvent:
		if in, ok := fromEvent(ev, self); ok {
			p.accept(ctx, in)
		}
	case slackevents.AppRateLimited:
		a.log.Warn("slack is rate-limiting this app's events")
	}
	w.WriteHeader(http.StatusOK)
}

// verify checks a request's Slack signature with slack.NewSecretsVerifier,
// which also refuses a timestamp more than five minutes off.
func verify(h http.Header, body []byte, secret string) error {
	sv, err := slackapi.NewSecretsVerifier(h, secret)
	if err != nil {
		return fmt.Errorf("verify signature: %w", err)
	}
	if _, err := sv.Write(body); err != nil {
		return fmt.Errorf("verify signature: %w", err)
	}
	if err := sv.Ensure(); err != nil {
		return fmt.Errorf("verify signature: %w", err)
	}
	return nil
}
