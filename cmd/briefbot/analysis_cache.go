package main

import (
	"context"
	"log/slog"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/config"
	"github.com/briefbot/briefbot/store"
	"github.com/briefbot/briefbot/summarize"
)

// withAnalysisCache gives opts the analysis cache in the state folder
// (cfg.State) when there is one, so a restart reads the analyses of
// unchanged articles instead of computing them again. It has its own
// connection to the state database, opened before the corpus loads (the
// scheduler's opens later). closeCache closes it, after the last
// SetCorpus.
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
	opts.Analyses = c
	return opts, func() {
		if err := st.Close(); err != nil {
			log.Error("close analysis cache", "err", err)
		}
	}
}
