package main

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/platforms/console"
)

// runAsk answers one question and prints the answer on stdout.
func runAsk(ctx context.Context, args []string, e env) int {
	fs := newFlagSet("ask", e.stderr)
	corpusDir := corpusFlag(fs)
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return exitUsage
	}
	question := strings.TrimSpace(strings.Join(pos, " "))
	if question == "" {
		fmt.Fprintln(e.stderr, `briefbot: ask needs a question, e.g. briefbot ask "deadline status"`)
		return exitUsage
	}
	b, code := oneShotBot(ctx, e, *corpusDir)
	if b == nil {
		return code
	}
	replies, err := b.Handle(ctx, bot.Message{Platform: "cli", Channel: "cli", User: "cli", Text: question})
	if err != nil {
		var be *bot.Error
		if errors.As(err, &be) {
			fmt.Fprintln(e.stderr, "briefbot: "+console.Sanitize(be.Message))
		} else {
			fmt.Fprintf(e.stderr, "briefbot: %v\n", err)
		}
		return exitFailure
	}
	for i, r := range replies {
		if i > 0 {
			fmt.Fprintln(e.stdout)
		}
		fmt.Fprint(e.stdout, console.Render(r))
	}
	return exitOK
}
