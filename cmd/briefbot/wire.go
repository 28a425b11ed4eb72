package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"strings"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/config"
	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/example"
)

// loadConfig reads the configuration: the file (fl.File, else
// BRIEFBOT_CONFIG), the environment and the flags over it (see
// config.Load). Problems are printed one a line; ok is false when any was
// found.
func loadConfig(e env, fl config.Flags) (config.Config, bool) {
	cfg, err := config.Load(fl, e.lookup)
	if err != nil {
		for _, line := range strings.Split(err.Error(), "\n") {
			fmt.Fprintf(e.stderr, "briefbot: configuration: %s\n", line)
		}
		return cfg, false
	}
	return cfg, true
}

// loadCorpus loads the configured corpus (under the configured
// corpus_files limits), or the embedded example corpus when none is
// configured. Each file that could not be loaded is printed on stderr, one
// line each; the rest are returned.
func loadCorpus(ctx context.Context, e env, cfg config.Config) ([]corpus.Article, []error) {
	dir := cfg.Corpus
	var (
		arts []corpus.Article
		lerr []*corpus.LoadError
	)
	if dir == "" {
		arts, lerr = corpus.LoadFS(ctx, example.Corpus(), ".")
	} else {
		arts, lerr = corpus.LoadWith(ctx, dir, corpusOptions(cfg))
	}
	errs := make([]error, 0, len(lerr))
	for _, le := range lerr {
		fmt.Fprintf(e.stderr, "briefbot: skipped %v\n", le)
		errs = append(errs, le)
	}
	return arts, errs
}

// newBot builds the bot on a loaded corpus.
func newBot(ctx context.Context, e env, cfg config.Config, log *slog.Logger, arts []corpus.Article, errs []error) (*bot.Bot, error) {
	opts, closeCache := withAnalysisCache(ctx, bot.Options{Now: e.now, Logger: log, CacheTTL: cfg.CacheTTL}, cfg, log)
	defer closeCache() // a one-shot bot sets its corpus once
	// It reads the index snapshot a server wrote, but does not spend
	// seconds writing one while it answers.
	opts.SnapshotsReadOnly = true
	b := bot.New(opts)
	if err := b.SetCorpus(ctx, arts, errs); err != nil {
		return nil, fmt.Errorf("index corpus: %w", err)
	}
	return b, nil
}

// withAccess copies the configured admins and flood limits into opts.
func withAccess(opts bot.Options, cfg config.Config) bot.Options {
	a, l := cfg.Admins, cfg.Limits
	opts.Admins, opts.AdminGroups, opts.AdminRoles, opts.AdminChannels = a.Users, a.SlackGroups, a.DiscordRoles, a.Channels
	opts.Limits = bot.Limits{UserPerMinute: l.UserPerMinute, UserBurst: l.UserBurst,
		ChannelPerMinute: l.ChannelPerMinute, ChannelBurst: l.ChannelBurst, Expensive: l.OneQueryPerUser}
	return opts
}

// newLogger returns the logger of a run, on stderr, as text or JSON
// (BRIEFBOT_LOG_FORMAT, log.format, --log-format). In the terminal (the
// console and one-shot commands) routine information would interleave with
// answers, so unless a level is given only warnings and errors are logged
// there.
func newLogger(e env, cfg config.Config, terminal bool) *slog.Logger {
	level := cfg.LogLevel
	if terminal && !cfg.LogLevelSet {
		level = slog.LevelWarn
	}
	opts := &slog.HandlerOptions{Level: level}
	if cfg.LogFormat == config.LogJSON {
		return slog.New(slog.NewJSONHandler(e.stderr, opts))
	}
	return slog.New(slog.NewTextHandler(e.stderr, opts))
}

// corpusFlag defines the --corpus flag every subcommand shares.
func corpusFlag(fs *flag.FlagSet) *string {
	return fs.String("corpus", "", "folder (or file) of articles; default $BRIEFBOT_CORPUS, else the built-in example corpus")
}

// configFlags defines the flags of the settings run and check-config
// share: --config, --corpus, --http-addr, --log-level, --log-format.
func configFlags(fs *flag.FlagSet) *config.Flags {
	fl := &config.Flags{}
	fs.StringVar(&fl.File, "config", "", "YAML configuration file; default $BRIEFBOT_CONFIG")
	fs.StringVar(&fl.Corpus, "corpus", "", "folder (or file) of articles; default $BRIEFBOT_CORPUS, else the built-in example corpus")
	fs.StringVar(&fl.HTTPAddr, "http-addr", "", "health and metrics endpoint, host:port or off; default $BRIEFBOT_HTTP_ADDR")
	fs.StringVar(&fl.LogLevel, "log-level", "", "debug, info, warn or error; default $BRIEFBOT_LOG_LEVEL")
	fs.StringVar(&fl.LogFormat, "log-format", "", "text or json; default $BRIEFBOT_LOG_FORMAT")
	return fl
}

// oneShotBot builds the bot of a one-shot command (ask, digest): the
// configuration with corpusDir over it, terminal logging, the corpus. On
// failure it has printed why and returns the exit status to end with.
func oneShotBot(ctx context.Context, e env, corpusDir string) (*bot.Bot, int) {
	cfg, ok := loadConfig(e, config.Flags{Corpus: corpusDir})
	if !ok {
		return nil, exitUsage
	}
	log := newLogger(e, cfg, true)
	gcDone := loadingGC()
	arts, errs := loadCorpus(ctx, e, cfg)
	b, err := newBot(ctx, e, cfg, log, arts, errs)
	gcDone()
	if err != nil {
		fmt.Fprintf(e.stderr, "briefbot: %v\n", err)
		return nil, exitFailure
	}
	return b, exitOK
}
