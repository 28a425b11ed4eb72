package bot_test

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
)

// recorder is a CommandObserver that keeps what it was told.
type recorder struct {
	mu       sync.Mutex
	received int
	answered []string
}

func (r *recorder) Received(string) { r.mu.Lock(); r.received++; r.mu.Unlock() }
func (r *recorder) Answered(platform, command, outcome string, _ time.Duration) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.answered = append(r.answered, platform+"/"+command+"/"+outcome)
}

// handlerFunc is a Handler made of a function.
type handlerFunc func(context.Context, bot.Message) ([]bot.Reply, error)

func (f handlerFunc) Handle(ctx context.Context, m bot.Message) ([]bot.Reply, error) {
	return f(ctx, m)
}

func TestInstrumentedOutcomesAndLogs(t *testing.T) {
	var logs bytes.Buffer
	rec := &recorder{}
	b := bot.New(bot.Options{})
	ids := map[string]bool{}
	next := handlerFunc(func(ctx context.Context, m bot.Message) ([]bot.Reply, error) {
		ids[bot.RequestID(ctx)] = true
		switch m.Text {
		case "search secret plans":
			return nil, errors.New("index broke")
		case "timeline":
			return nil, &bot.Error{Message: "too long"}
		}
		return b.Handle(ctx, m)
	})
	h := bot.Instrument(next, bot.InstrumentOptions{Observer: rec, Command: b.CommandName, Logger: slog.New(slog.NewJSONHandler(&logs, nil))})
	for _, text := range []string{"help", "search secret plans", "timeline", "what is up with the secret plans"} {
		h.Handle(t.Context(), bot.Message{Platform: "slack", Channel: "C1", User: "U1", Text: text}) //nolint:errcheck // outcomes are checked below
	}
	want := []string{"slack/help/ok", "slack/search/error", "slack/timeline/user_error", "slack/question/ok"}
	if strings.Join(rec.answered, " ") != strings.Join(want, " ") || rec.received != 4 || len(ids) != 4 {
		t.Errorf("answered %v (%d received, %d request IDs), want %v", rec.answered, rec.received, len(ids), want)
	}
	for _, line := range strings.Split(strings.TrimSpace(logs.String()), "\n") {
		for _, key := range []string{`"platform":"slack"`, `"channel":"C1"`, `"request_id":"`} {
			if !strings.Contains(line, key) {
				t.Errorf("log line lacks %s: %s", key, line)
			}
		}
	}
	if strings.Contains(logs.String(), "secret plans") {
		t.Errorf("the log shows message text:\n%s", logs.String())
	}
}

// TestInstrumentedDrain lets an answer in flight finish and refuses the
// messages that arrive meanwhile.
func TestInstrumentedDrain(t *testing.T) {
	entered, release := make(chan struct{}), make(chan struct{})
	h := bot.Instrument(handlerFunc(func(_ context.Context, m bot.Message) ([]bot.Reply, error) {
		if m.Text != "slow" {
			return nil, nil // a message answered before the drain began
		}
		close(entered)
		<-release
		return []bot.Reply{{Text: "done"}}, nil
	}), bot.InstrumentOptions{})
	answer := make(chan []bot.Reply, 1)
	go func() {
		r, _ := h.Handle(context.Background(), bot.Message{Text: "slow"}) //nolint:errcheck // the reply is checked
		answer <- r
	}()
	<-entered
	drained := make(chan error, 1)
	go func() { drained <- h.Drain(context.Background()) }()
	for { // Drain has begun once new messages are refused
		_, err := h.Handle(context.Background(), bot.Message{Text: "late"})
		var be *bot.Error
		if errors.As(err, &be) && strings.Contains(be.Message, "restarting") {
			break
		}
		time.Sleep(time.Millisecond)
	}
	select {
	case err := <-drained:
		t.Fatalf("Drain returned %v while an answer was in flight", err)
	default:
	}
	close(release)
	if r := <-answer; len(r) != 1 || r[0].Text != "done" {
		t.Errorf("the answer in flight = %+v", r)
	}
	if err := <-drained; err != nil {
		t.Errorf("Drain = %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := h.Drain(ctx); err != nil {
		t.Errorf("Drain with nothing in flight = %v", err)
	}
}
