package discord_test

import (
	"strings"
	"testing"

	"github.com/briefbot/briefbot/platforms/discord"
	"github.com/briefbot/briefbot/platforms/discord/discordtest"
)

// askDM dispatches a DM and waits for the answer to be posted.
func (r *rig) askDM(id, text string) discordtest.Event {
	r.t.Helper()
	if err := r.srv.SendMessage(discordtest.Msg{ID: id, ChannelID: "20", AuthorID: "42", Content: text}); err != nil {
		r.t.Fatal(err)
	}
	return r.wait(discordtest.REST("POST", "channels/20/messages"))
}

func TestReconnectResumesTheSession(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		drop func(*discordtest.Server) error
	}{
		{"op 7 reconnect", (*discordtest.Server).Reconnect},
		{"server closed 4000", func(s *discordtest.Server) error { return s.CloseGateway(4000) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newRig(t, discord.Options{}, discordtest.Options{}, nil)
			r.ready()
			r.askDM("2001", "before")
			if err := tt.drop(r.srv); err != nil {
				t.Fatal(err)
			}
			res := r.wait(discordtest.Is(discordtest.KindResume))
			if res.Session != "sess1" || res.Seq < 2 {
				t.Errorf("RESUME session %q seq %d, want sess1 and the last sequence seen (≥ 2)", res.Session, res.Seq)
			}
			r.wait(discordtest.Is(discordtest.KindResumed))
			if got := sent(t, r.askDM("2002", "after")).Text(); !strings.Contains(got, "after") {
				t.Errorf("answer after resuming = %q", got)
			}
			if n := r.srv.Count(discordtest.Is(discordtest.KindIdentify)); n != 1 {
				t.Errorf("identified %d times, want 1: a resume spends none of the identify budget", n)
			}
			if n := r.srv.Count(discordtest.REST("PUT", "applications/*")); n != 1 {
				t.Errorf("registered /brief %d times, want once per start", n)
			}
		})
	}
}

func TestInvalidSessionIdentifiesAgain(t *testing.T) {
	r := newRig(t, discord.Options{}, discordtest.Options{}, nil)
	r.ready()
	if err := r.srv.InvalidSession(); err != nil {
		t.Fatal(err)
	}
	r.wait(discordtest.Is(discordtest.KindReady))
	r.askDM("2001", "still here")
	if n := r.srv.Count(discordtest.REST("PUT", "applications/*")); n != 1 {
		t.Errorf("registered /brief %d times, want once per start", n)
	}
}

func TestSessionTimeoutStartsANewSession(t *testing.T) {
	r := newRig(t, discord.Options{}, discordtest.Options{}, nil)
	r.ready()
	r.srv.RejectSessions(4009) // the resume is refused: session timed out
	if err := r.srv.CloseGateway(4000); err != nil {
		t.Fatal(err)
	}
	// Wait until the fake has refused the resume, not merely received it,
	// before letting sessions through again.
	r.wait(func(e discordtest.Event) bool { return e.Kind == discordtest.KindServerClose && e.Code == 4009 })
	r.srv.RejectSessions(0)
	for {
		if e := r.wait(discordtest.Is(discordtest.KindReady)); e.Session != "sess1" {
			break
		}
	}
	r.askDM("2001", "new session")
	if n := r.srv.Count(discordtest.REST("GET", "gateway/bot")); n < 2 {
		t.Errorf("checked the identify budget %d times, want before each new session (≥ 2)", n)
	}
}

func TestFatalCloseCodesStopListen(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		opts    discord.Options
		reject  int
		wantErr string
	}{
		{"4004 authentication failed", discord.Options{}, 4004, "4004: authentication failed"},
		{"4013 invalid intents", discord.Options{}, 4013, "4013: invalid intents"},
		{"4014 disallowed intents", discord.Options{MessageContent: true}, 0, "4014: disallowed intents"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := prepareRig(t, tt.opts, discordtest.Options{})
			r.srv.RejectSessions(tt.reject)
			r.listen(nil)
			err := r.result()
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("Listen() = %v, want an error with %q", err, tt.wantErr)
			}
			if n := r.srv.Count(discordtest.Is(discordtest.KindIdentify)); n != 1 {
				t.Errorf("identified %d times, want 1: a fatal close code must not be retried", n)
			}
			if strings.Contains(err.Error(), secret) {
				t.Errorf("the error shows the token: %v", err)
			}
		})
	}
}

func TestFatalCloseMidSessionStops(t *testing.T) {
	r := newRig(t, discord.Options{}, discordtest.Options{}, nil)
	r.ready()
	r.srv.RejectSessions(4004) // the token was reset while connected
	if err := r.srv.CloseGateway(4004); err != nil {
		t.Fatal(err)
	}
	if err := r.result(); err == nil || !strings.Contains(err.Error(), "4004") {
		t.Fatalf("Listen() = %v, want the 4004 error", err)
	}
	if n := r.srv.Count(discordtest.Is(discordtest.KindResume)) + r.srv.Count(discordtest.Is(discordtest.KindIdentify)); n != 2 {
		t.Errorf("%d IDENTIFY/RESUME sent, want 2 (the first identify and one resume that failed)", n)
	}
}

func TestRefusedTokenStopsBeforeIdentifying(t *testing.T) {
	r := prepareRig(t, discord.Options{}, discordtest.Options{})
	r.srv.Fail(discordtest.Fault{Method: "GET", Path: "gateway/bot", Status: 401})
	r.listen(nil)
	err := r.result()
	if err == nil || !strings.Contains(err.Error(), "authentication failed") || strings.Contains(err.Error(), secret) {
		t.Fatalf("Listen() = %v, want an authentication error without the token", err)
	}
	if n := r.srv.Count(discordtest.Is(discordtest.KindIdentify)); n != 0 {
		t.Errorf("identified %d times with a refused token, want 0", n)
	}
}

func TestNoSessionStartsLeftWaitsInsteadOfIdentifying(t *testing.T) {
	r := newRig(t, discord.Options{}, discordtest.Options{SessionStarts: -1}, nil)
	r.wait(discordtest.REST("GET", "gateway/bot"))
	r.cancel()
	if err := r.result(); err != nil {
		t.Errorf("Listen() = %v, want nil after cancel", err)
	}
	if n := r.srv.Count(discordtest.Is(discordtest.KindIdentify)); n != 0 {
		t.Errorf("identified %d times with no session starts left, want 0", n)
	}
}

func TestListenReturnsWhileTheGatewayHangs(t *testing.T) {
	r := newRig(t, discord.Options{}, discordtest.Options{Silent: true}, nil)
	r.wait(discordtest.Is(discordtest.KindIdentify)) // Open now waits for a READY that never comes
	r.cancel()
	if err := r.result(); err != nil {
		t.Errorf("Listen() = %v, want nil after cancel", err)
	}
}
