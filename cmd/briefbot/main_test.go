package main

import (
	"bytes"
	"encoding/json"
	"io"
	"reflect"
	"strings"
	"testing"
	"time"
)

// fixedNow is the clock of every test: a week after the seed article's
// publication (2025-08-06), whose deadline ends in its week.
var fixedNow = func() time.Time { return time.Date(2025, 8, 13, 9, 0, 0, 0, time.UTC) }

// runCmd runs briefbot with args and stdin in a clean environment plus
// vars, and returns its exit status, stdout and stderr.
func runCmd(t *testing.T, stdin string, vars map[string]string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(t.Context(), args, env{
		stdin: strings.NewReader(stdin), stdout: &out, stderr: &errOut,
		lookup: func(k string) (string, bool) { v, ok := vars[k]; return v, ok },
		now:    fixedNow,
	})
	return code, out.String(), errOut.String()
}

func TestConsolePipedAnswersAndExits(t *testing.T) {
	code, out, errOut := runCmd(t, "deadline status\nwho said what\nmore\nmore\nmore\n", nil) // who said what is paged, never cut
	if code != exitOK {
		t.Fatalf("exit = %d, stderr:\n%s", code, errOut)
	}
	for _, want := range []string{"Trump", "Putin", "Khrushcheva"} {
		if !strings.Contains(out, want) {
			t.Errorf("console output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "> ") {
		t.Errorf("piped input printed a prompt:\n%s", out)
	}
}

func TestAskSeed(t *testing.T) {
	tests := []struct {
		question string
		want     []string
	}{
		{"deadline status", []string{"Set by Donald Trump for Vladimir Putin", "Set at 50 days in July 2025", "cut to 10 days (date not given)", "week of 4 Aug 2025", "passed 5 days ago"}},
		{"who said what", []string{"Moskovsky Komsomolets", "Konstantin Blokhin", "Nina Khrushcheva", "Donald Trump", "Vladimir Putin", "disgusting"}},
		{"what did Khrushcheva say", []string{"Putin will continue the war", "Putin thinks that he is fulfilling"}},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			code, out, errOut := runCmd(t, "", nil, "ask", "--corpus", "testdata/seed", tt.question)
			if code != exitOK {
				t.Fatalf("exit = %d, stderr:\n%s", code, errOut)
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("ask %q lacks %q:\n%s", tt.question, w, out)
				}
			}
			if !strings.Contains(out, "Desk Report, 2025-08-06") {
				t.Errorf("ask %q does not cite the article and its date:\n%s", tt.question, out)
			}
		})
	}
}

func TestAskCorpusFromEnvironment(t *testing.T) {
	code, out, errOut := runCmd(t, "", map[string]string{"BRIEFBOT_CORPUS": "testdata/seed"}, "ask", "sources")
	if code != exitOK {
		t.Fatalf("exit = %d, stderr:\n%s", code, errOut)
	}
	if !strings.Contains(out, "desk-report.txt") || strings.Contains(out, "Steve Jobs") {
		t.Errorf("sources with BRIEFBOT_CORPUS=testdata/seed:\n%s", out)
	}
}

func TestAnalyzeJSON(t *testing.T) {
	code, out, errOut := runCmd(t, "", nil, "analyze", "--json", "--sentences", "testdata/seed")
	if code != exitOK {
		t.Fatalf("exit = %d, stderr:\n%s", code, errOut)
	}
	var doc struct {
		Articles []map[string]any `json:"articles"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out)
	}
	if len(doc.Articles) != 2 {
		t.Fatalf("got %d articles, want 2", len(doc.Articles))
	}
	files := map[string]map[string]any{}
	for _, a := range doc.Articles {
		for _, key := range []string{"file", "title", "published", "sentences", "people", "quotes", "deadlines", "summary", "story"} {
			if _, ok := a[key]; !ok {
				t.Errorf("article %v lacks %q", a["file"], key)
			}
		}
		files[a["file"].(string)] = a
	}
	md, raw := files["putin-trump-deadline.md"], files["raw/desk-report.txt"]
	if md == nil || raw == nil {
		t.Fatalf("files = %v, want putin-trump-deadline.md and raw/desk-report.txt", reflect.ValueOf(files).MapKeys())
	}
	if md["published"] != "2025-08-06" || raw["published"] != "" {
		t.Errorf("published = %v and %v, want 2025-08-06 and \"\"", md["published"], raw["published"])
	}
	if md["title"] != raw["title"] {
		t.Errorf("raw title %q differs from front matter title %q", raw["title"], md["title"])
	}
	if n := len(md["summary"].([]any)); n != 3 {
		t.Errorf("summary has %d sentences, want 3", n)
	}
	if md["story"] != raw["story"] {
		t.Errorf("the two versions of one article are in stories %v and %v", md["story"], raw["story"])
	}
}

func TestAnalyzeReportsBadFilesAndKeepsTheRest(t *testing.T) {
	code, out, errOut := runCmd(t, "", nil, "analyze", "--json", "testdata/bad")
	if code != exitFailure {
		t.Errorf("exit = %d, want %d", code, exitFailure)
	}
	if lines := strings.Split(strings.TrimSpace(errOut), "\n"); len(lines) != 1 || !strings.Contains(lines[0], "broken.md") {
		t.Errorf("stderr = %q, want one line naming broken.md", errOut)
	}
	if !strings.Contains(out, `"file": "good.md"`) {
		t.Errorf("the good file is missing from the output:\n%s", out)
	}
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"frobnicate"}, `unknown command "frobnicate"`},
		{[]string{"ask"}, "ask needs a question"},
		{[]string{"analyze", "testdata/seed"}, "add --json"},
		{[]string{"analyze", "--json"}, "at least one PATH"},
		{[]string{"--nope"}, "flag provided but not defined"},
		{[]string{"deadline", "status"}, `unknown command "deadline"`},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, _, errOut := runCmd(t, "", nil, tt.args...)
			if code != exitUsage || !strings.Contains(errOut, tt.want) {
				t.Errorf("exit = %d, stderr %q; want %d and %q", code, errOut, exitUsage, tt.want)
			}
		})
	}
}

func TestBadEnvironmentIsAUsageError(t *testing.T) {
	code, _, errOut := runCmd(t, "", map[string]string{"BRIEFBOT_CACHE_TTL": "soon"}, "ask", "help")
	if code != exitUsage || !strings.Contains(errOut, "BRIEFBOT_CACHE_TTL") {
		t.Errorf("exit = %d, stderr %q", code, errOut)
	}
}

func TestParseInterspersed(t *testing.T) {
	tests := []struct {
		args    []string
		want    []string
		corpus  string
		wantErr bool
	}{
		{[]string{"deadline", "status"}, []string{"deadline", "status"}, "", false},
		{[]string{"--corpus", "d", "who", "said"}, []string{"who", "said"}, "d", false},
		{[]string{"who", "--corpus=d", "said"}, []string{"who", "said"}, "d", false},
		{[]string{"q", "--", "--corpus", "x"}, []string{"q", "--corpus", "x"}, "", false},
		{[]string{"--bogus"}, nil, "", true},
	}
	for _, tt := range tests {
		fs := newFlagSet("t", io.Discard)
		c := fs.String("corpus", "", "")
		got, err := parseInterspersed(fs, tt.args)
		if (err != nil) != tt.wantErr || !reflect.DeepEqual(got, tt.want) || *c != tt.corpus {
			t.Errorf("parseInterspersed(%q) = %q, %v (corpus %q); want %q (corpus %q)", tt.args, got, err, *c, tt.want, tt.corpus)
		}
	}
}
