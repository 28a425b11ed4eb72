package slack_test

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/platforms/slack"
	"github.com/briefbot/briefbot/platforms/slack/slackfake"
)

func TestSocketModeAnswersMentionsDMsAndSlashCommands(t *testing.T) {
	f := newFake(t, 0)
	r := listen(t, f, nil)
	threaded := slackfake.EventsAPI("Ev2", slackfake.Event{Type: "app_mention", User: "U1", Text: "<@UBOT> timeline", TS: "1700000000.000200", ThreadTS: "1700000000.000100", Channel: "C2"})
	tests := []struct {
		name       string
		env        slackfake.Envelope
		channel    string
		wantMsg    bot.Message
		wantThread string
		wantVia    string
	}{
		{"mention", slackfake.Mention("Ev1", "C1", "U1", "1700000000.000001", "deadline status"), "C1",
			bot.Message{Platform: "slack", Channel: "C1", Thread: "1700000000.000001", User: "U1", Text: "deadline status"}, "1700000000.000001", "chat.postMessage"},
		{"mention in a thread", threaded, "C2",
			bot.Message{Platform: "slack", Channel: "C2", Thread: "1700000000.000100", User: "U1", Text: "timeline"}, "1700000000.000100", "chat.postMessage"},
		{"dm", slackfake.DM("Ev3", "D1", "U1", "1700000000.000003", "who said what &amp; why"), "D1",
			bot.Message{Platform: "slack", Channel: "D1", User: "U1", Text: "who said what & why"}, "", "chat.postMessage"},
		{"slash command", f.Slash("C3", "U1", "who said what", "trig1"), "C3",
			bot.Message{Platform: "slack", Channel: "C3", User: "U1", Text: "who said what"}, "", "response_url"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ack := sendAndAck(t, f, tt.env)
			t.Logf("ack latency %v", ack.Latency) // measured, not asserted
			if len(ack.Payload) != 0 {
				t.Errorf("ack payload = %s, want none (the answer goes through the Web API)", ack.Payload)
			}
			p := waitPosts(t, f, tt.channel, 1)[0]
			if p.Via != tt.wantVia || p.ThreadTS != tt.wantThread {
				t.Errorf("post via %s in thread %q, want via %s in thread %q", p.Via, p.ThreadTS, tt.wantVia, tt.wantThread)
			}
			if p.Via == "response_url" && p.ResponseType != "in_channel" {
				t.Errorf("response_type = %q, want in_channel", p.ResponseType)
			}
			if !strings.Contains(p.AllText(), escapeForTest(tt.wantMsg.Text)) || p.Text != "echo" {
				t.Errorf("post = %q %q, want fallback echo and the text %q", p.Text, p.BlockTexts(), tt.wantMsg.Text)
			}
			if !slices.ContainsFunc(r.h.messages(), func(m bot.Message) bool { return reflect.DeepEqual(m, tt.wantMsg) }) {
				t.Errorf("handler got %+v, want %+v among them", r.h.messages(), tt.wantMsg)
			}
		})
	}
}

// escapeForTest is how text shows in a post.
func escapeForTest(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

func TestRedeliveredEventsAreAnsweredOnce(t *testing.T) {
	f := newFake(t, 0)
	listen(t, f, nil)
	first := slackfake.Mention("Ev1", "C1", "U1", "1700000000.000001", "first")
	sendAndAck(t, f, first)
	waitPosts(t, f, "C1", 1)
	// Slack sends it again (a late ack), and a DM mention comes as both
	// app_mention and message.im with different event IDs.
	sendAndAck(t, f, slackfake.Redelivery(first))
	sendAndAck(t, f, slackfake.EventsAPI("Ev2", slackfake.Event{Type: "message", ChannelType: "im", User: "U1", Text: "<@UBOT> twice", TS: "1700000000.000002", Channel: "C1"}))
	sendAndAck(t, f, slackfake.EventsAPI("Ev3", slackfake.Event{Type: "app_mention", User: "U1", Text: "<@UBOT> twice", TS: "1700000000.000002", Channel: "C1"}))
	sendAndAck(t, f, slackfake.Mention("Ev4", "C1", "U1", "1700000000.000004", "last"))
	// A channel's answers go out in the order its messages came, so once
	// "last" is answered every earlier answer is in.
	posts := waitPosts(t, f, "C1", 3)
	var got []string
	for _, p := range f.Posts() {
		got = append(got, p.BlockTexts()[1])
	}
	if want := []string{"first", "twice", "last"}; !slices.Equal(got, want) {
		t.Errorf("answers = %q, want %q", got, want)
	}
	if len(posts) != 3 {
		t.Errorf("%d posts, want 3", len(posts))
	}
}

func TestIgnoresBotsAndOtherMessages(t *testing.T) {
	f := newFake(t, 0)
	r := listen(t, f, nil)
	for i, ev := range []slackfake.Event{
		{Type: "message", ChannelType: "im", User: slackfake.BotUserID, Text: "my own answer"},
		{Type: "message", ChannelType: "im", User: "U2", BotID: "B2", Text: "another bot"},
		{Type: "message", ChannelType: "im", Subtype: "message_changed", Text: "an edit"},
		{Type: "message", ChannelType: "channel", User: "U1", Text: "chatter in a channel"},
		{Type: "app_mention", User: "U2", BotID: "B2", Text: "<@UBOT> from a bot"},
		{Type: "reaction_added", User: "U1"},
		{Type: "an_event_slack_go_does_not_know", User: "U1"}, // acked all the same
	} {
		ev.Channel, ev.TS = "D1", "1700000000.00001"+string(rune('0'+i))
		sendAndAck(t, f, slackfake.EventsAPI("EvIgnored"+string(rune('0'+i)), ev))
	}
	sendAndAck(t, f, slackfake.DM("EvLast", "D1", "U1", "1700000000.000099", "hello"))
	waitPosts(t, f, "D1", 1)
	if n := len(f.Posts()); n != 1 {
		t.Errorf("%d posts, want 1 (only the user's DM): %+v", n, f.Posts())
	}
	if msgs := r.h.messages(); len(msgs) != 1 || msgs[0].Text != "hello" {
		t.Errorf("handler got %+v, want only hello", msgs)
	}
}

func TestHandlerFailuresReachTheUserSafely(t *testing.T) {
	f := newFake(t, 0)
	r := listen(t, f, nil)
	tests := []struct{ text, want string }{
		{"panic", "Sorry, something went wrong."},
		{"fail", "Sorry, something went wrong."},
		{"refuse", "That message is too long."},
		{"still alive", "still alive"},
	}
	for i, tt := range tests {
		ch := "C" + string(rune('a'+i))
		sendAndAck(t, f, slackfake.Mention("Ev"+ch, ch, "U1", "1700000000.000001", tt.text))
		p := waitPosts(t, f, ch, 1)[0]
		if !strings.Contains(p.AllText(), tt.want) || strings.Contains(p.AllText(), "/secret/path") {
			t.Errorf("%q answered %q, want %q", tt.text, p.AllText(), tt.want)
		}
	}
	if !strings.Contains(r.logs.String(), "handler exploded") {
		t.Errorf("the panic was not logged:\n%s", r.logs)
	}
}

func TestReconnects(t *testing.T) {
	tests := []struct {
		name    string
		edit    func(*slack.Options)
		disrupt func(*slackfake.Server) error
	}{
		{"disconnect frame", nil, func(f *slackfake.Server) error { return f.Disconnect(t.Context()) }},
		{"quiet socket", func(o *slack.Options) { o.PingTimeout = 300 * time.Millisecond }, (*slackfake.Server).Silence},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFake(t, 20*time.Millisecond)
			listen(t, f, tt.edit)
			if err := f.WaitConnections(waitCtx(t), 1); err != nil {
				t.Fatal(err)
			}
			start := time.Now()
			if err := tt.disrupt(f); err != nil {
				t.Fatal(err)
			}
			if err := f.WaitConnections(waitCtx(t), 2); err != nil {
				t.Fatal(err)
			}
			t.Logf("reconnected in %v", time.Since(start)) // measured, not asserted
			sendAndAck(t, f, slackfake.Mention("Ev1", "C1", "U1", "1700000000.000001", "after"))
			waitPosts(t, f, "C1", 1)
			if f.Opens() != 2 {
				t.Errorf("apps.connections.open called %d times, want 2 (a fresh URL per connection)", f.Opens())
			}
		})
	}
}

func TestSupervisorRetriesOtherFailures(t *testing.T) {
	f := newFake(t, 0)
	f.FailConnectionsOpen(slackfake.Failure{Status: 404}, slackfake.Failure{Status: 503}, slackfake.Failure{Status: 404})
	r := listen(t, f, nil)
	sendAndAck(t, f, slackfake.Mention("Ev1", "C1", "U1", "1700000000.000001", "finally"))
	waitPosts(t, f, "C1", 1)
	if !strings.Contains(r.logs.String(), "socket mode stopped; reconnecting") {
		t.Errorf("no reconnect logged:\n%s", r.logs)
	}
}

func TestRefusedTokensStopListen(t *testing.T) {
	tests := []struct {
		name  string
		setup func(*slackfake.Server)
		edit  func(*slack.Options)
		want  string
	}{
		{"wrong app token", nil, func(o *slack.Options) { o.AppToken = "xapp-not-the-fake-one" },
			"socket mode: Slack refused the app-level token (invalid_auth)"},
		{"revoked", func(f *slackfake.Server) { f.FailConnectionsOpen(slackfake.Failure{Error: "token_revoked"}) }, nil,
			"socket mode: Slack refused the app-level token (token_revoked)"},
		{"inactive", func(f *slackfake.Server) { f.FailConnectionsOpen(slackfake.Failure{Error: "account_inactive"}) }, nil,
			"socket mode: Slack refused the app-level token (account_inactive)"},
		{"not authed", func(f *slackfake.Server) { f.FailConnectionsOpen(slackfake.Failure{Error: "not_authed"}) }, nil,
			"socket mode: Slack refused the app-level token (not_authed)"},
		{"bot token", func(f *slackfake.Server) { f.FailAuthTest(&slackfake.Failure{Error: "invalid_auth"}) }, nil,
			"auth.test: Slack refused the bot token (invalid_auth)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFake(t, 0)
			if tt.setup != nil {
				tt.setup(f)
			}
			logs := &syncBuffer{}
			opts := testOptions(f, logs)
			if tt.edit != nil {
				tt.edit(&opts)
			}
			a, err := slack.New(opts)
			if err != nil {
				t.Fatal(err)
			}
			err = a.Listen(waitCtx(t), &echo{})
			if err == nil || err.Error() != tt.want {
				t.Fatalf("Listen() = %v, want %s", err, tt.want)
			}
			assertNoSecrets(t, err.Error()+logs.String())
		})
	}
}

func TestListenEndsWithItsContext(t *testing.T) {
	f := newFake(t, 0)
	r := listen(t, f, nil)
	if err := f.WaitConnections(waitCtx(t), 1); err != nil {
		t.Fatal(err)
	}
	if err := r.stop(); err != nil {
		t.Errorf("Listen() = %v, want nil", err)
	}
}

func TestAnswersPingNobody(t *testing.T) {
	f := newFake(t, 0)
	listen(t, f, nil)
	// A user's text comes back in the answer (echo), as article text would.
	sendAndAck(t, f, slackfake.DM("Ev1", "D1", "U1", "1700000000.000001", "<!channel> <!here> <!everyone> <@U2> <#C1> <!subteam^S1>"))
	p := waitPosts(t, f, "D1", 1)[0]
	raw := p.AllText() // decoded: in the JSON of the blocks a "<" would hide as \u003c
	for _, ping := range []string{"<!channel>", "<!here>", "<!everyone>", "<@U2>", "<#C1>", "<!subteam"} {
		if strings.Contains(raw, ping) {
			t.Errorf("the answer carries %s unescaped: %s", ping, raw)
		}
	}
	if !strings.Contains(p.AllText(), "&lt;!channel&gt;") {
		t.Errorf("the answer lost the text: %q", p.AllText())
	}
}
