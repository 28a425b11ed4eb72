package main

import (
	"context"
	"fmt"
	"log/slog"
	"sync"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/config"
	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/store"
)

// loadFile reads the configuration file the --config flag names, else
// BRIEFBOT_CONFIG, if any. Problems are printed one a line; ok is false
// when any was found.
func loadFile(e env, cfg *config.Config, flag string) (config.File, bool) {
	if flag != "" {
		cfg.File = flag
	}
	if cfg.File == "" {
		return config.File{}, true
	}
	f, err := config.ReadFile(cfg.File, e.lookup)
	if err != nil {
		fmt.Fprintf(e.stderr, "briefbot: configuration: %v\n", err)
		return f, false
	}
	if len(f.Digests) > 0 && cfg.State == "" {
		fmt.Fprintf(e.stderr, "briefbot: configuration: %s: digests need a state folder: set %s\n", cfg.File, config.EnvState)
		return f, false
	}
	return f, true
}

// digestsOf copies the file's digests into the bot's type.
func digestsOf(f config.File) []bot.Digest {
	out := make([]bot.Digest, len(f.Digests))
	for i, d := range f.Digests {
		out[i] = bot.Digest{
			Name: d.Name, Schedule: d.Schedule, Location: d.Location, Platform: d.Platform, Channel: d.Channel, Topic: d.Topic,
			Window: d.Window, CatchUp: bot.CatchUp(d.CatchUp), MaxLateness: d.MaxLateness, Empty: bot.Empty(d.Empty),
		}
	}
	return out
}

// startBackground starts what runs beside the platforms: the digest
// scheduler on the state folder (when there is one) and the corpus watcher
// (when the corpus is a folder or file on disk). stop ends them, waits for
// them and closes the state. On failure it prints the problem and returns a
// nil stop and the exit status.
func startBackground(ctx context.Context, e env, cfg config.Config, file config.File, b *bot.Bot, ps map[string]bot.Platform, log *slog.Logger) (stop func(), code int) {
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	var st *store.Store
	stop = func() {
		cancel()
		wg.Wait()
		if st != nil {
			if err := st.Close(); err != nil {
				log.Error("close state", "err", err)
			}
		}
	}
	fail := func(code int, format string, args ...any) (func(), int) {
		fmt.Fprintf(e.stderr, "briefbot: "+format+"\n", args...)
		stop()
		return nil, code
	}
	if cfg.State != "" {
		var err error
		if st, err = store.Open(ctx, cfg.State); err != nil {
			return fail(exitFailure, "%v", err)
		}
		s, err := bot.NewScheduler(b, bot.SchedulerOptions{
			Ledger: st, Subscriptions: st, Platforms: ps, Digests: digestsOf(file), Admins: file.Admins,
			Logger: log.With("component", "scheduler"),
		})
		if err != nil {
			return fail(exitUsage, "configuration: %s: %v", cfg.File, err)
		}
		b.SetScheduler(s)
		wg.Go(func() {
			if err := s.Run(ctx); err != nil {
				log.Error("scheduler stopped", "err", err)
			}
		})
		log.Info("digests scheduled", "state", st.Path(), "configured", len(file.Digests))
	}
	if cfg.Corpus != "" {
		w, err := corpus.NewWatcher(cfg.Corpus, 0, log.With("component", "watch"))
		if err != nil {
			return fail(exitFailure, "%v", err)
		}
		wg.Go(func() {
			if err := w.Run(ctx, func(ctx context.Context) { reloadCorpus(ctx, cfg.Corpus, b, log) }); err != nil {
				log.Error("corpus watch stopped: the corpus is no longer reloaded", "err", err)
			}
		})
	}
	return stop, exitOK
}

// reloadCorpus loads the corpus again and swaps it in; on failure the bot
// keeps the articles it had.
func reloadCorpus(ctx context.Context, dir string, b *bot.Bot, log *slog.Logger) {
	arts, lerr := corpus.Load(ctx, dir)
	errs := make([]error, 0, len(lerr))
	for _, le := range lerr {
		log.Warn("skipped", "err", le)
		errs = append(errs, le)
	}
	if err := b.SetCorpus(ctx, arts, errs); err != nil {
		log.Error("reload corpus", "err", err)
		return
	}
	log.Info("corpus reloaded", "articles", len(arts), "load_errors", len(errs))
}
