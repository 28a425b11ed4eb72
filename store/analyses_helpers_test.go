package store

import (
	"context"
	"fmt"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/internal/ancodec"
	"github.com/briefbot/briefbot/summarize"
)

// PutAnalyses encodes the analyses and writes them with PutEncoded, for
// tests and benchmarks that have analyses.
func (c *AnalysisCache) PutAnalyses(ctx context.Context, keys []bot.AnalysisKey, arts []corpus.Article, ans []*summarize.Analysis) error {
	if len(keys) != len(arts) || len(keys) != len(ans) {
		return fmt.Errorf("analysis cache: %d keys for %d articles and %d analyses", len(keys), len(arts), len(ans))
	}
	// The rows are cut from one growing buffer: one cut before the buffer
	// grows stays in the old array, which nothing writes to again.
	rows := make([][]byte, len(keys))
	var buf []byte
	for i, an := range ans {
		from := len(buf)
		buf = ancodec.Append(buf, an, arts[i].Body)
		rows[i] = buf[from:len(buf):len(buf)]
	}
	return c.PutEncoded(ctx, keys, rows)
}
