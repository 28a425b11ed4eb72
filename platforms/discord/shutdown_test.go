package discord_test

import (
	"context"
	"testing"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/platforms/discord"
	"github.com/briefbot/briefbot/platforms/discord/discordtest"
)

// TestAnswerInFlightIsSentAfterListenEnds: a message or /brief the handler
// is still answering when Listen's context ends gets its reply sent, once,
// and Listen returns only after that.
func TestAnswerInFlightIsSentAfterListenEnds(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name  string
		send  func(*discordtest.Server) error
		reply discordtest.Match
	}{
		{"mention", func(s *discordtest.Server) error {
			return s.SendMessage(discordtest.Msg{ID: "11", ChannelID: "10", GuildID: "1", AuthorID: "42", Content: "<@900> slow", Mentions: []string{"900"}})
		}, discordtest.REST("POST", "channels/10/messages")},
		{"slash command", func(s *discordtest.Server) error {
			return s.SendInteraction(discordtest.Interaction{ID: "3000", Token: "itok", ChannelID: "10", GuildID: "1", UserID: "42", Data: discordtest.Slash("ask", "text", "slow")})
		}, discordtest.REST("PATCH", "webhooks/800/itok/messages/@original")},
	} {
		t.Run(tt.name, func(t *testing.T) {
			canceled := make(chan struct{})
			handlerErr := make(chan error, 1)
			var r *rig
			slow := handlerFunc(func(ctx context.Context, m bot.Message) ([]bot.Reply, error) {
				select {
				case <-canceled:
				case <-r.ctx.Done(): // the hang guard
				}
				handlerErr <- ctx.Err()
				return []bot.Reply{{Text: "late answer"}}, nil
			})
			r = prepareRig(t, discord.Options{}, discordtest.Options{})
			r.listen(slow)
			r.ready()
			if err := tt.send(r.srv); err != nil {
				t.Fatal(err)
			}
			r.message() // the handler started
			r.cancel()
			close(canceled)
			if err := r.result(); err != nil {
				t.Errorf("Listen() = %v, want nil", err)
			}
			if err := <-handlerErr; err != nil {
				t.Errorf("the handler's context ended with Listen's: %v", err)
			}
			if n := r.srv.Count(tt.reply); n != 1 {
				t.Fatalf("%d replies sent, want 1; events: %v", n, r.srv.Events())
			}
			if e := r.wait(tt.reply); e.Status != 200 || sent(t, e).Content != "late answer" {
				t.Errorf("reply = %v %s, want 200 with the late answer", e, e.Body)
			}
		})
	}
}
