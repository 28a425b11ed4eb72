package summarize

import "github.com/briefbot/briefbot/corpus"

// cacheFinder finds the articles a StoryCache holds by their IDs: at the
// place an article has in the corpus, when it had the same place in the
// cache's, else through a map built the first time one has moved. It
// finds an article's ID, not the article: the caller compares what it
// needs unchanged (see cachedArticle.same). The zero value with c set is
// ready; c may be nil (it holds nothing).
type cacheFinder struct {
	c  *StoryCache
	at map[string]int32 // an ID's place in c's corpus, the first when several; nil until needed
}

// find returns the place in c's corpus of the article with a's ID,
// trying place i first (-1: no guess), or -1 when c holds none.
func (f *cacheFinder) find(i int, a *corpus.Article) int {
	c := f.c
	if c == nil {
		return -1
	}
	if i >= 0 && i < len(c.arts) && c.arts[i].id == a.ID {
		return i
	}
	if f.at == nil {
		f.at = make(map[string]int32, len(c.arts))
		for k := len(c.arts) - 1; k >= 0; k-- {
			f.at[c.arts[k].id] = int32(k)
		}
	}
	if k, ok := f.at[a.ID]; ok {
		return int(k)
	}
	return -1
}
