package ancodec

import (
	"github.com/briefbot/briefbot/corpus"
	"github.com/briefbot/briefbot/summarize"
)

// Decoder decodes many analyses in a row, as a cache lookup does, with
// fewer allocations than Decode: the records of its analyses are cut from
// shared chunks of about 16 KB, and it keeps one copy of each literal
// string (names and roles recur across articles) for all of them.
//
// The zero Decoder is ready to use. It is not safe for concurrent use.
// It holds its literals and its chunks' unused ends until it is dropped,
// and a chunk lives as long as any analysis cut from it: use one Decoder
// for one batch of analyses that live and die together.
type Decoder struct {
	intern map[string]string
	lits   []string // reused: the literal table of the analysis being decoded
	sl     slabs
	ans    slab[summarize.Analysis]
}

// Decode is the package's Decode (same contract, same result), with the
// analysis's records and literals shared with the others of d.
func (dc *Decoder) Decode(data []byte, a corpus.Article) (*summarize.Analysis, error) {
	p, err := payload(data)
	if err != nil {
		return nil, err
	}
	if dc.intern == nil {
		dc.intern = map[string]string{}
	}
	d := newReader(p, a.Body)
	d.intern, d.sl, d.lits = dc.intern, dc.sl, dc.lits[:0]
	an := &dc.ans.take(1, false)[0]
	d.analysis(an, a)
	dc.sl, dc.lits = d.sl, d.lits
	if d.err != nil {
		*an = summarize.Analysis{} // keeps nothing of the failed row
		return nil, d.err
	}
	return an, nil
}
