package main

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/config"
	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/example"
	"github.com/briefbot/briefbot/metrics"
)

// newLibrary returns the live corpus of a run: the configured folder
// (else the example corpus built in) and the configured feeds, published
// to b. The load errors of the first publication are printed on stderr,
// one a line, as one-shot commands print them; later ones are logged, each
// once: a file still bad at a reload is not reported again.
func newLibrary(e env, cfg config.Config, b *bot.Bot, m *metrics.Metrics, log *slog.Logger) *corpus.Library {
	opts := corpus.LibraryOptions{Folder: cfg.Corpus, Files: corpusOptions(cfg), Logger: log.With("component", "corpus")}
	if cfg.Corpus == "" {
		arts, lerrs := corpus.LoadFS(context.Background(), example.Corpus(), ".")
		for _, le := range lerrs {
			fmt.Fprintf(e.stderr, "briefbot: skipped %v\n", le)
		}
		opts.Fixed, opts.FixedName = arts, "the example corpus"
	}
	for _, f := range cfg.Feeds {
		opts.Feeds = append(opts.Feeds, corpus.FeedOptions{URL: f.URL, Interval: f.Interval, Timeout: f.Timeout})
	}
	first := true
	reported := map[string]bool{} // the problems of the last publication: a reload repeats none
	opts.Publish = func(ctx context.Context, arts []corpus.Article, lerrs []*corpus.LoadError) error {
		errs := make([]error, len(lerrs))
		now := make(map[string]bool, len(lerrs))
		for i, le := range lerrs {
			errs[i] = le
			now[le.Error()] = true
			switch {
			case reported[le.Error()]:
			case first:
				fmt.Fprintf(e.stderr, "briefbot: skipped %v\n", le)
			default:
				log.Warn("skipped", "err", le)
			}
		}
		first, reported = false, now
		if err := b.SetCorpus(ctx, arts, errs); err != nil {
			return err
		}
		m.Corpus(len(arts), len(errs))
		return nil
	}
	return corpus.NewLibrary(opts)
}
