package summarize

import (
	"strings"
	"testing"

	"github.com/briefbot/briefbot/corpus"
)

func TestTrimCap(t *testing.T) {
	tests := []struct {
		name    string
		in      []int
		wantNil bool
	}{
		{"nil stays nil", nil, true},
		{"empty stays empty", make([]int, 0, 8), false},
		{"spare capacity dropped", append(make([]int, 0, 8), 1, 2, 3), false},
		{"exact kept", []int{4, 5}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := trimCap(tt.in)
			if (got == nil) != tt.wantNil {
				t.Fatalf("nil = %v, want %v", got == nil, tt.wantNil)
			}
			if cap(got) != len(got) || !equalInts(got, tt.in) {
				t.Fatalf("trimCap(%v) = %v (cap %d)", tt.in, got, cap(got))
			}
		})
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestSharerStr checks where each kind of string ends up: in the body when
// the body writes it, in its own copy otherwise, and always with the same
// bytes.
func TestSharerStr(t *testing.T) {
	// The second paragraph's sentences are one space apart in the body, the
	// third's two spaces apart: the joined text has one space in both.
	body := "Lead sentence here.\n\n“It is over. We lost,” she said.\n\n“Two spaces.  Differ,” he said."
	sents := Sentences(body)
	d := buildDoc(sents, nil)
	if len(d.quotes) != 2 {
		t.Fatalf("quotes = %d, want 2", len(d.quotes))
	}
	fresh := strings.Repeat("x", 3)
	tests := []struct {
		name   string
		in     string
		inBody bool
	}{
		{"within a sentence of the joined text", d.span(d.sentTok[0][0], d.sentTok[0][0]+2), true},
		{"across sentences written alike", d.quoteText(d.quotes[0]), true},
		{"across sentences written otherwise", d.quoteText(d.quotes[1]), false},
		{"already the body's", body[:4], true},
		{"built elsewhere", fresh, false},
		{"empty", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sh := sharer{body: body, d: d}
			got := sh.str(tt.in)
			if got != tt.in {
				t.Fatalf("str(%q) = %q", tt.in, got)
			}
			if _, ok := offsetIn(got, body); ok != tt.inBody {
				t.Fatalf("str(%q) in body = %v, want %v", tt.in, ok, tt.inBody)
			}
			if _, ok := offsetIn(got, d.text); ok {
				t.Fatalf("str(%q) still points into the joined text", tt.in)
			}
			if !tt.inBody && got != "" {
				if again := sh.str(strings.Clone(tt.in)); !sameMemory(again, got) {
					t.Fatalf("equal strings copied twice")
				}
			}
		})
	}
}

func sameMemory(a, b string) bool {
	off, ok := offsetIn(a, b)
	return ok && off == 0 && len(a) == len(b)
}

// TestAnalyzeSharesBody checks that an analysis's quotes and names are the
// body's own bytes, not a copy of the article kept alive with them.
func TestAnalyzeSharesBody(t *testing.T) {
	body := "Maria Lopez, the mayor of Springfield, spoke on Monday.\n\n" +
		"“We will rebuild the bridge. It will take a year,” Lopez said.\n\n" +
		"The council said it would vote on the plan next week."
	an := Analyze(corpus.Article{ID: "a", Title: "Bridge", Body: body})
	if len(an.Quotes) == 0 || len(an.People) == 0 {
		t.Fatalf("quotes %d, people %d: want some of each", len(an.Quotes), len(an.People))
	}
	for _, q := range an.Quotes {
		if _, ok := offsetIn(q.Text, body); !ok {
			t.Errorf("quote %q is not a slice of the body", q.Text)
		}
	}
	for _, p := range an.People {
		if _, ok := offsetIn(p.Name, body); !ok && strings.Contains(body, p.Name) {
			t.Errorf("name %q is not a slice of the body", p.Name)
		}
	}
	if cap(an.Sentences) != len(an.Sentences) {
		t.Errorf("sentences: cap %d, len %d", cap(an.Sentences), len(an.Sentences))
	}
}
