// Command briefbot-corpusgen writes a synthetic news corpus for
// benchmarks and load tests: front-matter Markdown articles (title,
// source, published, url) of 300 to 1,500 words about recurring stories,
// with named people, quotations, dated events and deadlines, across 25
// outlets and several years. The corpus depends only on the flags: the
// same flags write the same files.
//
// Usage:
//
//	briefbot-corpusgen -n 10000 -seed 1 -out DIR [-start 2021-01-01] [-days 1461] [-story 8]
//
// Flags:
//
//	-n      number of articles (default 1000)
//	-seed   random seed; the same seed gives the same corpus (default 1)
//	-out    folder to write into, created if missing (required); articles
//	        go to DIR/YYYY/MM/NNNNNN-slug.md
//	-start  earliest publication day, YYYY-MM-DD (default 2021-01-01)
//	-days   days over which publication dates spread (default 1461)
//	-story  mean number of articles per story (default 8)
//
// It prints one line: the articles and bytes written. Exit status 2 is a
// usage error, 1 a failure to write.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"time"

	"github.com/briefbot/briefbot/internal/corpusgen"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run parses args, writes the corpus and returns the exit status.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("briefbot-corpusgen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	n := fs.Int("n", 1000, "number of articles")
	seed := fs.Uint64("seed", 1, "random seed; the same seed gives the same corpus")
	out := fs.String("out", "", "folder to write into (required); articles go to DIR/YYYY/MM/NNNNNN-slug.md")
	start := fs.String("start", "2021-01-01", "earliest publication day, YYYY-MM-DD")
	days := fs.Int("days", 1461, "days over which publication dates spread")
	storySize := fs.Int("story", 8, "mean number of articles per story")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: briefbot-corpusgen -n 10000 -seed 1 -out DIR [-start YYYY-MM-DD] [-days N] [-story N]")
		fmt.Fprintln(stderr, "Writes a deterministic synthetic news corpus of front-matter Markdown articles.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 2
	}
	t, err := time.Parse(time.DateOnly, *start)
	switch {
	case err != nil:
		fmt.Fprintf(stderr, "briefbot-corpusgen: -start: %v\n", err)
		return 2
	case *out == "":
		fmt.Fprintln(stderr, "briefbot-corpusgen: -out is required")
		return 2
	case *n < 0 || *days <= 0 || *storySize <= 0:
		fmt.Fprintln(stderr, "briefbot-corpusgen: -n must be at least 0, -days and -story at least 1")
		return 2
	case fs.NArg() > 0:
		fmt.Fprintf(stderr, "briefbot-corpusgen: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	g := corpusgen.New(corpusgen.Config{N: *n, Seed: *seed, Start: t, Days: *days, StorySize: *storySize})
	bytes, err := g.Write(ctx, *out)
	if err != nil {
		fmt.Fprintf(stderr, "briefbot-corpusgen: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %d articles (%d bytes) to %s\n", *n, bytes, *out)
	return 0
}
