package summarize

import (
	"strings"
	"testing"
)

// TestNameOfFastPath checks that nameOf (tdoc.joinBases), which returns
// the text itself when the words are one space apart, gives the words
// joined by one space without possessives, and appendLowJoin their lower
// case, for every name span of the fuzz seeds and for
// spans across irregular spacing and possessives.
func TestNameOfFastPath(t *testing.T) {
	ref := func(r *registry, ns nameSpan) string {
		var w []string
		for i := ns.na; i < ns.nb; i++ {
			w = append(w, r.d.toks[i].base())
		}
		return strings.Join(w, " ")
	}
	bodies := append(fuzzSeedTexts(t), "Vladimir  Putin’s envoy met Trump's\tteam, Acme\tCorp and O'Brien’s aides in İSTANBUL\xff Ⓐ.")
	spans := 0
	for _, body := range bodies {
		r := newRegistry(Sentences(body))
		for _, ss := range r.spans {
			for _, ns := range ss {
				spans++
				if got, want := r.nameOf(ns), ref(r, ns); got != want {
					t.Errorf("nameOf(%q) = %q, want %q", r.d.span(ns.na, ns.nb), got, want)
				}
			}
		}
		// Every window of up to four tokens, names or not.
		for a := range r.d.toks {
			for b := a; b <= a+4 && b <= len(r.d.toks); b++ {
				ns := nameSpan{na: a, nb: b}
				if got, want := r.nameOf(ns), ref(r, ns); got != want {
					t.Fatalf("nameOf(tokens %d..%d %q) = %q, want %q", a, b, r.d.span(a, b), got, want)
				}
				if b > a {
					if got, want := r.d.toks[b-1].lowerBase(), strings.ToLower(r.d.toks[b-1].base()); got != want {
						t.Fatalf("lowerBase(%q) = %q, want %q", r.d.toks[b-1].s, got, want)
					}
				}
				if got, want := string(r.d.appendLowJoin(nil, a, b)), strings.ToLower(ref(r, ns)); got != want {
					t.Fatalf("appendLowJoin(tokens %d..%d %q) = %q, want %q", a, b, r.d.span(a, b), got, want)
				}
			}
		}
	}
	if spans < 100 {
		t.Errorf("only %d name spans in the seeds: the check proves little", spans)
	}
}

// TestPronounFilter checks what resolvePronouns assumes to skip a word
// before looking it up: every pronoun is at most five bytes, without an
// apostrophe (so never a possessive token).
func TestPronounFilter(t *testing.T) {
	for p := range pronouns {
		if len(p) > 5 || strings.ContainsAny(p, "'’") || p != strings.ToLower(p) {
			t.Errorf("pronoun %q: longer than 5 bytes, with an apostrophe or not lower case; resolvePronouns would skip it", p)
		}
	}
}
