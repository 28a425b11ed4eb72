package bot

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// refTermIndex is termIndex as first written: the terms of each text (the
// reference tokenizer), each ID appended once to a growing list.
func refTermIndex(texts []string) map[string][]int32 {
	t := map[string][]int32{}
	for id, text := range texts {
		for _, w := range refTerms(text) {
			if ids := t[w]; len(ids) == 0 || ids[len(ids)-1] != int32(id) {
				t[w] = append(ids, int32(id))
			}
		}
	}
	return t
}

// partsCases are texts cut into parts where a cut is easy to get wrong:
// inside a word, beside punctuation, inside a rune and after a byte that
// begins one, and empty parts.
var partsCases = [][]string{
	{"Trump said", "tariffs rose"},
	{"runn", "ing"},
	{"", "tariffs", "", ""},
	{},
	{"O'", "Brien"},
	{"Zür", "ich"},
	{"end\xe2\x80", "\xa6 more"},
	{"\xc3", "\xa9t\xc3\xa9"},
	{"İ", "stanbul", "ΣΊΣΥΦΟΣ"},
	{"the of and", "a", "an"},
	{"2024", "25%", "½"},
}

// TestTermIndexAddParts checks that adding a text in parts indexes what
// adding the parts joined with spaces does, and both what the reference
// does.
func TestTermIndexAddParts(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	cases := slices.Clone(partsCases)
	random := randomTexts(600)
	for i := 0; i+3 <= len(random); i += 3 {
		cases = append(cases, random[i:i+1+rng.IntN(3)])
	}
	parts, joined := termIndex{}, termIndex{}
	var texts []string
	for id, ps := range cases {
		parts.add(id, ps...)
		joined.add(id, strings.Join(ps, " "))
		texts = append(texts, strings.Join(ps, " "))
	}
	if !reflect.DeepEqual(parts, joined) {
		t.Errorf("adding parts and adding them joined index differently")
	}
	if want := refTermIndex(texts); !reflect.DeepEqual(map[string][]int32(joined), want) {
		t.Errorf("termIndex.add differs from the reference")
	}
}

// TestTermIndexCompact checks that compact keeps every list and leaves no
// spare capacity, and that appending to one list leaves the next alone.
func TestTermIndexCompact(t *testing.T) {
	texts := append(slices.Clone(tokenCases), randomTexts(400)...)
	ti := termIndex{}
	for id, s := range texts {
		ti.add(id, s)
	}
	want := refTermIndex(texts)
	ti.compact()
	if !reflect.DeepEqual(map[string][]int32(ti), want) {
		t.Fatalf("compact changed the lists")
	}
	for term, ids := range ti {
		if cap(ids) != len(ids) {
			t.Errorf("%q: capacity %d for %d IDs", term, cap(ids), len(ids))
		}
		_ = append(ids, -1)
	}
	if !reflect.DeepEqual(map[string][]int32(ti), want) {
		t.Errorf("appending to a compacted list changed another")
	}
}

// TestTermBuilder checks that a termBuilder, filing each ID's texts' term
// numbers, builds the index termIndex.add does, with exact capacities.
func TestTermBuilder(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 1))
	texts := append(slices.Clone(tokenCases), randomTexts(500)...)
	want := termIndex{}
	var b termBuilder
	var ts []int32
	for id := range 300 {
		var parts []string
		for range rng.IntN(4) {
			parts = append(parts, texts[rng.IntN(len(texts))])
		}
		want.add(id, parts...)
		for _, p := range parts {
			ts = b.appendTerms(ts[:0], p)
			b.file(int32(id), ts)
			b.file(int32(id), ts) // a text again: no second posting
		}
	}
	got := b.finish()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("termBuilder built %d terms, termIndex.add %d; they differ", len(got), len(want))
	}
	for term, ids := range got {
		if cap(ids) != len(ids) {
			t.Errorf("%q: capacity %d for %d IDs", term, cap(ids), len(ids))
		}
	}
}

// mergedDeadlines returns a copy of ix whose deadlines are merged again
// but not finished (mergeDeadlines): with the revisions that the words
// of a deadline come from, which a finished record does not keep.
func mergedDeadlines(ix *Index) *Index {
	m := *ix
	m.ans = analysesOf(ix) // merging reads them decoded, as building the index does
	m.deadlines, m.reportTerms = nil, nil
	m.mergeDeadlines()
	m.reportTerms, m.ans = nil, nil
	return &m
}

// joinedDeadlineTerms is the deadline word index as it was built before
// indexDeadlineTerms: every deadline's parts joined into one text and
// added. It is the reference. The deadlines of ix must be merged but not
// finished (see mergedDeadlines).
func joinedDeadlineTerms(ix *Index) termIndex {
	out := termIndex{}
	for id, dr := range ix.deadlines {
		parts := []string{dr.setBy, dr.target, dr.demand, dr.consequence, dr.evidence}
		for _, a := range dr.arts {
			parts = append(parts, ix.arts[a].Title)
			parts = append(parts, ix.summary(a)...)
		}
		for _, rv := range dr.revs {
			parts = append(parts, rv.r.Evidence, ix.sentence(rv.art, rv.r.Sentence))
		}
		out.add(id, strings.Join(parts, " "))
	}
	return out
}

// TestDeadlineTermsMatchJoin checks the deadline word index against the
// one it replaces: every deadline's parts joined into one text and added.
func TestDeadlineTermsMatchJoin(t *testing.T) {
	ix := generatedIndex(t, 250)
	merged := mergedDeadlines(ix)
	want := joinedDeadlineTerms(merged)
	if len(ix.deadlines) < 20 {
		t.Fatalf("%d deadlines: the corpus does not test the index", len(ix.deadlines))
	}
	for k := range ix.deadlines {
		if g, w := &ix.deadlines[k], &merged.deadlines[k]; g.setKey != w.setKey || g.evidence != w.evidence || len(g.states) != len(w.revs) {
			t.Fatalf("deadline %d merged again differs: %q %q %d states, want %q %q %d", k, w.setKey, w.evidence, len(w.revs), g.setKey, g.evidence, len(g.states))
		}
	}
	if got := ix.deadlineTerms.unpack(); !reflect.DeepEqual(got, want) {
		t.Errorf("deadline terms: %d terms, want %d; the lists differ", len(got), len(want))
	}
	if ix.reportTerms != nil {
		t.Errorf("the index keeps %d report texts after building", len(ix.reportTerms))
	}
}

// TestContentTerms checks contentTerms against terms without the generic
// deadline words, on first reading and from memory.
func TestContentTerms(t *testing.T) {
	ix := &Index{}
	texts := append(slices.Clone(tokenCases), "The deadline expires on Monday: pay the fine within 30 days", "until the end of March")
	for range 2 {
		for _, s := range texts {
			var want []string
			for _, w := range refTerms(s) {
				if !genericDeadlineTerms[w] {
					want = append(want, w)
				}
			}
			if got := ix.contentTerms(s); !slices.Equal(got, want) {
				t.Errorf("contentTerms(%q) = %q, want %q", s, got, want)
			}
		}
	}
}

// TestWordScannerNoAlloc checks that scanning with a buffer on the stack
// allocates nothing, and that queryTerms and normName allocate only their
// answer.
func TestWordScannerNoAlloc(t *testing.T) {
	text := "President Donald Trump said the TARIFFS would rise in São Paulo"
	_ = terms(text) // the memo learns the words
	if n := testing.AllocsPerRun(100, func() {
		var sc wordScanner
		var buf [64]byte
		sc.reset(text)
		for w, ok := sc.next(buf[:0]); ok; w, ok = sc.next(w) {
			_ = lookupWord(w)
		}
	}); n != 0 {
		t.Errorf("scanning allocates %v times", n)
	}
	if n := testing.AllocsPerRun(100, func() { _ = normName("donald trump") }); n != 0 {
		t.Errorf("normName of a normal name allocates %v times", n)
	}
	if n := testing.AllocsPerRun(100, func() { _ = normName("Donald  TRUMP") }); n != 1 {
		t.Errorf("normName allocates %v times, want 1", n)
	}
}

// TestNormName checks normName and appendNorm against the words joined.
func TestNormName(t *testing.T) {
	for _, s := range append(slices.Clone(tokenCases), randomTexts(500)...) {
		want := strings.Join(refWords(s), " ")
		if got := normName(s); got != want {
			t.Errorf("normName(%q) = %q, want %q", s, got, want)
		}
		if got := string(appendNorm([]byte("x "), s)); got != "x "+want {
			t.Errorf("appendNorm(%q) = %q, want %q", s, got, "x "+want)
		}
	}
}
