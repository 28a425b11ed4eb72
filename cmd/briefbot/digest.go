package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/briefbot/briefbot/platforms/console"
)

// runDigest prints a preview digest: the articles published since a
// duration ago or a date, grouped by story, as a scheduled digest shows
// them. It writes no state.
func runDigest(ctx context.Context, args []string, e env) int {
	fs := newFlagSet("digest", e.stderr)
	corpusDir := corpusFlag(fs)
	sinceFlag := fs.String("since", "24h", "the articles published since: a duration back from now (36h, 7d) or a date (2025-08-01, or RFC 3339)")
	topic := fs.String("topic", "", "only the articles on this topic")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(pos) > 0 {
		fmt.Fprintf(e.stderr, "briefbot: digest takes no argument, got %q\n", pos[0])
		return exitUsage
	}
	now := e.now()
	since, err := parseSince(*sinceFlag, now)
	if err != nil {
		fmt.Fprintf(e.stderr, "briefbot: --since: %v\n", err)
		return exitUsage
	}
	b, code := oneShotBot(ctx, e, *corpusDir)
	if b == nil {
		return code
	}
	fmt.Fprint(e.stdout, console.Render(b.DigestSince(since, now, strings.TrimSpace(*topic))))
	return exitOK
}

// parseSince reads --since: a duration back from now ("36h", "7d") or a
// date ("2025-08-01", "2025-08-01T08:00:00Z").
func parseSince(s string, now time.Time) (time.Time, error) {
	s = strings.TrimSpace(s)
	if days, ok := strings.CutSuffix(s, "d"); ok {
		if n, err := strconv.Atoi(days); err == nil && n >= 0 {
			return now.AddDate(0, 0, -n), nil
		}
	}
	if d, err := time.ParseDuration(s); err == nil {
		if d < 0 {
			return time.Time{}, fmt.Errorf("%q must not be negative", s)
		}
		return now.Add(-d), nil
	}
	for _, layout := range []string{time.DateOnly, time.RFC3339} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is neither a duration (24h, 7d) nor a date (2025-08-01)", s)
}
