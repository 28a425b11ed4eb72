package main

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/bot"
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

func TestRunWithAnUnbuiltPlatformFails(t *testing.T) {
	code, _, errOut := runCmd(t, "", map[string]string{"DISCORD_BOT_TOKEN": "secret-token-value"})
	if code != exitFailure || errOut == "" {
		t.Errorf("exit = %d, stderr %q", code, errOut)
	}
	if strings.Contains(errOut, "secret-token-value") {
		t.Errorf("stderr shows the token: %q", errOut)
	}
}
