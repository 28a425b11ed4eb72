package main

import (
	"cmp"
	"io"
	"sync"

	"github.com/schollz/progressbar/v3"
)

// progressMin is the least number of articles whose analysis shows a
// progress bar: below it the analysis is over before a bar helps.
const progressMin = 100

// loadProgress is a progress bar for analysing the first load of a corpus,
// on stderr when it is a terminal; elsewhere (piped, a service's journal)
// it stays quiet. Its update is safe for concurrent use.
type loadProgress struct {
	mu       sync.Mutex
	min      int       // the least total shown
	what     string    // the bar's description
	w        io.Writer // nil: quiet
	bar      *progressbar.ProgressBar
	finished bool
}

// newLoadProgress returns the progress bar of e's stderr, for the first
// load of a corpus: shown from progressMin articles.
func newLoadProgress(e env) *loadProgress {
	p := &loadProgress{min: progressMin}
	if e.stderrIsTTY {
		p.w = e.stderr
	}
	return p
}

// newProgress returns a progress bar of total steps on e's stderr, shown
// whatever the total (analyze shows it however few the articles).
func newProgress(e env, what string) *loadProgress {
	p := newLoadProgress(e)
	p.min, p.what = 1, what
	return p
}

// update shows done of total articles analysed (bot.Options.Progress).
func (p *loadProgress) update(done, total int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.w == nil || p.finished || total < p.min {
		return
	}
	if p.bar == nil {
		p.bar = progressbar.NewOptions(total,
			progressbar.OptionSetWriter(p.w),
			progressbar.OptionSetDescription(cmp.Or(p.what, "analysing the corpus")),
			progressbar.OptionShowCount(),
			progressbar.OptionSetItsString("articles"),
			progressbar.OptionShowIts(),
			progressbar.OptionThrottle(100_000_000), // 100 ms
			progressbar.OptionClearOnFinish(),
		)
	}
	_ = p.bar.Set(done) // a terminal write error only loses the bar
}

// finish clears the bar; later updates are ignored.
func (p *loadProgress) finish() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.finished = true
	if p.bar != nil {
		_ = p.bar.Finish() // as in update
	}
}
