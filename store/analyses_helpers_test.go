package store

import (
	"context"
	"fmt"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/internal/ancodec"
	"github.com/briefbot/briefbot/summarize"
)

// GetAnalyses is GetEncoded with each row decoded against its article
// (an ancodec.Decoder a SELECT), for tests and benchmarks that want
// analyses. A row that fails
// ancodec.Check or cannot be decoded is a miss, and is reported in the
// error (wrapping ancodec.ErrCorrupt, naming the article) with the others'
// analyses returned.
func (c *AnalysisCache) GetAnalyses(ctx context.Context, keys []bot.AnalysisKey, arts []corpus.Article) ([]*summarize.Analysis, error) {
	if len(keys) != len(arts) {
		return nil, fmt.Errorf("analysis cache: %d keys for %d articles", len(keys), len(arts))
	}
	out := make([]*summarize.Analysis, len(keys))
	var errs, corrupt []error
	rows := make([][]byte, min(len(keys), maxLookup))
	for lo := 0; lo < len(keys); lo += maxLookup {
		hi := min(lo+maxLookup, len(keys))
		batch := rows[:hi-lo]
		clear(batch)
		bad, err := c.fetch(ctx, keys[lo:hi], batch)
		if err != nil {
			errs = append(errs, err)
		}
		for _, b := range bad {
			corrupt = append(corrupt, fmt.Errorf("article %s (%x): %w", arts[lo+b.i].ID, keys[lo+b.i][:6], b.err))
		}
		var dec ancodec.Decoder // names and roles recur across articles
		for j, row := range batch {
			if row == nil {
				continue
			}
			i := lo + j
			an, err := dec.Decode(row, arts[i])
			if err != nil {
				corrupt = append(corrupt, fmt.Errorf("article %s (%x): %w", arts[i].ID, keys[i][:6], err))
				continue
			}
			out[i] = an
		}
	}
	return out, joinErrors(errs, corrupt)
}

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
