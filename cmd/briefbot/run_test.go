package main

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/platforms/discord/discordtest"
)

// fakePlatform's Listen returns err at once, or waits for its context when
// err is nil.
type fakePlatform struct{ err error }

func (f fakePlatform) Listen(ctx context.Context, _ bot.Handler) error {
	if f.err != nil {
		return f.err
	}
	<-ctx.Done()
	return ctx.Err()
}

func (fakePlatform) Post(context.Context, bot.Reply) (string, error) { return "", nil }

func TestListenAll(t *testing.T) {
	log := slog.New(slog.DiscardHandler)
	fatal := errors.New("invalid_auth")
	err := listenAll(t.Context(), bot.New(bot.Options{}), []namedPlatform{{"slack", fakePlatform{}}, {"discord", fakePlatform{err: fatal}}}, log)
	if !errors.Is(err, fatal) || err.Error() != "discord: invalid_auth" {
		t.Errorf("listenAll with a failing platform = %v, want discord: invalid_auth (and the other stopped)", err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if err := listenAll(ctx, bot.New(bot.Options{}), []namedPlatform{{"slack", fakePlatform{}}, {"discord", fakePlatform{}}}, log); err != nil {
		t.Errorf("listenAll after its context ended = %v, want nil", err)
	}
}

// TestRunDiscordWithARefusedTokenFails runs the binary's run path against a
// fake Discord (no network) that refuses the token: briefbot stops with a
// clear error, before identifying, and never prints the token.
func TestRunDiscordWithARefusedTokenFails(t *testing.T) {
	srv := discordtest.New(t, discordtest.Options{Token: "the-right-token"})
	code, _, errOut := runCmd(t, "", map[string]string{
		"DISCORD_BOT_TOKEN": "secret-token-value",
		"DISCORD_API_URL":   srv.URL(),
	})
	if code != exitFailure || !strings.Contains(errOut, "discord") || !strings.Contains(errOut, "authentication failed") {
		t.Errorf("exit = %d, stderr %q; want a failure naming discord and the refused token", code, errOut)
	}
	if strings.Contains(errOut, "secret-token-value") {
		t.Errorf("stderr shows the token: %q", errOut)
	}
	if n := srv.Count(discordtest.Is(discordtest.KindIdentify)); n != 0 {
		t.Errorf("identified %d times with a refused token, want 0", n)
	}
}
