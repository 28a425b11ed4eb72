package summarize

// cacheFinder finds the articles a StoryCache holds by their analyses:
// at the place an article has in the corpus, when it had the same place
// in the cache's, else through a map built the first time one has moved.
// The zero value with c set is ready; c may be nil (it holds nothing).
type cacheFinder struct {
	c  *StoryCache
	at map[*Analysis]int32 // an analysis's place in c's corpus, the first when several; nil until needed
}

// find returns the place in c's corpus of the article an analyses,
// trying place i first (-1: no guess), or -1 when c does not hold it.
func (f *cacheFinder) find(i int, an *Analysis) int {
	c := f.c
	if c == nil {
		return -1
	}
	if i >= 0 && i < len(c.arts) && c.arts[i].an == an {
		return i
	}
	if f.at == nil {
		f.at = make(map[*Analysis]int32, len(c.arts))
		for k := len(c.arts) - 1; k >= 0; k-- {
			f.at[c.arts[k].an] = int32(k)
		}
	}
	if k, ok := f.at[an]; ok {
		return int(k)
	}
	return -1
}
