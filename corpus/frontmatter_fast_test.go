package corpus

import (
	"reflect"
	"strings"
	"testing"
)

// TestFastFrontMatterMatchesYAML checks the fast path against yaml.v3 on
// many header forms: where it answers, it answers as decodeFrontMatter
// does, and it answers exactly for the simple forms.
func TestFastFrontMatterMatchesYAML(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		fast bool // the fast path must answer
	}{
		{"plain", "title: Storm closes airport\nsource: Wire\npublished: 2024-03-06\nurl: https://wire.example/storm", true},
		{"double quoted", `title: "Storm: the airport closes"` + "\n" + `source: "Summit News"`, true},
		{"single quoted", "title: 'Storm closes airport'\nsource: 'It is: fine'", true},
		{"date key", "title: T\ndate: 2024-03-06", true},
		{"quoted date", `published: "2024-03-06T10:00:00-05:00"`, true},
		{"empty quoted", `title: ""` + "\n" + `published: ''`, true},
		{"spaces inside", "title:   Storm   closes  airport  ", true},
		{"quoted spaces", `title: "  Storm   closes  "`, true},
		{"colon no space", "title: Storm:closes\nurl: http://a.example:8080/x", true},
		{"hash no space", "title: Issue#5 closes", true},
		{"non-ASCII", "title: Zürich — l’été\u00a0à Genève", true},
		{"citation in source", "source: Reuters https://reuters.example/x", true},
		{"long date", `published: "January 2, 2006"`, true},
		{"comma date", "published: 2 January 2006", true},

		{"colon space in plain", "title: Storm: the airport closes", false},
		{"trailing colon", "title: Storm closes:", false},
		{"comment", "title: Storm # a comment", false},
		{"comment line", "# comment\ntitle: Storm", false},
		{"blank line", "title: Storm\n\nsource: Wire", false},
		{"escape", `title: "Storm \"closes\" airport"`, false},
		{"backslash", `title: "C:\\temp"`, false},
		{"single quote doubled", "title: 'It''s over'", false},
		{"unclosed quote", `title: "Storm`, false},
		{"quote inside", `title: "Storm" airport"`, false},
		{"list", "tags: [a, b]", false},
		{"tags", "title: T\ntags: a, b", false},
		{"block list", "title: T\ntags:\n  - a\n  - b", false},
		{"unknown key", "author: Jane\ntitle: T", false},
		{"capital key", "Title: Storm", false},
		{"duplicate", "title: A\ntitle: B", false},
		{"date and published", "date: 2024-03-06\npublished: 2024-03-07", false},
		{"null", "published: null", false},
		{"tilde", "title: ~", false},
		{"empty value", "title:", false},
		{"no space", "title:Storm", false},
		{"indicator", "title: - Storm", false},
		{"anchor", "title: &a Storm", false},
		{"alias", "title: *a", false},
		{"tag", "title: !!str Storm", false},
		{"flow map", "title: {a: b}", false},
		{"block scalar", "title: |\n  Storm", false},
		{"folded", "title: >\n  Storm", false},
		{"continued", "title: Storm\n  closes airport", false},
		{"indented", "  title: Storm", false},
		{"tab", "title: Storm\tcloses", false},
		{"bad date", "published: yesterday", false},
		{"BOM inside", "title: a\ufeffb", false},
		{"line separator", "title: a\u2028b", false},
		{"C1 control", "title: a\u0085b", false},
		{"not a map", "just a line", false},
		{"empty", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := strings.Split(tt.yaml, "\n")
			if tt.yaml == "" {
				lines = nil
			}
			got, ok := fastFrontMatter(lines)
			if ok != tt.fast {
				t.Fatalf("fastFrontMatter(%q) ok = %v, want %v", tt.yaml, ok, tt.fast)
			}
			if !ok {
				return
			}
			want, err := decodeFrontMatter(tt.yaml)
			if err != nil {
				t.Fatalf("fast path took %q, which yaml.v3 refuses: %v", tt.yaml, err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("fastFrontMatter(%q) = %+v, yaml.v3 gives %+v", tt.yaml, got, want)
			}
		})
	}
}

// TestFastFrontMatterValues runs many single values through both paths:
// whatever the fast path takes must decode the same under yaml.v3.
func TestFastFrontMatterValues(t *testing.T) {
	values := []string{
		"a", "a b", "a  b", "a: b", "a:b", "a #b", "a#b", "#a", "-a", "- a", "?a", "? a",
		":a", ",a", "a,b", "[a", "a]", "{a", "a}", "&a", "*a", "!a", "|a", ">a", "'a", `"a`,
		"%a", "@a", "`a", `"a"`, `'a'`, `"a'b"`, `'a"b'`, `"a\"b"`, `"a\tb"`, "'a''b'",
		`""`, "''", "true", "no", "1", "0x1F", "1e3", ".5", "null", "Null", "NULL", "~",
		"2024-03-06", "2024-03-06T10:00:00Z", "a…b", "ü", "a\u00a0", "\u00a0a", "a\u3000b",
		"a\ufffdb", "a \u2014 b", "<b>", "a=b", "a;b", "a/b?c=d&e=f", "https://x.example/a#frag",
		"a \"b\"", "a 'b'", "a\\b", `"a\\b"`, "=", "<<", "a\u0085", "a\x7fb", "a\x1bb",
	}
	for _, key := range []string{"title", "source", "url", "published"} {
		for _, v := range values {
			src := key + ": " + v
			got, ok := fastFrontMatter([]string{src})
			if !ok {
				continue
			}
			want, err := decodeFrontMatter(src)
			if err != nil {
				t.Errorf("fast path took %q, which decodeFrontMatter refuses: %v", src, err)
				continue
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("fastFrontMatter(%q) = %+v, yaml.v3 gives %+v", src, got, want)
			}
		}
	}
}

// TestSplitFrontMatterBody checks the body split on the edge of the
// closing line.
func TestSplitFrontMatterBody(t *testing.T) {
	tests := []struct {
		text, body string
		fm         bool
		err        bool
	}{
		{"---\ntitle: T\n---\nBody\n", "Body\n", true, false},
		{"---\ntitle: T\n---", "", true, false},
		{"---\ntitle: T\n---\n", "", true, false},
		{"---\ntitle: T\n...  \n\nBody", "\nBody", true, false},
		{"---\n---\nBody", "Body", true, false},
		{"---\ntitle: T\n", "", true, true},
		{"---", "", true, true},
		{"Body\n---\n", "Body\n---\n", false, false},
	}
	for _, tt := range tests {
		_, body, fm, err := splitFrontMatter(tt.text)
		if body != tt.body || fm != tt.fm || (err != nil) != tt.err {
			t.Errorf("splitFrontMatter(%q) = body %q, front matter %v, error %v; want %q, %v, error %v",
				tt.text, body, fm, err, tt.body, tt.fm, tt.err)
		}
	}
}
