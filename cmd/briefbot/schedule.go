package main

import (
	"context"
	"fmt"
	"log/slog"
	"sync"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/config"
	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/metrics"
	"github.com/briefbot/briefbot/store"
)

// digestsOf copies the configured digests into the bot's type.
func digestsOf(ds []config.Digest) []bot.Digest {
	out := make([]bot.Digest, len(ds))
	for i, d := range ds {
		out[i] = bot.Digest{
			Name: d.Name, Schedule: d.Schedule, Location: d.Location, Platform: d.Platform, Channel: d.Channel, Topic: d.Topic,
			Window: d.Window, CatchUp: bot.CatchUp(d.CatchUp), MaxLateness: d.MaxLateness, Empty: bot.Empty(d.Empty),
		}
	}
	return out
}

// startBackground starts what runs beside the platforms until ctx ends:
// the digest scheduler on the state folder (when there is one) and the
// live corpus (the folder's watch and the feeds' polls). stop waits for
// them (ctx must end first) and closes the state; sched is the scheduler,
// nil without a state folder. On failure it prints the problem and returns
// a nil stop and the exit status.
func startBackground(ctx context.Context, e env, cfg config.Config, b *bot.Bot, ps map[string]bot.Platform, lib *corpus.Library, m *metrics.Metrics, log *slog.Logger) (stop func(), sched *bot.Scheduler, code int) {
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
	fail := func(code int, format string, args ...any) (func(), *bot.Scheduler, int) {
		fmt.Fprintf(e.stderr, "briefbot: "+format+"\n", args...)
		stop()
		return nil, nil, code
	}
	if cfg.State != "" {
		var err error
		if st, err = store.Open(ctx, cfg.State); err != nil {
			return fail(exitFailure, "%v", err)
		}
		s, err := bot.NewScheduler(b, schedulerOptions(bot.SchedulerOptions{
			Ledger: st, Subscriptions: st, Platforms: ps, Digests: digestsOf(cfg.Digests), Admins: cfg.Admins.Users,
			Logger: log.With("component", "scheduler"),
		}, m))
		if err != nil {
			return fail(exitUsage, "configuration: %s: %v", cfg.File, err)
		}
		b.SetScheduler(s)
		b.SetAuditLog(st)
		sched = s
		wg.Go(func() {
			if err := s.Run(ctx); err != nil {
				log.Error("scheduler stopped", "err", err)
			}
		})
		log.Info("digests scheduled", "state", st.Path(), "configured", len(cfg.Digests))
	}
	wg.Go(func() {
		if err := lib.Run(ctx); err != nil {
			log.Debug("corpus watch ended with an error (logged when it happened)", "err", err)
		}
	})
	return stop, sched, exitOK
}

// schedulerOptions adds the metrics' slot observer to opts.
func schedulerOptions(opts bot.SchedulerOptions, m *metrics.Metrics) bot.SchedulerOptions {
	opts.Observer = m
	return opts
}
