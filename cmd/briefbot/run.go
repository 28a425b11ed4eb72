package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/metrics"
	"github.com/briefbot/briefbot/platforms/console"
)

// runBot runs the bot on the configured platforms until they stop or ctx
// ends; with no chat platform configured it runs the console on stdin and
// stdout, and returns when the input ends. When ctx ends (SIGINT, SIGTERM)
// it finishes the answers in flight first (see shutdown).
func runBot(ctx context.Context, args []string, e env) int {
	fs := newFlagSet("run", e.stderr)
	fl := configFlags(fs)
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(pos) > 0 {
		fmt.Fprintf(e.stderr, "briefbot: unexpected argument %q (to ask one question: briefbot ask %s)\n", pos[0], strings.Join(pos, " "))
		return exitUsage
	}
	cfg, ok := loadConfig(e, *fl)
	if !ok {
		return exitUsage
	}
	log := newLogger(e, cfg, len(cfg.Platforms()) == 0)
	m := metrics.New(nil, cfg.Platforms()...)
	bar := newLoadProgress(e)
	opts, closeCache := withAnalysisCache(ctx, withAccess(bot.Options{Now: e.now, Logger: log, CacheTTL: cfg.CacheTTL, Cache: m, Progress: bar.update}, cfg), cfg, log)
	defer closeCache()
	b := bot.New(opts)
	defer b.CloseSnapshots() // before closeCache: a snapshot write under way finishes
	lib := newLibrary(e, cfg, b, m, log)
	gcDone := loadingGC()
	_, err = lib.Load(ctx)
	gcDone()
	if err != nil {
		bar.finish()
		fmt.Fprintf(e.stderr, "briefbot: %v\n", err)
		return exitFailure
	}
	bar.finish() // later loads change a few files: no bar
	b.SetLibrary(lib)
	h := bot.Instrument(b, bot.InstrumentOptions{Observer: m, Command: b.CommandName, Logger: log})
	rt := &runtime{e: e, cfg: cfg, b: b, h: h, lib: lib, m: m, log: log}
	if len(cfg.Platforms()) == 0 {
		c := newConsole(e, log)
		rt.platforms = []namedPlatform{{"console", c}}
		rt.listen = func(ctx context.Context) int { return runConsole(ctx, e, h, c, b.Articles()) }
	} else {
		for _, name := range cfg.Platforms() {
			var p bot.Platform
			switch name {
			case "slack":
				p, err = newSlack(cfg.Slack, cfg.Admins.SlackGroups, m.Platform(name), log.With("platform", name))
			case "discord":
				p, err = newDiscord(cfg.Discord, b.Commands(), m.Platform(name), log.With("platform", name))
			}
			if err != nil {
				fmt.Fprintf(e.stderr, "briefbot: %s: %v\n", name, err)
				return exitFailure
			}
			rt.platforms = append(rt.platforms, namedPlatform{name, p})
		}
		rt.listen = func(ctx context.Context) int {
			log.Info("briefbot running", "articles", b.Articles(), "platforms", cfg.Platforms())
			if err := listenAll(ctx, h, rt.platforms, log); err != nil {
				fmt.Fprintf(e.stderr, "briefbot: %v\n", err)
				return exitFailure
			}
			return exitOK
		}
	}
	return rt.run(ctx)
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
func runConsole(ctx context.Context, e env, h bot.Handler, c *console.Adapter, articles int) int {
	if e.stdinIsTTY {
		fmt.Fprintf(e.stdout, "briefbot: %d articles loaded. Type help for the commands, Ctrl-D to quit.\n", articles)
	}
	if err := c.Listen(ctx, h); err != nil && !errors.Is(err, context.Canceled) {
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

// ready reports whether the bot can answer: the corpus is loaded and every
// platform that can say so (bot.Readier) is connected; the error says what
// is missing.
func (rt *runtime) ready() error {
	if rt.draining.Load() {
		return errors.New("shutting down")
	}
	if !rt.lib.Loaded() {
		return errors.New("corpus not loaded")
	}
	var missing []string
	for _, np := range rt.platforms {
		if r, ok := np.p.(bot.Readier); ok && !r.Ready() {
			missing = append(missing, np.name)
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("not connected: %s", strings.Join(missing, ", "))
	}
	return nil
}
