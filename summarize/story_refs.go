package summarize

import "time"

// StoryRefs is a Story without pointers into the analyses: its quotes,
// deadlines and events are references to their records (article, place in
// the article's list) rather than the records themselves, so keeping a
// StoryRefs keeps no analysis alive, and an analysis decoded again for a
// command gives the story back (see Story). Its other fields are the
// Story's, shared with it: treat them as read-only. Summary and People
// hold strings taken from the analyses (sentence texts, names), the
// strings alone, not the records they were in (Analyze makes them slices
// of the article's body). A StoryRefs costs 8 bytes a quote, deadline and
// event where a Story costs 16.
type StoryRefs struct {
	ID          string
	Title       string
	Articles    []int
	Copies      map[int]int
	First, Last time.Time
	Summary     []StorySentence
	People      []StoryPerson
	Quotes      []RecordRef // ans[Article].Quotes[Index], in the Story's order
	Deadlines   []RecordRef // ans[Article].Deadlines[Index], in the Story's order
	Events      []RecordRef // ans[Article].Events[Index], in the Story's order
}

// RecordRef is a quote, deadline or event of a story: the article (an
// index into the articles the story was made from) and the record's place
// in that article's analysis (in its Quotes, Deadlines or Events).
type RecordRef struct{ Article, Index int32 }

// Refs returns s without pointers into the analyses. s must have been made
// from ans (its records are found by address in ans[Article]'s lists); it
// panics on a record that is not there. The result shares s's Articles,
// Copies, Summary and People.
func (s Story) Refs(ans []*Analysis) StoryRefs {
	r := StoryRefs{
		ID: s.ID, Title: s.Title, Articles: s.Articles, Copies: s.Copies, First: s.First, Last: s.Last,
		Summary: s.Summary, People: s.People,
	}
	last := RecordRef{Article: -1} // the reference made before: a story's records of one article mostly come in order
	r.Quotes = recordRefs(s.Quotes, func(q StoryQuote) RecordRef {
		last = refOf(q.Article, ans[q.Article].Quotes, q.Quote, last)
		return last
	})
	last = RecordRef{Article: -1}
	r.Deadlines = recordRefs(s.Deadlines, func(d StoryDeadline) RecordRef {
		last = refOf(d.Article, ans[d.Article].Deadlines, d.Deadline, last)
		return last
	})
	last = RecordRef{Article: -1}
	r.Events = recordRefs(s.Events, func(e StoryEvent) RecordRef {
		last = refOf(e.Article, ans[e.Article].Events, e.Event, last)
		return last
	})
	return r
}

// Story rehydrates r: the Story it was made from, its quotes, deadlines
// and events pointing into the analyses an returns. an(a) must return the
// analysis of article a the story was made from, or one equal to it (the
// same article analysed again, or decoded again); it is called once for
// each distinct article r has a quote, deadline or event of, and only
// for those. The result shares r's Articles, Copies, Summary and People;
// its Quotes, Deadlines and Events are nil when r's are.
func (r StoryRefs) Story(an func(article int) *Analysis) Story {
	var m analysisMemo
	return r.rehydrate(func(a int32) *Analysis { return m.get(a, an) })
}

// rehydrate is Story with an called for every record (no memo): for
// callers that hold the analyses in a slice.
func (r *StoryRefs) rehydrate(an func(article int32) *Analysis) Story {
	s := Story{
		ID: r.ID, Title: r.Title, Articles: r.Articles, Copies: r.Copies, First: r.First, Last: r.Last,
		Summary: r.Summary, People: r.People,
	}
	s.Quotes = fromRefs(r.Quotes, func(x RecordRef) StoryQuote {
		return StoryQuote{Article: int(x.Article), Quote: &an(x.Article).Quotes[x.Index]}
	})
	s.Deadlines = fromRefs(r.Deadlines, func(x RecordRef) StoryDeadline {
		return StoryDeadline{Article: int(x.Article), Deadline: &an(x.Article).Deadlines[x.Index]}
	})
	s.Events = fromRefs(r.Events, func(x RecordRef) StoryEvent {
		return StoryEvent{Article: int(x.Article), Event: &an(x.Article).Events[x.Index]}
	})
	return s
}

// fits reports whether every record r refers to is within ans (articles
// and places in range): whether r can be rehydrated against ans.
func (r *StoryRefs) fits(ans []*Analysis) bool {
	in := func(refs []RecordRef, n func(*Analysis) int) bool {
		for _, x := range refs {
			if x.Article < 0 || int(x.Article) >= len(ans) || x.Index < 0 || int(x.Index) >= n(ans[x.Article]) {
				return false
			}
		}
		return true
	}
	return in(r.Quotes, func(an *Analysis) int { return len(an.Quotes) }) &&
		in(r.Deadlines, func(an *Analysis) int { return len(an.Deadlines) }) &&
		in(r.Events, func(an *Analysis) int { return len(an.Events) })
}

// recordRefs maps xs to references, nil for nil, at its exact size.
func recordRefs[T any](xs []T, ref func(T) RecordRef) []RecordRef {
	if xs == nil {
		return nil
	}
	out := make([]RecordRef, len(xs))
	for k, x := range xs {
		out[k] = ref(x)
	}
	return out
}

// fromRefs maps references to records, nil for nil, at its exact size.
func fromRefs[T any](refs []RecordRef, rec func(RecordRef) T) []T {
	if refs == nil {
		return nil
	}
	out := make([]T, len(refs))
	for k, x := range refs {
		out[k] = rec(x)
	}
	return out
}

// refOf returns the reference of p, an element of xs, the list of article
// a, looking first just after last (the reference made before). It
// panics when p is not in xs.
func refOf[T any](a int, xs []T, p *T, last RecordRef) RecordRef {
	if k := int(last.Index) + 1; int(last.Article) == a && k < len(xs) && &xs[k] == p {
		return RecordRef{Article: int32(a), Index: int32(k)}
	}
	for k := range xs {
		if &xs[k] == p {
			return RecordRef{Article: int32(a), Index: int32(k)}
		}
	}
	panic("summarize: Story.Refs: a quote, deadline or event of the story is not a record of its article's analysis: the story was not made from these analyses")
}

// analysisMemo remembers the analyses a function returned by article, so
// it is called once per article: in a slice while few, then in a map.
type analysisMemo struct {
	arts []int32
	ans  []*Analysis
	m    map[int32]*Analysis
}

func (m *analysisMemo) get(a int32, an func(int) *Analysis) *Analysis {
	if m.m != nil {
		if x, ok := m.m[a]; ok {
			return x
		}
	} else {
		for k, b := range m.arts {
			if b == a {
				return m.ans[k]
			}
		}
	}
	x := an(int(a))
	if m.m == nil && len(m.arts) < 8 {
		m.arts, m.ans = append(m.arts, a), append(m.ans, x)
		return x
	}
	if m.m == nil {
		m.m = make(map[int32]*Analysis, 16)
		for k, b := range m.arts {
			m.m[b] = m.ans[k]
		}
		m.arts, m.ans = nil, nil
	}
	m.m[a] = x
	return x
}
