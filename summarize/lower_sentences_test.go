package summarize

import "testing"

// TestLowerSentences checks that lowering an article's sentences at once
// gives what lowering each alone gives, and that every reader of the
// lowered text (tokens, time tokens, summary traits) sees the same as
// when it lowers for itself.
func TestLowerSentences(t *testing.T) {
	tests := []struct {
		name string
		text []string
	}{
		{"ascii", []string{"The Mayor said on Monday.", "all lower case here."}},
		{"accents", []string{"Éric Zemmour met Åsa Lindqvist.", "ÜBER ALLES."}},
		{"width changes", []string{"İstanbul will vote.", "The KELVIN SIGN \u212a differs.", "Fine again."}},
		{"invalid utf-8", []string{"Bad \xff byte Here.", "Next One."}},
		{"quote marks first", []string{"“We Will Win,” she said.", "(Reuters) Next week it is due."}},
		{"empty article", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sents := make([]Sentence, len(tt.text))
			for i, s := range tt.text {
				sents[i] = Sentence{Text: s, Para: i}
			}
			lows := lowerSentences(sents)
			if len(lows) != len(sents) {
				t.Fatalf("%d lowered, want %d", len(lows), len(sents))
			}
			for i, s := range sents {
				low, same := lowerSameWidth(s.Text)
				if lows[i].s != low || lows[i].same != same {
					t.Errorf("sentence %d: got (%q, %v), want (%q, %v)", i, lows[i].s, lows[i].same, low, same)
				}
				if got, want := sentenceTraitsLow(s.Text, lows[i].s, lows[i].same), sentenceTraits(s.Text); got != want {
					t.Errorf("sentence %d traits: got %+v, want %+v", i, got, want)
				}
			}
			a, b := buildDoc(sents, lows), buildDoc(sents, nil)
			if len(a.toks) != len(b.toks) {
				t.Fatalf("tokens: %d with shared lowering, %d without", len(a.toks), len(b.toks))
			}
			for i := range a.toks {
				if a.toks[i] != b.toks[i] {
					t.Errorf("token %d: %+v, want %+v", i, a.toks[i], b.toks[i])
				}
			}
		})
	}
}
