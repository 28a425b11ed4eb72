package ancodec

import (
	"errors"
	"reflect"
	"testing"
)

// TestSentence checks Sentence(i) against Decode's Sentences[i] for every
// sentence of every example, devset, generated and hand-made analysis,
// Sentences against their number, and that out-of-range indices fail
// with ErrNoSentence.
func TestSentence(t *testing.T) {
	cases := testArticles(t)
	a, _, ans := handMade()
	for i := range ans {
		cases = append(cases, analysed{a: a, an: &ans[i], row: Append(nil, &ans[i], a.Body)})
	}
	for _, x := range cases {
		want, err := Decode(x.row, x.a)
		if err != nil {
			t.Fatalf("%s: %v", x.a.Path, err)
		}
		n, err := Sentences(x.row)
		if err != nil || n != len(want.Sentences) {
			t.Errorf("%s: Sentences = %d, %v; want %d", x.a.Path, n, err, len(want.Sentences))
		}
		for i, ws := range want.Sentences {
			s, err := Sentence(x.row, x.a.Body, i)
			if err != nil {
				t.Fatalf("%s: sentence %d: %v", x.a.Path, i, err)
			}
			if !reflect.DeepEqual(s, ws) {
				t.Errorf("%s: sentence %d = %+v, want %+v", x.a.Path, i, s, ws)
			}
		}
		for _, i := range []int{-1, n, n + 1} {
			if _, err := Sentence(x.row, x.a.Body, i); !errors.Is(err, ErrNoSentence) {
				t.Errorf("%s: sentence %d of %d: err = %v, want ErrNoSentence", x.a.Path, i, n, err)
			}
		}
	}
}

// TestSentenceCopiesLiterals checks that a sentence written as a literal
// keeps nothing of the row.
func TestSentenceCopiesLiterals(t *testing.T) {
	a, _, ans := handMade()
	row := Append(nil, &ans[2], a.Body)
	s0, err := Sentence(row, a.Body, 0)
	if err != nil {
		t.Fatal(err)
	}
	s2, err := Sentence(row, a.Body, 2) // the same literal again (strPrev)
	if err != nil {
		t.Fatal(err)
	}
	for i := range row {
		row[i] = '#'
	}
	if s0.Text != "Talks  failed." || s2.Text != "Talks  failed." {
		t.Errorf("after the row changed: %q, %q", s0.Text, s2.Text)
	}
}

// TestSentenceCorrupt cuts a row at every length and flips every byte:
// Sentence and Sentences never panic, and a cut or a bad frame fails
// with ErrCorrupt (Sentence does not read the CRC, so a flipped byte may
// go unnoticed; Check is what catches it).
func TestSentenceCorrupt(t *testing.T) {
	all := testArticles(t)
	a, _, ans := handMade()
	rows := []analysed{all[0], all[len(all)-1], {a: a, row: Append(nil, &ans[2], a.Body)}}
	for _, x := range rows {
		n, _ := Sentences(x.row)
		for cut := range len(x.row) {
			row := x.row[:cut]
			_, _ = Sentences(row)
			for i := range n {
				_, _ = Sentence(row, x.a.Body, i)
			}
			if cut < frameBytes {
				if _, err := Sentence(row, x.a.Body, 0); !errors.Is(err, ErrCorrupt) {
					t.Errorf("cut at %d: err = %v, want ErrCorrupt", cut, err)
				}
			}
		}
		for at := range len(x.row) {
			row := append([]byte(nil), x.row...)
			row[at] ^= 0xff
			_, _ = Sentences(row)
			for i := range n {
				_, _ = Sentence(row, x.a.Body, i)
			}
		}
		row := append([]byte(nil), x.row...)
		row[0]++
		if _, err := Sentence(row, x.a.Body, 0); !errors.Is(err, ErrCorrupt) {
			t.Errorf("format %d: err = %v, want ErrCorrupt", row[0], err)
		}
		if _, err := Sentences(row); !errors.Is(err, ErrCorrupt) {
			t.Errorf("format %d: Sentences err = %v, want ErrCorrupt", row[0], err)
		}
	}
	// A sentence whose body slice lies beyond a shorter body.
	x := all[0]
	last, _ := Sentences(x.row)
	if _, err := Sentence(x.row, x.a.Body[:len(x.a.Body)/2], last-1); !errors.Is(err, ErrCorrupt) {
		t.Errorf("against a shorter body: err = %v, want ErrCorrupt", err)
	}
}
