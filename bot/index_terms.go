package bot

import "slices"

// BM25 parameters: the usual defaults for short documents (here, sentences).
const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// questionFiller are words a question carries that say nothing about its
// topic ("tell me what Trump said"); they are dropped from questions only,
// so `search said` still finds "said".
var questionFiller = map[string]bool{
	"tell": true, "say": true, "says": true, "said": true, "know": true,
	"news": true, "latest": true, "please": true, "anything": true,
	"happening": true, "happened": true, "going": true, "give": true,
	"show": true, "whats": true, "briefbot": true, "think": true,
}

// termIndex maps a term to the ascending, distinct IDs of the things (quotes,
// deadlines, events, titles) whose text holds it.
type termIndex map[string][]int

// add indexes text under id. IDs must be added in ascending order.
func (t termIndex) add(id int, text string) {
	var sc wordScanner
	sc.reset(text)
	for w, ok := sc.next(); ok; w, ok = sc.next() {
		e := lookupWord(w)
		if e.stop {
			continue
		}
		if ids := t[e.stem]; len(ids) == 0 || ids[len(ids)-1] != id {
			t[e.stem] = append(ids, id)
		}
	}
}

// counts returns, for each ID holding a query term, how many it holds.
func (t termIndex) counts(q []string) map[int]int {
	count := map[int]int{}
	for _, w := range q {
		for _, id := range t[w] {
			count[id]++
		}
	}
	return count
}

// best returns, ascending, the IDs that hold the most query terms (at least
// one), and how many they hold. A topic of several words thus narrows to the
// things that match it best without requiring every word.
func (t termIndex) best(q []string) (ids []int, matched int) {
	return bestOf(t.counts(q))
}

// bestOf returns the IDs with the highest count, ascending, and that count.
func bestOf(count map[int]int) (ids []int, matched int) {
	for _, n := range count {
		matched = max(matched, n)
	}
	for id, n := range count {
		if n == matched {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	return ids, matched
}
