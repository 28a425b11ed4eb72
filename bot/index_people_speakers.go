package bot

import (
	"cmp"
	"slices"
)

// speaker is a person or source the articles quote. Its quotes are the
// IDs first to first+n-1 of Index.quotes, newest article first: the index
// numbers quotes speaker by speaker, so a speaker's quotes need no list of
// their own.
type speaker struct {
	name, desc string
	first, n   int32
}

// speakerOf returns the speaker of quote id (into Index.quotes): the
// last speaker whose quotes start at or before it, found by binary search
// (every speaker has a quote, so their firsts ascend strictly).
func (ix *Index) speakerOf(id int32) int32 {
	s, found := slices.BinarySearchFunc(ix.speakers, id, func(sp speaker, id int32) int { return cmp.Compare(sp.first, id) })
	if !found {
		s--
	}
	return int32(s)
}

// quotes returns a new slice of sp's quotes (into Index.quotes), in
// order: newest article first.
func (sp speaker) quotes() []int {
	ids := make([]int, sp.n)
	for k := range ids {
		ids[k] = int(sp.first) + k
	}
	return ids
}

// indexPeople registers every person the analyses name, merges the forms
// one person takes across articles, then files each quote under its
// speaker, merging a speaker written as a surname or alias with the one
// person it points to. A speaker can be looked up by any of its names and
// aliases, and by the role noun of an alias or description ("the
// professor", "this analyst").
//
// Speakers are numbered as first met reading the articles newest first,
// and quotes speaker by speaker, each speaker's in that reading order; a
// quote's words are filed under its ID (quoteTerms).
func (ix *Index) indexPeople() {
	for _, an := range ix.ans {
		for _, p := range an.People {
			ix.names.add(p.Name, p.Aliases, p.Org, p.Description)
		}
	}
	ix.names.merge()
	// First pass, in reading order: resolve each quote's speaker (the name
	// book learns names as it resolves them, so the order matters) and
	// count each speaker's quotes.
	total := 0
	for _, an := range ix.ans {
		total += len(an.Quotes)
	}
	said := make([]int32, 0, total) // quote in reading order → its speaker, -1 for none
	var counts []int32
	var speakers []speaker
	bySpeaker := map[string]int32{}
	for _, i := range ix.byDate {
		for _, q := range ix.ans[i].Quotes {
			k := ix.names.resolve(q.Speaker)
			if k == "" {
				said = append(said, -1)
				continue
			}
			s, ok := bySpeaker[k]
			if !ok {
				s = int32(len(speakers))
				bySpeaker[k] = s
				speakers = append(speakers, speaker{name: ix.names.display[k], desc: cmp.Or(ix.names.desc[k], q.Role)})
				counts = append(counts, 0)
				for _, key := range speakerKeys(ix.names.keys[k], ix.names.desc[k], q.Role, q.Speaker) {
					ix.speakerKeys[key] = append(ix.speakerKeys[key], s)
				}
			}
			said = append(said, s)
			counts[s]++
		}
	}
	ix.speakers = slices.Clone(speakers) // exact capacity: the index keeps it
	filed := int32(0)
	for s, n := range counts {
		ix.speakers[s].first, ix.speakers[s].n = filed, n
		filed += n
	}
	// Second pass: place each quote at its speaker's next ID.
	ix.quoteNums = newRecordNumbers(len(ix.arts), func(a int) int { return len(ix.ans[a].Quotes) })
	ix.quotes = make([]int32, filed)
	next := counts // reused: speaker → its next quote ID
	for s := range next {
		next[s] = ix.speakers[s].first
	}
	at := 0
	for _, i := range ix.byDate {
		for k := range ix.ans[i].Quotes {
			s := said[at]
			at++
			if s < 0 {
				continue
			}
			ix.quotes[next[s]] = ix.quoteNums.number(int32(i), int32(k))
			next[s]++
		}
	}
	terms := termIndex{}
	for id := range ix.quotes {
		terms.add(id, ix.quote(id).Text)
	}
	ix.quoteTerms = packTerms(terms)
}
