package bot

import "testing"

// TestCanonicalSentences checks that each sentence's canonical sentence is
// the first with the same words (normName), and that a hash collision of
// different wordings keeps them apart.
func TestCanonicalSentences(t *testing.T) {
	ix := generatedIndex(t, 250)
	text := func(doc int) string {
		d := ix.sents.docs[doc]
		return ix.ans[d.art].Sentences[d.sent].Text
	}
	first := map[string]int32{}
	repeats := 0
	for doc := range ix.sents.docs {
		norm := normName(text(doc))
		want, ok := first[norm]
		if !ok {
			first[norm], want = int32(doc), int32(doc)
		} else {
			repeats++
		}
		if got := ix.sents.canon[doc]; got != want {
			t.Fatalf("sentence %d (%q): canonical %d, want %d", doc, text(doc), got, want)
		}
	}
	if repeats == 0 {
		t.Errorf("no repeated sentence: the test does not exercise repeats")
	}

	// Colliding hashes: every sentence hashed alike.
	texts := []string{"A cat sat.", "The dog ran.", "a CAT, sat", "The dog ran!", "Other words."}
	s := &sentIndex{post: map[string][]posting{}}
	for k, tx := range texts {
		s.add(0, k, tx)
	}
	for k := range s.build.hashes {
		s.build.hashes[k] = 1
	}
	s.canonicalize(func(doc int32) string { return texts[doc] })
	s.finish()
	want := []int32{0, 1, 0, 1, 4}
	for doc, w := range want {
		if s.canon[doc] != w {
			t.Errorf("colliding hashes: canonical of %q = %d, want %d", texts[doc], s.canon[doc], w)
		}
	}
}
