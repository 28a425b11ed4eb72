package slack_test

import (
	"context"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/platforms/slack"
	"github.com/briefbot/briefbot/platforms/slack/slackfake"
)

// TestAnswerInFlightIsPostedAfterListenEnds: a message the handler is
// still answering when Listen's context ends gets its reply posted, once,
// and Listen returns only after that.
func TestAnswerInFlightIsPostedAfterListenEnds(t *testing.T) {
	for _, tt := range []struct {
		name    string
		env     func(*slackfake.Server) slackfake.Envelope
		channel string
		wantVia string
	}{
		{"mention", func(*slackfake.Server) slackfake.Envelope {
			return slackfake.Mention("Ev1", "C1", "U1", "1700000000.000001", "slow")
		}, "C1", "chat.postMessage"},
		{"slash command", func(f *slackfake.Server) slackfake.Envelope { return f.Slash("C2", "U1", "slow", "trig1") }, "C2", "response_url"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := newFake(t, 0)
			a, err := slack.New(testOptions(f, &syncBuffer{}))
			if err != nil {
				t.Fatal(err)
			}
			started, canceled := make(chan struct{}), make(chan struct{})
			handlerErr := make(chan error, 1)
			h := handlerFunc(func(ctx context.Context, m bot.Message) ([]bot.Reply, error) {
				close(started)
				select {
				case <-canceled:
				case <-time.After(guard):
				}
				handlerErr <- ctx.Err()
				return []bot.Reply{{Text: "late answer"}}, nil
			})
			ctx, cancel := context.WithCancel(t.Context())
			defer cancel()
			done := make(chan error, 1)
			go func() { done <- a.Listen(ctx, h) }()

			sendAndAck(t, f, tt.env(f))
			select {
			case <-started:
			case <-waitCtx(t).Done():
				t.Fatal("the handler was not called")
			}
			cancel()
			close(canceled)
			select {
			case err := <-done:
				if err != nil {
					t.Errorf("Listen() = %v, want nil", err)
				}
			case <-time.After(guard):
				t.Fatal("Listen did not return")
			}
			if err := <-handlerErr; err != nil {
				t.Errorf("the handler's context ended with Listen's: %v", err)
			}
			var posts []slackfake.Post
			for _, p := range f.Posts() {
				if p.Channel == tt.channel {
					posts = append(posts, p)
				}
			}
			if len(posts) != 1 || posts[0].Via != tt.wantVia || posts[0].Text != "late answer" {
				t.Errorf("posts = %+v, want the late answer once via %s", posts, tt.wantVia)
			}
		})
	}
}

// handlerFunc adapts a function to bot.Handler.
type handlerFunc func(ctx context.Context, m bot.Message) ([]bot.Reply, error)

func (f handlerFunc) Handle(ctx context.Context, m bot.Message) ([]bot.Reply, error) {
	return f(ctx, m)
}
