package summarize

import (
	"bufio"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// convention is one case of testdata/quotes/conventions.txt: a news
// convention, a short invented article and the quotes it must give.
type convention struct {
	name  string
	line  int // where the case starts in the file
	body  string
	want  []q
	roles []string // per wanted quote, "" when the case does not check it
}

// loadConventions parses the convention table (see the file's header for
// its format).
func loadConventions(t *testing.T, path string) []convention {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []convention
	var cur *convention
	var body []string
	inBody := false
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), " \t")
		switch {
		case strings.HasPrefix(line, "=== "):
			out = append(out, convention{name: strings.TrimPrefix(line, "=== "), line: n})
			cur, body, inBody = &out[len(out)-1], nil, true
		case cur == nil:
		case inBody && line == "---":
			cur.body, inBody = strings.Join(body, "\n"), false
		case inBody:
			body = append(body, line)
		case line == "" || strings.HasPrefix(line, "#"):
		default:
			f := strings.Split(line, " | ")
			if len(f) < 3 || len(f) > 4 {
				t.Fatalf("%s:%d: want speaker | kind | text [| role], got %q", path, n, line)
			}
			cur.want = append(cur.want, q{f[0], f[1], f[2]})
			role := ""
			if len(f) == 4 {
				role = f[3]
			}
			cur.roles = append(cur.roles, role)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if inBody {
		t.Fatalf("%s: last case has no ---", path)
	}
	return out
}

// TestQuoteConventions checks findQuotes against the table of general
// English news conventions: every quote wanted, in order, and nothing else;
// the speaker's role where the case names one.
func TestQuoteConventions(t *testing.T) {
	path := filepath.Join("testdata", "quotes", "conventions.txt")
	cases := loadConventions(t, path)
	if len(cases) < 80 {
		t.Errorf("%s has %d cases, want at least 80", path, len(cases))
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			sents := Sentences(c.body)
			qs := findQuotes(sents, newRegistry(sents))
			var got []q
			for _, x := range qs {
				got = append(got, q{x.Speaker, x.Kind, x.Text})
			}
			if !slices.Equal(got, c.want) {
				t.Fatalf("%s:%d: findQuotes(%q)\n got %s\nwant %s", path, c.line, c.body, fmtQuotes(got), fmtQuotes(c.want))
			}
			for i, role := range c.roles {
				if role != "" && qs[i].Role != role {
					t.Errorf("%s:%d: quote %d role = %q, want %q", path, c.line, i, qs[i].Role, role)
				}
			}
		})
	}
}

// TestQuoteCues checks the cue kept with a quote: the verb with the
// listener or channel that names how the statement was made.
func TestQuoteCues(t *testing.T) {
	tests := []struct{ body, want string }{
		{`“We regret the delay,” the airline said in a statement.`, "said in a statement"},
		{`“It is over,” striker Leo Banks told reporters in Madrid.`, "told reporters in Madrid"},
		{`Mayor Ines Duarte told public broadcaster RTP that the bridge would stay closed.`, "told public broadcaster RTP"},
		{`Investor Paul Grant wrote in a blog post that the market was overheated.`, "wrote in a blog post"},
		{`According to the coach, the team was tired.`, "according to"},
		{`Police said two men had been arrested.`, "said"},
	}
	for _, tt := range tests {
		sents := Sentences(tt.body)
		qs := findQuotes(sents, newRegistry(sents))
		if len(qs) != 1 || qs[0].Cue != tt.want {
			t.Errorf("findQuotes(%q) = %+v, want one quote with cue %q", tt.body, qs, tt.want)
		}
	}
}
