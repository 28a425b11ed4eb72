package slack_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/platforms/slack"
	"github.com/briefbot/briefbot/platforms/slack/slackfake"
)

// TestAdapterLogsCarryTheRequestID: the adapter's own log line about a
// message (here a failed handler) carries the request ID the bot saw.
func TestAdapterLogsCarryTheRequestID(t *testing.T) {
	f := newFake(t, 0)
	logs := &syncBuffer{}
	a, err := slack.New(testOptions(f, logs))
	if err != nil {
		t.Fatal(err)
	}
	seen := make(chan string, 1)
	h := handlerFunc(func(ctx context.Context, _ bot.Message) ([]bot.Reply, error) {
		seen <- bot.RequestID(ctx)
		return nil, errors.New("index unavailable")
	})
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- a.Listen(ctx, h) }()
	sendAndAck(t, f, slackfake.Mention("Ev9", "C9", "U1", "1700000000.000009", "boom"))
	id := <-seen
	waitPosts(t, f, "C9", 1) // the apology: the failure has been logged by then
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("Listen() = %v", err)
	}
	if id == "" {
		t.Fatal("the handler saw no request ID")
	}
	for _, line := range strings.Split(logs.String(), "\n") {
		if strings.Contains(line, "slack handler failed") {
			if !strings.Contains(line, "request_id="+id) {
				t.Errorf("log line %q lacks request_id=%s", line, id)
			}
			return
		}
	}
	t.Errorf("no \"slack handler failed\" line in the logs:\n%s", logs.String())
}
