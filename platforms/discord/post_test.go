package discord_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/platforms/discord"
	"github.com/briefbot/briefbot/platforms/discord/discordtest"
)

func TestNewRejects(t *testing.T) {
	tests := []struct {
		name string
		opts discord.Options
		want string
	}{
		{"no token", discord.Options{}, "token is empty"},
		{"token with a space", discord.Options{Token: "abc def"}, "malformed"},
		{"not a URL", discord.Options{Token: "t", APIURL: "ftp://x/"}, "not an http(s) URL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := discord.New(tt.opts); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("New(%+v) = %v, want an error with %q", tt.opts, err, tt.want)
			}
		})
	}
}

func TestPost(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		reply    bot.Reply
		wantPath string
	}{
		{"channel", bot.Reply{Channel: "30", Title: "Digest", Text: "nothing new"}, "channels/30/messages"},
		{"thread first", bot.Reply{Channel: "30", Thread: "31", Text: "in the thread"}, "channels/31/messages"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := prepareRig(t, discord.Options{}, discordtest.Options{})
			id, err := r.a.Post(r.ctx, tt.reply)
			if err != nil || id == "" {
				t.Fatalf("Post() = %q, %v, want an ID", id, err)
			}
			e := r.wait(discordtest.REST("POST", "*"))
			if e.Path != tt.wantPath || e.Status != 200 {
				t.Errorf("Post sent %v, want POST %s → 200", e, tt.wantPath)
			}
			if e.Header.Get("Authorization") != "Bot "+secret {
				t.Errorf("Authorization header = %q, want the bot token", e.Header.Get("Authorization"))
			}
			mustNotPing(t, e)
		})
	}
}

func TestPostWaitsOutARateLimitAndSendsOnce(t *testing.T) {
	r := prepareRig(t, discord.Options{}, discordtest.Options{})
	const retryAfter = 50 * time.Millisecond
	r.srv.Fail(discordtest.Fault{Method: "POST", Path: "channels/30/messages", Status: 429, RetryAfter: retryAfter})
	start := time.Now()
	if _, err := r.a.Post(r.ctx, bot.Reply{Channel: "30", Text: "digest"}); err != nil {
		t.Fatalf("Post() = %v, want success after the rate limit", err)
	}
	limited := r.wait(discordtest.REST("POST", "channels/30/messages"))
	ok := r.wait(discordtest.REST("POST", "channels/30/messages"))
	if limited.Status != 429 || ok.Status != 200 {
		t.Fatalf("requests = %v, %v; want 429 then 200", limited, ok)
	}
	if gap := ok.At.Sub(limited.At); gap < retryAfter {
		t.Errorf("retried %v after the 429, want at least its retry_after %v", gap, retryAfter)
	} else {
		t.Logf("429 then success: retried %v after the 429 (retry_after %v), Post took %v", gap, retryAfter, time.Since(start))
	}
	if n := r.srv.Count(func(e discordtest.Event) bool { return e.Kind == discordtest.KindREST && e.Status == 200 }); n != 1 {
		t.Errorf("%d messages accepted, want exactly 1", n)
	}
}

func TestPostGivesUp(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		fault     discordtest.Fault
		wantRetry bool
		wantAfter time.Duration
		wantTries int
	}{
		{"429 longer than MaxWait", discordtest.Fault{Status: 429, RetryAfter: 2 * time.Minute}, true, 2 * time.Minute, 1},
		{"500 every time", discordtest.Fault{Status: 500, Times: 3}, true, 0, 3},
		{"502 every time", discordtest.Fault{Status: 502, Times: 3}, true, 0, 3},
		{"401 never retried", discordtest.Fault{Status: 401}, false, 0, 1},
		{"403 never retried", discordtest.Fault{Status: 403}, false, 0, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := prepareRig(t, discord.Options{Attempts: 3, MaxWait: time.Minute}, discordtest.Options{})
			tt.fault.Method, tt.fault.Path = "POST", "channels/30/messages"
			r.srv.Fail(tt.fault)
			_, err := r.a.Post(r.ctx, bot.Reply{Channel: "30", Text: "digest"})
			re, isRetry := isRetry(err)
			if err == nil || isRetry != tt.wantRetry {
				t.Fatalf("Post() = %v; want a *bot.RetryError: %v", err, tt.wantRetry)
			}
			if isRetry && tt.wantAfter > 0 && re.After != tt.wantAfter {
				t.Errorf("RetryError.After = %v, want %v", re.After, tt.wantAfter)
			}
			if n := r.srv.Count(discordtest.REST("POST", "channels/30/messages")); n != tt.wantTries {
				t.Errorf("%d requests, want %d", n, tt.wantTries)
			}
			if strings.Contains(err.Error(), secret) {
				t.Errorf("the error shows the token: %v", err)
			}
		})
	}
}

func TestPostSendsPlainTextWhenAnEmbedIsRefused(t *testing.T) {
	r := prepareRig(t, discord.Options{}, discordtest.Options{})
	r.srv.Fail(discordtest.Fault{Method: "POST", Path: "channels/30/messages", Status: 400})
	if _, err := r.a.Post(r.ctx, bot.Reply{Channel: "30", Title: "Digest", Text: "three *new* articles"}); err != nil {
		t.Fatalf("Post() = %v", err)
	}
	r.wait(discordtest.REST("POST", "channels/30/messages"))
	got := sent(t, r.wait(discordtest.REST("POST", "channels/30/messages")))
	if len(got.Embeds) != 0 || got.Content != "**Digest**\n\nthree \\*new\\* articles" {
		t.Errorf("fallback = %+v, want the reply as plain content", got)
	}
}

func TestPostWithoutChannelFails(t *testing.T) {
	a, err := discord.New(discord.Options{Token: secret})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.Post(t.Context(), bot.Reply{Text: "x"}); err == nil {
		t.Error("Post() without a channel = nil, want an error")
	}
}

// TestAPIURLKeepsItsPath checks DISCORD_API_URL is a base, path included:
// a REST proxy under a prefix gets every request under it.
func TestAPIURLKeepsItsPath(t *testing.T) {
	paths := make(chan string, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		paths <- r.URL.Path
		w.Header().Set("Content-Type", "application/json")
		if _, err := w.Write([]byte(`{"id":"1"}`)); err != nil {
			t.Error(err)
		}
	}))
	defer srv.Close()
	a, err := discord.New(discord.Options{Token: secret, APIURL: srv.URL + "/proxy/discord/api/v10"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.Post(t.Context(), bot.Reply{Channel: "30", Text: "x"}); err != nil {
		t.Fatal(err)
	}
	if got := <-paths; got != "/proxy/discord/api/v10/channels/30/messages" {
		t.Errorf("request path = %q, want it under the configured base", got)
	}
}
