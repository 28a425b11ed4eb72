package bot

import (
	"strings"
	"testing"
)

// articleRef is Index.article as it was: every article holding all the
// words, their titles read in turn. It is the reference.
func (ix *Index) articleRef(arg string) (int, bool) {
	if arg == "" {
		return 0, false
	}
	norm := normName(arg)
	if i, ok := ix.byID(norm); ok {
		return i, true
	}
	q := queryTerms(arg, false)
	ids, matched := ix.titles.bestSorted(q)
	if len(q) == 0 || matched < len(q) {
		return 0, false
	}
	for _, i := range ids {
		if normIs(ix.arts[i].Title, norm) {
			return int(i), true
		}
	}
	return int(ids[0]), len(ids) == 1
}

// TestArticleByTitle checks Index.article, which reads byTitle and the
// first two articles holding every word, against the reference, for
// whole titles, their words and pairs, repeated titles and misses.
func TestArticleByTitle(t *testing.T) {
	ix := generatedIndex(t, 250)
	args := []string{"", "penguins", "the of", "said said"}
	for a := 0; a < ix.Len(); a += 3 {
		title := ix.arts[a].Title
		ws := strings.Fields(title)
		args = append(args, title, strings.ToUpper(title)+"!", ws[a%len(ws)],
			ws[a%len(ws)]+" "+ws[(a+1)%len(ws)], ws[0]+" penguins", ix.arts[a].ID)
	}
	check := func(what string) {
		t.Helper()
		for _, arg := range args {
			gi, gok := ix.article(arg)
			wi, wok := ix.articleRef(arg)
			if gok != wok || gok && gi != wi {
				t.Errorf("%s: article(%q) = %d, %v, want %d, %v", what, arg, gi, gok, wi, wok)
			}
		}
	}
	check("byTitle as built")
	// Collisions: each title's hash taken by another article's title.
	for key, i := range ix.byTitle {
		ix.byTitle[key] = (i + 1) % int32(ix.Len())
	}
	check("byTitle colliding")
}
