package bot

import "testing"

// TestCanonicalSentences checks that the canonical sentences are the
// first of each wording (normName), every other sentence a repeat, and
// that a hash collision of different wordings keeps them apart.
func TestCanonicalSentences(t *testing.T) {
	ix := generatedIndex(t, 250)
	text := func(doc int) string {
		d := ix.sents.docs.at(int32(doc))
		return ix.an(int(d.art)).Sentences[d.sent].Text
	}
	first := map[string]int32{}
	repeats := 0
	for doc := range ix.sents.docs.len() {
		norm := normName(text(doc))
		want, ok := first[norm]
		if !ok {
			first[norm], want = int32(doc), int32(doc)
		} else {
			repeats++
		}
		if got := ix.sents.isCanonical(doc); got != (want == int32(doc)) {
			t.Fatalf("sentence %d (%q): canonical %v, want it a repeat of %d", doc, text(doc), got, want)
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
		if s.isCanonical(doc) != (w == int32(doc)) {
			t.Errorf("colliding hashes: %q canonical %v, want it a repeat of %d", texts[doc], s.isCanonical(doc), w)
		}
	}
}
