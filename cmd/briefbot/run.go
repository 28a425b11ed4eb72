package main

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/briefbot/briefbot/platforms/console"
)

// runBot runs the bot on the configured platforms until they stop or ctx
// ends; with no chat platform configured it runs the console on stdin and
// stdout, and returns when the input ends.
func runBot(ctx context.Context, args []string, e env) int {
	fs := newFlagSet("run", e.stderr)
	corpusDir := fs.String("corpus", "", "folder (or file) of articles; default $BRIEFBOT_CORPUS, else the built-in example corpus")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(pos) > 0 {
		fmt.Fprintf(e.stderr, "briefbot: unexpected argument %q (to ask one question: briefbot ask %s)\n", pos[0], strings.Join(pos, " "))
		return exitUsage
	}
	cfg, ok := loadConfig(e, *corpusDir)
	if !ok {
		return exitUsage
	}
	log := newLogger(e, cfg, len(cfg.Platforms()) == 0)
	for _, p := range cfg.Platforms() {
		log.Warn("platform configured but not built into this version; using the console", "platform", p)
	}
	arts, errs := loadCorpus(ctx, e, cfg.Corpus)
	b, err := newBot(ctx, e, cfg, log, arts, errs)
	if err != nil {
		fmt.Fprintf(e.stderr, "briefbot: %v\n", err)
		return exitFailure
	}
	prompt := ""
	if e.stdinIsTTY {
		prompt = "> "
		fmt.Fprintf(e.stdout, "briefbot: %d articles loaded. Type help for the commands, Ctrl-D to quit.\n", len(arts))
	}
	c := console.New(e.stdin, e.stdout, prompt, log)
	if err := c.Listen(ctx, b); err != nil && !errors.Is(err, context.Canceled) {
		fmt.Fprintf(e.stderr, "briefbot: %v\n", err)
		return exitFailure
	}
	return exitOK
}
