package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/platforms/console"
)

// runBot runs the bot on the configured platforms until they stop or ctx
// ends; with no chat platform configured it runs the console on stdin and
// stdout, and returns when the input ends.
func runBot(ctx context.Context, args []string, e env) int {
	fs := newFlagSet("run", e.stderr)
	corpusDir := corpusFlag(fs)
	configFile := fs.String("config", "", "YAML file of scheduled digests and admins; default $BRIEFBOT_CONFIG")
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
	file, ok := loadFile(e, &cfg, *configFile)
	if !ok {
		return exitUsage
	}
	log := newLogger(e, cfg, len(cfg.Platforms()) == 0)
	arts, errs := loadCorpus(ctx, e, cfg.Corpus)
	b, err := newBot(ctx, e, cfg, log, arts, errs)
	if err != nil {
		fmt.Fprintf(e.stderr, "briefbot: %v\n", err)
		return exitFailure
	}
	if len(cfg.Platforms()) == 0 {
		c := newConsole(e, log)
		stop, code := startBackground(ctx, e, cfg, file, b, map[string]bot.Platform{"console": c}, log)
		if stop == nil {
			return code
		}
		defer stop()
		return runConsole(ctx, e, b, c, len(arts))
	}
	var platforms []namedPlatform
	for _, name := range cfg.Platforms() {
		var p bot.Platform
		switch name {
		case "slack":
			p, err = newSlack(cfg.Slack, log.With("platform", name))
		case "discord":
			p, err = newDiscord(cfg.Discord, b.Commands(), log.With("platform", name))
		}
		if err != nil {
			fmt.Fprintf(e.stderr, "briefbot: %s: %v\n", name, err)
			return exitFailure
		}
		platforms = append(platforms, namedPlatform{name, p})
	}
	ps := map[string]bot.Platform{}
	for _, np := range platforms {
		ps[np.name] = np.p
	}
	stop, code := startBackground(ctx, e, cfg, file, b, ps, log)
	if stop == nil {
		return code
	}
	defer stop()
	log.Info("briefbot running", "articles", len(arts), "platforms", cfg.Platforms())
	if err := listenAll(ctx, b, platforms, log); err != nil {
		fmt.Fprintf(e.stderr, "briefbot: %v\n", err)
		return exitFailure
	}
	return exitOK
}

// newConsole returns the terminal platform on stdin and stdout, prompting
// when stdin is a terminal.
func newConsole(e env, log *slog.Logger) *console.Adapter {
	prompt := ""
	if e.stdinIsTTY {
		prompt = "> "
	}
	return console.New(e.stdin, e.stdout, prompt, log)
}

// runConsole runs the terminal platform c until the input ends or ctx is
// done.
func runConsole(ctx context.Context, e env, b *bot.Bot, c *console.Adapter, articles int) int {
	if e.stdinIsTTY {
		fmt.Fprintf(e.stdout, "briefbot: %d articles loaded. Type help for the commands, Ctrl-D to quit.\n", articles)
	}
	if err := c.Listen(ctx, b); err != nil && !errors.Is(err, context.Canceled) {
		fmt.Fprintf(e.stderr, "briefbot: %v\n", err)
		return exitFailure
	}
	return exitOK
}

type namedPlatform struct {
	name string
	p    bot.Platform
}

// listenAll runs every platform's Listen until ctx ends or one fails for
// good; then it stops the others and waits for them. It returns the first
// failure, or nil when ctx ended.
func listenAll(ctx context.Context, h bot.Handler, ps []namedPlatform, log *slog.Logger) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	errc := make(chan error, len(ps))
	var wg sync.WaitGroup
	for _, np := range ps {
		wg.Go(func() {
			err := np.p.Listen(ctx, h)
			if err != nil && ctx.Err() == nil {
				errc <- fmt.Errorf("%s: %w", np.name, err)
				cancel()
				return
			}
			log.Info("platform stopped", "platform", np.name)
		})
	}
	wg.Wait()
	close(errc)
	return <-errc // nil when closed empty
}
