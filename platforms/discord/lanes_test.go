package discord_test

import (
	"strings"
	"sync"
	"testing"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/platforms/discord"
	"github.com/briefbot/briefbot/platforms/discord/discordtest"
)

// TestConcurrentPostsToAChannelDoNotInterleave posts two long replies
// (several messages each) to one channel at once and checks the fake
// received one reply's messages, then the other's: every post to a channel
// waits its turn in the channel's queue.
func TestConcurrentPostsToAChannelDoNotInterleave(t *testing.T) {
	r := prepareRig(t, discord.Options{}, discordtest.Options{})
	long := func(word string) string { return strings.TrimSpace(strings.Repeat(word+" ", 1000)) }
	var wg sync.WaitGroup
	for _, w := range []string{"alpha", "omega"} {
		wg.Go(func() {
			if _, err := r.a.Post(r.ctx, bot.Reply{Channel: "70", Text: long(w)}); err != nil {
				t.Errorf("Post(%s) = %v", w, err)
			}
		})
	}
	wg.Wait()
	var order []string
	for _, e := range r.srv.Events() {
		if e.Kind == discordtest.KindREST && e.Path == "channels/70/messages" {
			order = append(order, strings.Fields(sent(t, e).Content)[0])
		}
	}
	half := len(order) / 2
	if len(order) < 4 || len(order)%2 != 0 {
		t.Fatalf("%d messages in the channel, want two replies of several each: %v", len(order), order)
	}
	for i := 1; i < len(order); i++ {
		if i != half && order[i] != order[i-1] {
			t.Fatalf("the replies interleaved: %v", order)
		}
	}
	if order[0] == order[half] {
		t.Errorf("one reply's messages make up both halves: %v", order)
	}
}
