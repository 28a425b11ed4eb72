package summarize

import (
	"bytes"
	"cmp"
	"slices"
	"strings"
	"time"
)

// The parts of a merged story other than its articles and summary: each
// statement, deadline and event once, and the people with their mentions
// summed.

// itemRef is a quote, deadline or event of a story's analyses: its
// article, its place in the article's list and the key it sorts by.
type itemRef struct {
	art, item int32
	key       sortKey
}

// sortKey orders a story's deadlines and events: by flag (a deadline
// without a due date last), then instant, then their order in the story,
// so sorting by it is the stable sort by time.Time.Compare.
type sortKey struct {
	flag, sec int64
	nsec, pos int32
}

func (x sortKey) compare(y sortKey) int {
	return cmp.Or(cmp.Compare(x.flag, y.flag), cmp.Compare(x.sec, y.sec), cmp.Compare(x.nsec, y.nsec), cmp.Compare(x.pos, y.pos))
}

// instantKey is the sortKey of t: time.Time.Compare's order (the instant,
// whatever the location) for times without a monotonic clock reading, as
// dates parsed or computed from text are.
func instantKey(flag bool, t time.Time, pos int) sortKey {
	return sortKey{flag: int64(btoi(flag)), sec: t.Unix(), nsec: int32(t.Nanosecond()), pos: int32(pos)}
}

// ownCount sums n over the analyses of the articles own.
func ownCount(ans []*Analysis, own []int, n func(*Analysis) int) int {
	sum := 0
	for _, a := range own {
		sum += n(ans[a])
	}
	return sum
}

// storyQuotes keeps each statement once (by speaker and words), in story
// order, and returns references to them, nil for none.
func (m *storyMerger) storyQuotes(ans []*Analysis, own []int) []RecordRef {
	m.keys.reset(ownCount(ans, own, func(an *Analysis) int { return len(an.Quotes) }))
	refs := m.refs[:0]
	for _, a := range own {
		for k, q := range ans[a].Quotes {
			m.key = appendNormKey(m.key[:0], q.Speaker)
			m.key = append(m.key, '|')
			m.key = appendNormKey(m.key, q.Text)
			if _, ok := m.keys.add(m.key); ok {
				refs = append(refs, itemRef{art: int32(a), item: int32(k)})
			}
		}
	}
	m.refs = refs
	if len(refs) == 0 {
		return nil
	}
	return recordsOf(refs)
}

// storyPeople counts the mentions of each name across the articles,
// folding a one-word name into the one longer name of the story ending in
// it ("Jobs" into "Steve Jobs"), most mentioned first, then by name. Names
// are told apart by normKey; a name keeps the form of its first mention.
func (m *storyMerger) storyPeople(ans []*Analysis, own []int) []StoryPerson {
	m.keys.reset(ownCount(ans, own, func(an *Analysis) int { return len(an.People) }))
	count := m.people[:0] // by key number
	for _, a := range own {
		for _, p := range ans[a].People {
			m.key = appendNormKey(m.key[:0], p.Name)
			k, ok := m.keys.add(m.key)
			if ok {
				count = append(count, StoryPerson{Name: p.Name, Org: p.Org})
			}
			count[k].Mentions += len(p.Sentences)
		}
	}
	m.people = count
	// into[k] is, for a one-word name k, the one longer name ending in it
	// (-1 for none, -2 for several).
	into := m.into[:0]
	for range count {
		into = append(into, -1)
	}
	m.into = into
	kept := len(count)
	for k := range count {
		key := m.keys.bytes(k)
		sp := bytes.LastIndexByte(key, ' ')
		if sp < 0 {
			continue
		}
		if w, ok := m.keys.find(key[sp+1:]); ok {
			switch into[w] {
			case -1:
				into[w] = int32(k)
				kept--
			case -2:
			default:
				into[w] = -2
				kept++
			}
		}
	}
	for k, to := range into {
		if to >= 0 {
			count[to].Mentions += count[k].Mentions
		}
	}
	out := make([]StoryPerson, 0, kept)
	for k, to := range into {
		if to < 0 {
			out = append(out, count[k])
		}
	}
	slices.SortFunc(out, func(a, b StoryPerson) int {
		return cmp.Or(b.Mentions-a.Mentions, strings.Compare(a.Name, b.Name))
	})
	return out
}

// storyDeadlines keeps each deadline once (by who set it, for whom and
// what), in the state of the latest article that reports it, soonest due
// first, those without a due date last, and returns references to them,
// nil for none.
func (m *storyMerger) storyDeadlines(ans []*Analysis, own []int) []RecordRef {
	m.keys.reset(ownCount(ans, own, func(an *Analysis) int { return len(an.Deadlines) }))
	refs := m.refs[:0]
	for _, a := range own {
		for k, d := range ans[a].Deadlines {
			m.key = appendNormKey(m.key[:0], d.SetBy)
			m.key = append(m.key, '|')
			m.key = appendNormKey(m.key, d.Target)
			m.key = append(m.key, '|')
			m.key = appendNormKey(m.key, d.Demand)
			i, ok := m.keys.add(m.key)
			r := itemRef{art: int32(a), item: int32(k), key: instantKey(d.Due.IsZero(), d.Due, i)}
			if ok {
				refs = append(refs, r)
			} else {
				refs[i] = r
			}
		}
	}
	m.refs = refs
	if len(refs) == 0 {
		return nil
	}
	slices.SortFunc(refs, func(x, y itemRef) int { return x.key.compare(y.key) })
	return recordsOf(refs)
}

// storyEvents returns the story's dated events oldest first; an event two
// articles report alike (same date and sentence) is kept once. Events of
// one date keep article and sentence order. It returns references to
// them, nil for none.
func (m *storyMerger) storyEvents(ans []*Analysis, own []int) []RecordRef {
	m.keys.reset(ownCount(ans, own, func(an *Analysis) int { return len(an.Events) }))
	refs := m.refs[:0]
	for _, a := range own {
		for k, e := range ans[a].Events {
			if e.When.IsZero() {
				continue
			}
			m.key = e.When.AppendFormat(m.key[:0], time.DateOnly)
			m.key = append(m.key, '|')
			m.key = appendNormKey(m.key, e.Text)
			if _, ok := m.keys.add(m.key); ok {
				refs = append(refs, itemRef{art: int32(a), item: int32(k), key: instantKey(false, e.When, len(refs))})
			}
		}
	}
	m.refs = refs
	if len(refs) == 0 {
		return nil
	}
	slices.SortFunc(refs, func(x, y itemRef) int { return x.key.compare(y.key) })
	return recordsOf(refs)
}

// recordsOf returns the references of refs, at their exact size.
func recordsOf(refs []itemRef) []RecordRef {
	out := make([]RecordRef, len(refs))
	for k, r := range refs {
		out[k] = RecordRef{Article: r.art, Index: r.item}
	}
	return out
}
