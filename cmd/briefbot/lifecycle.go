package main

import (
	"context"
	"log/slog"
	"sync/atomic"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/config"
	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/metrics"
)

// Shutdown bounds.
const (
	// drainTimeout bounds how long a signalled shutdown waits for the
	// answers in flight.
	drainTimeout = 10 * time.Second
	// postGrace is how long an answer handed back just before the drain
	// ended gets for its post: the platform posts it after Handle returns.
	postGrace = 2 * time.Second
	// httpShutdownTimeout bounds the health endpoint's graceful stop.
	httpShutdownTimeout = 5 * time.Second
)

// runtime is one run of the bot: what runBot built, run by run.
type runtime struct {
	e         env
	cfg       config.Config
	b         *bot.Bot
	h         *bot.Instrumented
	lib       *corpus.Library
	m         *metrics.Metrics
	log       *slog.Logger
	platforms []namedPlatform
	listen    func(ctx context.Context) int // runs the platforms until ctx ends; the exit status
	sched     *bot.Scheduler                // nil without a state folder
	draining  atomic.Bool
}

// run starts the health endpoint, the scheduler and the live corpus, runs
// the platforms, and shuts down in order when ctx ends or the platforms
// stop: new messages are refused and those in flight answered (at most
// drainTimeout, and postGrace for the last post), then the platforms, the
// scheduler and the corpus stop, the state closes, and the endpoint stops
// last. It returns the exit status.
func (rt *runtime) run(ctx context.Context) int {
	// Everything but the signal runs on work, which ends after the drain.
	work, stopWork := context.WithCancel(context.WithoutCancel(ctx))
	defer stopWork()
	srv, code := startHTTP(rt)
	if code != exitOK {
		return code
	}
	defer srv.stop()
	ps := map[string]bot.Platform{}
	for _, np := range rt.platforms {
		ps[np.name] = np.p
	}
	stopBackground, sched, code := startBackground(work, rt.e, rt.cfg, rt.b, ps, rt.lib, rt.m, rt.log)
	if stopBackground == nil {
		return code
	}
	rt.sched = sched
	defer stopBackground()
	done := make(chan int, 1)
	go func() { done <- rt.listen(work) }()
	select {
	case code = <-done:
	case <-ctx.Done():
		rt.shutdown()
		stopWork()
		code = <-done
	}
	return code
}

// shutdown stops the scheduler between slots and refuses new messages,
// and waits for the slot and the answers in flight, up to drainTimeout in
// all; then, if an answer was handed back moments ago, it gives its post
// up to postGrace.
func (rt *runtime) shutdown() {
	rt.draining.Store(true)
	rt.log.Info("shutting down: finishing the answers and the digest in flight", "limit", drainTimeout)
	ctx, cancel := context.WithTimeout(context.Background(), drainTimeout)
	defer cancel()
	quiesced := make(chan error, 1)
	go func() {
		if rt.sched == nil {
			quiesced <- nil
			return
		}
		quiesced <- rt.sched.Quiesce(ctx)
	}()
	defer func() {
		if err := <-quiesced; err != nil {
			rt.log.Warn("shutting down with a digest slot in flight: it is released for the next run", "err", err)
		}
	}()
	if err := rt.h.Drain(ctx); err != nil {
		rt.log.Warn("shutting down with answers still in flight", "err", err)
		return
	}
	if last := rt.h.LastAnswer(); !last.IsZero() {
		if wait := time.Until(last.Add(postGrace)); wait > 0 {
			t := time.NewTimer(wait)
			defer t.Stop()
			select {
			case <-t.C:
			case <-ctx.Done():
			}
		}
	}
	rt.log.Info("answers in flight finished")
}
