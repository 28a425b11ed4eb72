package main

import (
	"context"
	"log/slog"
	"sync"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/config"
	"github.com/briefbot/briefbot/store"
	"github.com/briefbot/briefbot/summarize"
)

// withAnalysisCache gives opts the analysis cache and the index snapshot
// in the state folder (cfg.State) when there is one, so a restart reads
// the analyses of unchanged articles instead of computing them again,
// and the index of an unchanged corpus instead of building it. It has its
// own connection to the state database, opened before the corpus loads
// (the scheduler's opens later). closeCache closes it, after the last
// SetCorpus; a snapshot write still under way then finishes first, and
// one not yet begun is dropped (the bot's CloseSnapshots drains them).
//
// A cache that cannot be opened is logged and left out: the bot then
// analyses every article, as without a state folder.
func withAnalysisCache(ctx context.Context, opts bot.Options, cfg config.Config, log *slog.Logger) (_ bot.Options, closeCache func()) {
	if cfg.State == "" {
		return opts, func() {}
	}
	st, err := store.Open(ctx, cfg.State)
	if err != nil {
		log.Warn("analysis cache off: every article is analysed", "err", err)
		return opts, func() {}
	}
	c, err := st.Analyses(ctx, summarize.AnalyzerVersion)
	if err != nil {
		log.Warn("analysis cache off: every article is analysed", "err", err)
		st.Close()
		return opts, func() {}
	}
	snaps := &snapshotGate{snaps: st.IndexSnapshots()}
	opts.Analyses, opts.Snapshots = c, snaps
	return opts, func() {
		snaps.close()
		if err := st.Close(); err != nil {
			log.Error("close analysis cache", "err", err)
		}
	}
}

// snapshotGate passes index snapshots to the database until closed, then
// answers bot.ErrSnapshotsClosed, so the bot's background write never
// reaches a closed database.
type snapshotGate struct {
	snaps  bot.IndexSnapshots
	mu     sync.RWMutex // held for reading by every call under way
	closed bool
}

func (g *snapshotGate) GetIndexSnapshot(ctx context.Context, key bot.IndexKey) ([]byte, bool, error) {
	g.mu.RLock()
	defer g.mu.RUnlock()
	if g.closed {
		return nil, false, bot.ErrSnapshotsClosed
	}
	return g.snaps.GetIndexSnapshot(ctx, key)
}

func (g *snapshotGate) PutIndexSnapshot(ctx context.Context, key bot.IndexKey, data []byte) error {
	g.mu.RLock()
	defer g.mu.RUnlock()
	if g.closed {
		return bot.ErrSnapshotsClosed
	}
	return g.snaps.PutIndexSnapshot(ctx, key, data)
}

// close waits for the calls under way and refuses the later ones.
func (g *snapshotGate) close() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.closed = true
}
