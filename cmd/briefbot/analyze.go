package main

import (
	"context"
	"encoding/json"
	"fmt"
	goruntime "runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/briefbot/briefbot/config"
	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/summarize"
)

// runAnalyze prints the analysis of the articles under each PATH as one
// JSON document (../shared/spec/analysis-json.md). Files are read under the
// configured corpus_files limits (BRIEFBOT_MAX_FILE_SIZE,
// BRIEFBOT_FOLLOW_SYMLINKS). It exits 1 when some file could not be read
// or was skipped (each reported on stderr once, on one line, the rest still
// analysed) and 2 on a bad command line or configuration.
func runAnalyze(ctx context.Context, args []string, e env) int {
	fs := newFlagSet("analyze", e.stderr)
	asJSON := fs.Bool("json", false, "print JSON (the only format so far; required)")
	withSentences := fs.Bool("sentences", false, "include each article's sentences")
	paths, err := parseInterspersed(fs, args)
	if err != nil {
		return exitUsage
	}
	if !*asJSON {
		fmt.Fprintln(e.stderr, "briefbot: analyze prints JSON only: add --json")
		return exitUsage
	}
	if len(paths) == 0 {
		fmt.Fprintln(e.stderr, "briefbot: analyze needs at least one PATH (an article file or a folder)")
		return exitUsage
	}
	cfg, ok := loadConfig(e, config.Flags{})
	if !ok {
		return exitUsage
	}
	var arts []corpus.Article
	failed := false
	reported := map[string]bool{} // PATHs that overlap report a file once
	for _, p := range paths {
		a, errs := corpus.LoadWith(ctx, p, corpusOptions(cfg))
		for _, le := range errs {
			failed = true
			if line := le.Error(); !reported[line] {
				reported[line] = true
				fmt.Fprintf(e.stderr, "briefbot: %s\n", oneLine(line))
			}
		}
		arts = append(arts, a...)
	}
	bar := newProgress(e, "analysing articles")
	ans := analyzeAll(ctx, arts, bar.update)
	bar.finish()
	stories := summarize.StoryIDs(summarize.Stories(arts, ans), len(arts))
	doc := exportDoc{Articles: make([]exportArticle, len(arts))}
	for i := range arts {
		doc.Articles[i] = exportOf(arts[i], ans[i], stories[i], *withSentences)
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		fmt.Fprintf(e.stderr, "briefbot: write json: %v\n", err)
		return exitFailure
	}
	if failed {
		return exitFailure
	}
	return exitOK
}

// corpusOptions returns how the configured corpus files are read.
func corpusOptions(cfg config.Config) corpus.Options {
	return corpus.Options{MaxFileBytes: cfg.MaxFileSize, FollowSymlinks: cfg.FollowSymlinks}
}

// oneLine keeps a report on one line: a line break inside it (a file name
// may hold one) is shown as \n.
func oneLine(s string) string {
	return strings.NewReplacer("\r", `\r`, "\n", `\n`).Replace(s)
}

// analyzeAll analyses the articles on every core; the result is in article
// order whatever the scheduling. progress is told how many are done.
func analyzeAll(ctx context.Context, arts []corpus.Article, progress func(done, total int)) []*summarize.Analysis {
	var done atomic.Int64
	out := make([]*summarize.Analysis, len(arts))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(goruntime.GOMAXPROCS(0), max(len(arts), 1)) {
		wg.Go(func() {
			for i := range next {
				out[i] = summarize.Analyze(arts[i])
				progress(int(done.Add(1)), len(arts))
			}
		})
	}
feed:
	for i := range arts {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	for i := range out {
		if out[i] == nil { // cancelled before its turn
			out[i] = &summarize.Analysis{ArticleID: arts[i].ID, Published: arts[i].Published}
		}
	}
	return out
}
