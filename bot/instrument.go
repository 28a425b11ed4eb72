package bot

import (
	"cmp"
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"
)

// Outcomes of a handled message, as Instrumented reports them.
const (
	OutcomeOK        = "ok"         // answered
	OutcomeUserError = "user_error" // answered with a *Error (too long, not UTF-8)
	OutcomeError     = "error"      // failed: the user reads an apology
	OutcomeCanceled  = "canceled"   // the context ended first
	OutcomeRefused   = "refused"    // arrived while shutting down
)

// CommandObserver records the messages an Instrumented handler sees.
// Its methods are called concurrently and must not block.
type CommandObserver interface {
	// Received records a message arriving from platform.
	Received(platform string)
	// Answered records a message handled: the command it called
	// ("question" when none), its outcome and how long Handle took.
	Answered(platform, command, outcome string, took time.Duration)
}

// InstrumentOptions configure an Instrumented handler.
type InstrumentOptions struct {
	Observer CommandObserver     // nil records nothing
	Command  func(string) string // names a message's command (Bot.CommandName); "" labels when nil
	Logger   *slog.Logger        // discards when nil
}

// Instrumented is a Handler middleware: it gives each message a request
// ID (in the context, see RequestID), logs one line per message with its
// platform, channel, request ID, command and outcome, never its text,
// reports to a CommandObserver, and tracks the messages in flight so
// Drain can let them finish at shutdown.
type Instrumented struct {
	next   Handler
	opts   InstrumentOptions
	log    *slog.Logger
	prefix string
	seq    atomic.Uint64

	mu       sync.Mutex // guards what follows
	inflight int
	draining bool
	idle     chan struct{} // closed when inflight drops to 0 while draining
	last     time.Time     // when the last answer was handed back
}

var _ Handler = (*Instrumented)(nil)

// Instrument wraps next.
func Instrument(next Handler, opts InstrumentOptions) *Instrumented {
	return &Instrumented{next: next, opts: opts, log: cmp.Or(opts.Logger, slog.New(slog.DiscardHandler)), prefix: rand.Text()[:6]}
}

// Handle implements Handler. While draining, a new message is refused
// with a *Error asking the user to try again.
func (h *Instrumented) Handle(ctx context.Context, m Message) ([]Reply, error) {
	start := time.Now()
	id := RequestID(ctx)
	if id == "" {
		id = fmt.Sprintf("%s-%d", h.prefix, h.seq.Add(1))
		ctx = WithRequestID(ctx, id)
	}
	if h.opts.Observer != nil {
		h.opts.Observer.Received(m.Platform)
	}
	command := ""
	if h.opts.Command != nil {
		command = h.opts.Command(m.Text)
	}
	log := h.log.With("platform", m.Platform, "channel", m.Channel, "request_id", id, "command", command)
	if !h.begin() {
		h.report(log, m, command, OutcomeRefused, start, nil)
		return nil, &Error{Message: "briefbot is restarting. Please ask again in a minute."}
	}
	replies, err := h.next.Handle(ctx, m)
	h.end()
	var be *Error
	outcome := OutcomeOK
	switch {
	case err == nil:
	case errors.As(err, &be):
		outcome = OutcomeUserError
	case ctx.Err() != nil:
		outcome = OutcomeCanceled
	default:
		outcome = OutcomeError
	}
	h.report(log, m, command, outcome, start, err)
	return replies, err
}

// report logs the outcome and tells the observer.
func (h *Instrumented) report(log *slog.Logger, m Message, command, outcome string, start time.Time, err error) {
	took := time.Since(start)
	if h.opts.Observer != nil {
		h.opts.Observer.Answered(m.Platform, command, outcome, took)
	}
	if outcome == OutcomeError {
		log.Error("command failed", "outcome", outcome, "took", took.Round(time.Microsecond), "err", err)
		return
	}
	log.Info("command handled", "outcome", outcome, "took", took.Round(time.Microsecond))
}

func (h *Instrumented) begin() bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.draining {
		return false
	}
	h.inflight++
	return true
}

func (h *Instrumented) end() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.inflight--
	h.last = time.Now()
	if h.inflight == 0 && h.idle != nil {
		close(h.idle)
		h.idle = nil
	}
}

// Drain refuses new messages from now on and waits until the messages
// being handled are answered, or ctx ends (it returns ctx's error then).
func (h *Instrumented) Drain(ctx context.Context) error {
	h.mu.Lock()
	h.draining = true
	if h.inflight == 0 {
		h.mu.Unlock()
		return nil
	}
	if h.idle == nil {
		h.idle = make(chan struct{})
	}
	idle := h.idle
	h.mu.Unlock()
	select {
	case <-idle:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("drain: %w", ctx.Err())
	}
}

// LastAnswer returns when Handle last handed back an answer; zero before
// the first. The platform posts it right after, so shutdown gives the post
// a moment.
func (h *Instrumented) LastAnswer() time.Time {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.last
}

type requestIDKey struct{}

// WithRequestID returns ctx carrying request ID id: request-scoped
// metadata for the log lines about one message.
func WithRequestID(ctx context.Context, id string) context.Context {
	return context.WithValue(ctx, requestIDKey{}, id)
}

// NewRequestID returns a new random request ID. An adapter that sets one
// with WithRequestID before calling Handle can log its own lines about the
// message under the same ID (see RequestLogger); Instrument keeps it.
func NewRequestID() string { return rand.Text()[:10] }

// RequestLogger returns log with the request ID ctx carries as
// "request_id", or log itself when ctx carries none.
func RequestLogger(ctx context.Context, log *slog.Logger) *slog.Logger {
	if id := RequestID(ctx); id != "" {
		return log.With("request_id", id)
	}
	return log
}

// RequestID returns the request ID ctx carries, "" when none.
func RequestID(ctx context.Context) string {
	id, _ := ctx.Value(requestIDKey{}).(string)
	return id
}

// logFor returns the bot's logger for lines about message m.
func (b *Bot) logFor(ctx context.Context, m Message) *slog.Logger {
	return b.log.With("platform", m.Platform, "channel", m.Channel, "request_id", RequestID(ctx))
}

// CommandName returns the name of the command text calls, "question" when
// it calls none: a label from a fixed set, for metrics.
func (b *Bot) CommandName(text string) string { return parse(text, b.cmds).name() }
