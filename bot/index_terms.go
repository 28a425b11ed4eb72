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
// deadlines, events, titles) whose text holds it. Once built (see compact
// and termBuilder) every list is cut, to its exact length, from one array.
type termIndex map[string][]int32

// add indexes under id the text made of parts, exactly as it indexes the
// parts joined with spaces (a space ends a word, so a word never spans two
// parts), without joining them. IDs must be added in ascending order.
func (t termIndex) add(id int, parts ...string) {
	var sc wordScanner
	var buf [64]byte
	id32 := int32(id)
	for _, text := range parts {
		sc.reset(text)
		for w, ok := sc.next(buf[:0]); ok; w, ok = sc.next(w) {
			e := lookupWord(w)
			if e.stop {
				continue
			}
			if ids := t[e.stem]; len(ids) == 0 || ids[len(ids)-1] != id32 {
				t[e.stem] = append(ids, id32)
			}
		}
	}
}

// compact moves every list into one array, each cut to its exact length
// (compactLists): what add grew by doubling keeps no spare capacity. The
// lists and their order are unchanged; add never leaves one empty.
func (t termIndex) compact() { compactLists(t) }

// counts returns, for each ID holding a query term, how many it holds.
func (t termIndex) counts(q []string) map[int32]int {
	count := map[int32]int{}
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
func (t termIndex) best(q []string) (ids []int32, matched int) {
	return bestOf(t.counts(q))
}

// bestOf returns the IDs with the highest count, ascending, and that count.
func bestOf(count map[int32]int) (ids []int32, matched int) {
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

// ints returns IDs as ints, for the callers that index by int.
func ints(ids []int32) []int {
	if ids == nil {
		return nil
	}
	out := make([]int, len(ids))
	for k, id := range ids {
		out[k] = int(id)
	}
	return out
}
