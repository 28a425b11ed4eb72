package summarize

import (
	"strings"
	"testing"
	"unicode"
)

// TestScansMatchStrings checks the allocation-free scans against the
// strings functions they replace, on every sentence of the test corpora,
// odd text and sentences made to hold each look-ahead phrase.
func TestScansMatchStrings(t *testing.T) {
	texts := corpusTexts(t)
	for _, p := range aheadPhrases {
		texts = append(texts, strings.TrimSpace(p)+" now", "they"+p+"go", "x"+strings.TrimSpace(p))
	}
	for _, s := range texts {
		low := strings.ToLower(s)
		want := false
		for _, p := range aheadPhrases {
			want = want || strings.Contains(" "+low, p)
		}
		if got := hasAheadPhrase(low); got != want {
			t.Errorf("hasAheadPhrase(%q) = %v, want %v", low, got, want)
		}
		if got, want := wordCount(s), len(strings.Fields(s)); got != want {
			t.Errorf("wordCount(%q) = %d, want %d", s, got, want)
		}
	}
}

// TestQuotingMatchesReference compares quoting, which walks the bytes,
// with the reference over []rune(s) on every sentence of the test corpora
// and on odd text.
func TestQuotingMatchesReference(t *testing.T) {
	for _, s := range corpusTexts(t) {
		share, part := quoting(s)
		wantShare, wantPart := referenceQuoting(s)
		if share != wantShare || part != wantPart {
			t.Errorf("quoting(%q) = %v, %v; want %v, %v", s, share, part, wantShare, wantPart)
		}
	}
}

func TestSentenceTraits(t *testing.T) {
	tests := []struct {
		text string
		want traits
	}{
		{"The council approved a £412 million budget on Tuesday.", traits{words: 9, number: true}},
		{"He said the port will reopen next week after repairs.", traits{words: 10, dependent: true, ahead: true}},
		{"In addition, Mayor Ana Ribeiro and Li Wei signed it.", traits{words: 10, dependent: true, names: true}},
		{"Union leaders are expected to meet again before the vote.", traits{words: 10, ahead: true}},
		{"Is the deal dead?", traits{words: 4, question: true}},
		{"“The port will stay open,” said Ana Lund.", traits{words: 8, quoteShare: 19.0 / 30, ahead: true, names: true}},
		{"“We will stay,” said Ana.", traits{words: 5, quoteShare: 1, ahead: true}}, // first person: not the reporter's voice
		{"We regret the error in yesterday's story on the port.", traits{words: 10, quoteShare: 1}},
		{"Attendance also rose by a third across the region.", traits{words: 9, dependent: true, number: true}},
		{"The plan, signed in 2019, is unchanged.", traits{words: 7}},
	}
	for _, tt := range tests {
		if got := sentenceTraits(tt.text); got != tt.want {
			t.Errorf("sentenceTraits(%q) = %+v, want %+v", tt.text, got, tt.want)
		}
	}
}

// referenceQuoting is quoting as first written, over []rune(s).
func referenceQuoting(s string) (share float64, part bool) {
	rs := []rune(s)
	double, single, unopened := 0, 0, false
	inside, total := 0, 0
	for i, r := range rs {
		prev, next := ' ', ' '
		if i > 0 {
			prev = rs[i-1]
		}
		if i+1 < len(rs) {
			next = rs[i+1]
		}
		switch {
		case r == '"' && double > 0, r == '”' && double > 0:
			double--
		case r == '"', r == '“':
			double++
		case r == '”':
			unopened = true
		case r == '‘' && !unicode.IsLetter(prev):
			single++
		case r == '’' && single > 0 && !unicode.IsLetter(next):
			single--
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			total++
			if double > 0 || single > 0 {
				inside++
			}
		}
	}
	part = double > 0 || single > 0 || unopened
	if total == 0 {
		return 0, part
	}
	return float64(inside) / float64(total), part
}
