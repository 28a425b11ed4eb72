package bot

import (
	"context"
	"fmt"
	"strings"

	"github.com/briefbot/briefbot/corpus"
)

// Library is the live corpus (corpus.Library implements it): the reload
// command reloads it, the sources command says where its articles come
// from.
type Library interface {
	// Load reloads what changed in the corpus folder and polls every feed
	// now; the corpus it publishes reaches the bot (SetCorpus) before Load
	// returns. It returns an error only when ctx ended or publishing
	// failed; what could not be read is in the report.
	Load(ctx context.Context) (corpus.Report, error)
	// Sources returns where the articles come from and how their last
	// load went.
	Sources() []corpus.SourceStatus
}

// liveCorpus boxes a Library for an atomic pointer.
type liveCorpus struct{ Library }

// SetLibrary gives the reload and sources commands the live corpus.
func (b *Bot) SetLibrary(l Library) { b.live.Store(&liveCorpus{l}) }

// Articles returns the number of articles indexed (copies counted once).
func (b *Bot) Articles() int { return b.state.Load().ix.Len() }

// isAdmin reports whether m's author is among admins ("platform:user"
// entries), or at the console (they own the process). The Bot's own check
// is permissions.allows, which also reads groups, roles and channels.
func isAdmin(admins map[string]bool, m Message) bool {
	return m.Platform == "console" || admins[m.Platform+":"+m.User]
}

// reload answers `reload`: the corpus folder reloaded (only what changed)
// and the feeds polled now. Only admins reach it (see Bot.admin).
func reload(ctx context.Context, b *Bot, _ Message, _ request) (Reply, error) {
	r := Reply{Title: "Reload"}
	lc := b.live.Load()
	if lc == nil {
		r.Text = "There is nothing to reload: the corpus is the example built into briefbot."
		return r, nil
	}
	rep, err := lc.Load(ctx)
	if err != nil {
		return Reply{}, err
	}
	var parts []string
	if f := rep.Folder; f.Parsed+f.Unchanged+f.Removed > 0 {
		parts = append(parts, fmt.Sprintf("%s read again, %d unchanged, %d removed", plural(f.Parsed, "file"), f.Unchanged, f.Removed))
	}
	if rep.FeedsPolled > 0 {
		parts = append(parts, fmt.Sprintf("%s polled, %d changed", plural(rep.FeedsPolled, "feed"), rep.FeedsChanged))
	}
	if len(parts) == 0 {
		parts = append(parts, "nothing changed")
	}
	r.Text = fmt.Sprintf("%s. %s in the corpus (copies counted once), %s.", upperFirst(strings.Join(parts, "; ")),
		plural(b.state.Load().ix.Len(), "article"), plural(rep.Errors, "load error"))
	if len(rep.Failed) > 0 {
		sec := Section{Heading: "Could not read"}
		for _, e := range rep.Failed {
			sec.Items = append(sec.Items, Item{Text: e.Error(), Source: -1})
		}
		r.Sections = append(r.Sections, sec)
	}
	return r, nil
}

// sourcesNow answers `sources`: the loaded articles and load errors (see
// sources), after where they come from when the corpus is live. It is
// never cached: a poll changes the sources without changing the index.
func sourcesNow(_ context.Context, b *Bot, _ Message, req request) (Reply, error) {
	r := sources(b, b.state.Load().ix, req, b.now())
	lc := b.live.Load()
	if lc == nil {
		return r, nil
	}
	sec := Section{Heading: "Loaded from"}
	for _, s := range lc.Sources() {
		line := fmt.Sprintf("%s %s — %s", s.Kind, s.Location, plural(s.Articles, "article"))
		if !s.Checked.IsZero() {
			line += ", checked " + s.Checked.UTC().Format("2006-01-02 15:04:05 UTC")
		}
		if s.Err != "" {
			line += " — failed: " + s.Err
		}
		sec.Items = append(sec.Items, Item{Text: line, Source: -1})
	}
	r.Sections = append([]Section{sec}, r.Sections...)
	return r, nil
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// reuseAnalyses returns, for each of arts, the encoded analysis old
// already holds for the same article unchanged (corpus.Article.Equal),
// nil for the others, and the indexes of the others: those still to
// analyse.
func reuseAnalyses(old *Index, arts []corpus.Article) (enc [][]byte, todo []int) {
	byID := make(map[string]int, len(old.arts))
	for i, a := range old.arts {
		byID[a.ID] = i
	}
	enc = make([][]byte, len(arts))
	for i, a := range arts {
		if j, ok := byID[a.ID]; ok && old.arts[j].Equal(a) {
			enc[i] = old.enc.enc[j]
			continue
		}
		todo = append(todo, i)
	}
	return enc, todo
}
