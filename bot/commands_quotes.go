package bot

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/briefbot/briefbot/summarize"
)

// maxSuggestions bounds the names a "what did NAME say" that matched no
// one suggests. The answers themselves are never cut: the router pages
// long replies.
const maxSuggestions = 5

// whoSaidWhat answers "who said what [about TOPIC]": every speaker, most
// quoted first, each headed with the role the articles give, with all
// their statements, newest article first.
func whoSaidWhat(_ *Bot, ix *Index, req request, _ time.Time) Reply {
	title, what := "Who said what", "quotes"
	type group struct {
		s      int
		quotes []int
	}
	var groups []group
	total := 0
	if req.arg == "" {
		for s, sp := range ix.speakers {
			groups = append(groups, group{s: s, quotes: sp.quotes()})
			total += int(sp.n)
		}
	} else {
		title += " about " + quoted(req.arg)
		what += " about " + quoted(req.arg)
		// The matching quotes, grouped by speaker: a speaker's quotes are
		// filed in ascending ID order, so the groups keep that order.
		ids, _ := ix.quoteTerms.best(queryTerms(req.arg, false))
		at := map[int]int{}
		for _, q := range ids {
			s := int(ix.speakerOf(q))
			g, ok := at[s]
			if !ok {
				g = len(groups)
				at[s] = g
				groups = append(groups, group{s: s})
			}
			groups[g].quotes = append(groups[g].quotes, int(q))
		}
		total = len(ids)
		slices.SortFunc(groups, func(a, b group) int { return a.s - b.s })
	}
	if total == 0 {
		return ix.none(title, what)
	}
	slices.SortStableFunc(groups, func(a, b group) int { return len(b.quotes) - len(a.quotes) })
	c := newCiter(ix)
	r := Reply{Title: title, Text: fmt.Sprintf("%s by %s in %s.", plural(total, "statement"), plural(len(groups), "speaker"), ix.loaded())}
	for _, g := range groups {
		sec := Section{Heading: speakerHeading(ix.speakers[g.s])}
		for _, q := range g.quotes {
			sec.Items = append(sec.Items, c.item(ix.quoteArt(q), quoteText(ix.quote(q))))
		}
		r.Sections = append(r.Sections, sec)
	}
	r.Sources = c.srcs
	return r
}

// whatDid answers "what did NAME say [about TOPIC]": the statements of the
// speakers NAME names by full name, surname or alias, else of those within
// a typo of it; else it says nobody is named so and suggests names.
func whatDid(_ *Bot, ix *Index, req request, _ time.Time) Reply {
	ids := lookupName(ix.speakerKeys, req.arg)
	var note string
	if len(ids) == 0 {
		if ids = lookupTypo(ix.speakerKeys, req.arg); len(ids) > 0 {
			note = fmt.Sprintf("Nobody is named exactly %s; showing the closest match. ", quoted(req.arg))
		}
	}
	if len(ids) == 0 {
		return ix.nobody(req.arg)
	}
	title := "What " + quoted(req.arg) + " said"
	if len(ids) == 1 {
		title = "What " + ix.speakers[ids[0]].name + " said"
	}
	var count map[int32]int
	if q := queryTerms(req.about, false); len(q) > 0 {
		title += " about " + quoted(req.about)
		count = ix.quoteTerms.counts(q)
	}
	c := newCiter(ix)
	r := Reply{Title: title}
	total := 0
	for _, s := range ids {
		sp := ix.speakers[s]
		quotes := sp.quotes()
		if count != nil {
			sub := map[int32]int{}
			for _, q := range quotes {
				if n := count[int32(q)]; n > 0 {
					sub[int32(q)] = n
				}
			}
			// Ascending, which is the speaker's order: its quotes are
			// numbered in that order.
			best, _ := bestOf(sub)
			quotes = ints(best)
		}
		sec := Section{Heading: speakerHeading(sp)}
		for _, q := range quotes {
			total++
			sec.Items = append(sec.Items, c.item(ix.quoteArt(q), quoteText(ix.quote(q))))
		}
		if len(sec.Items) > 0 {
			r.Sections = append(r.Sections, sec)
		}
	}
	if total == 0 {
		r.Text = note + fmt.Sprintf("Nothing said about %s by %s was found in %s.", quoted(req.about), quoted(req.arg), ix.loaded())
	} else {
		r.Text = note + fmt.Sprintf("%s in %s.", plural(total, "statement"), ix.loaded())
	}
	r.Sources = c.srcs
	return r
}

// nobody answers a what did NAME say that matched no speaker, suggesting
// the speakers whose name or a word of it is near NAME ("Ursula" → Ursula
// von der Leyen), else the most quoted ones.
func (ix *Index) nobody(name string) Reply {
	r := Reply{Title: "Nobody named " + quoted(name)}
	known, isKnown := ix.names.knows(name)
	if isKnown {
		r.Title = "No statements by " + known
		r.Text = fmt.Sprintf("%s is mentioned, but no statements by %s were found in %s.", known, known, ix.loaded())
	} else {
		r.Text = fmt.Sprintf("Nobody named %s found in %s.", quoted(name), ix.loaded())
	}
	if len(ix.speakers) == 0 {
		r.Text += " No one is quoted in them."
		return r
	}
	q := normName(name)
	dist := make([]int, len(ix.speakers))
	order := make([]int, len(ix.speakers))
	for s, sp := range ix.speakers {
		order[s], dist[s] = s, editDistance(q, normName(sp.name))
		for _, w := range strings.Fields(normName(sp.name)) {
			dist[s] = min(dist[s], editDistance(q, w))
		}
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return cmp.Or(dist[a]-dist[b], int(ix.speakers[b].n-ix.speakers[a].n))
	})
	heading, near := "Did you mean", typoLimit(q)+1
	if isKnown || dist[order[0]] > near {
		heading = "People quoted"
		slices.SortStableFunc(order, func(a, b int) int { return int(ix.speakers[b].n - ix.speakers[a].n) })
	} else {
		order = slices.DeleteFunc(order, func(s int) bool { return dist[s] > near })
	}
	sec := Section{Heading: heading}
	for _, s := range order[:min(len(order), maxSuggestions)] {
		sp := ix.speakers[s]
		sec.Items = append(sec.Items, Item{Text: fmt.Sprintf("`what did %s say` (%s)", sp.name, plural(int(sp.n), "statement")), Source: -1})
	}
	r.Sections = []Section{sec}
	return r
}

// speakerHeading names a speaker, with the description the articles give.
func speakerHeading(sp speaker) string {
	if sp.desc != "" {
		return sp.name + ", " + sp.desc
	}
	return sp.name
}

// quoteText renders a statement: direct words in quotation marks, a
// reported clause as is, marked as reported.
func quoteText(q *summarize.Quote) string {
	text := strings.Trim(strings.TrimSpace(q.Text), "\"“”")
	if q.Kind == summarize.Reported {
		return text + " (reported)"
	}
	return "“" + text + "”"
}
