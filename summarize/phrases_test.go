package summarize

import (
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// phraseCase is one line of testdata/deadlines/phrases.txt.
type phraseCase struct {
	line  int
	kind  string   // time, notime, deadline, none, event, noevent
	sents []string // the article, one sentence per element
	want  []string // the remaining fields
}

// readPhrases reads the phrase table and its published date.
func readPhrases(t *testing.T, path string) ([]phraseCase, time.Time) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []phraseCase
	var pub time.Time
	for n, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "# published:"); ok {
			if pub, err = time.Parse(time.DateOnly, strings.TrimSpace(v)); err != nil {
				t.Fatalf("%s:%d: %v", path, n+1, err)
			}
			continue
		}
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, " | ")
		if len(f) < 2 {
			t.Fatalf("%s:%d: want KIND | SENTENCE ..., got %q", path, n+1, line)
		}
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		out = append(out, phraseCase{line: n + 1, kind: f[0], sents: strings.Split(f[1], " // "), want: f[2:]})
	}
	if pub.IsZero() {
		t.Fatalf("%s: no published date", path)
	}
	return out, pub
}

// TestPhrases checks the time tagger, the deadline finder and the event
// finder on the phrase table.
func TestPhrases(t *testing.T) {
	const path = "testdata/deadlines/phrases.txt"
	cases, pub := readPhrases(t, path)
	counts := map[string]int{}
	for _, c := range cases {
		counts[c.kind]++
		t.Run(fmt.Sprintf("%d_%s", c.line, c.kind), func(t *testing.T) {
			sents := timeSentences(c.sents...)
			var got, want string
			switch c.kind {
			case "time":
				got, want = phraseTime(c.sents[0], pub, c.want[0]), strings.Join(c.want, " | ")
			case "notime":
				got, want = fmt.Sprint(texts(tagTimes(c.sents[0], pub))), "[]"
			case "deadline":
				ds := findDeadlines(sents, newRegistry(sents), pub)
				if len(ds) != 1 {
					t.Fatalf("%s:%d: findDeadlines(%q) = %d deadlines %+v, want 1", path, c.line, c.sents, len(ds), ds)
				}
				got, want = deadlineFields(ds[0], c.want[0]), c.want[0]
			case "none":
				ds := findDeadlines(sents, newRegistry(sents), pub)
				got, want = fmt.Sprint(len(ds)), "0"
			case "event", "noevent":
				var evs []string
				for _, e := range findEvents(sents, pub) {
					evs = append(evs, e.When.Format(time.DateOnly)+" "+string(e.Precision)+" | "+e.Phrase)
				}
				got, want = strings.Join(evs, "; "), strings.Join(c.want, " | ")
			default:
				t.Fatalf("%s:%d: unknown kind %q", path, c.line, c.kind)
			}
			if got != want {
				t.Errorf("%s:%d: %s %q = %q, want %q", path, c.line, c.kind, c.sents, got, want)
			}
		})
	}
	negatives := counts["notime"] + counts["none"] + counts["noevent"]
	if len(cases) < 60 || negatives < 15 {
		t.Errorf("%s: %d cases, %d that must not match; want at least 60 and 15", path, len(cases), negatives)
	}
	t.Logf("%s: %d cases (%v), %d must not match", path, len(cases), counts, negatives)
}

// phraseTime describes the expression of sent whose text is phrase as
// "phrase | kind value precision [min-max]", or "-" for none.
func phraseTime(sent string, pub time.Time, phrase string) string {
	for _, x := range tagTimes(sent, pub) {
		if x.Text != phrase {
			continue
		}
		value := "-"
		if x.resolved() {
			value = x.Value.Format(time.DateOnly)
		}
		s := fmt.Sprintf("%s | %s %s %s", x.Text, x.Kind, value, x.Precision)
		if x.Max > 0 {
			s += fmt.Sprintf(" %d-%d", x.Min, x.Max)
		}
		return s
	}
	return fmt.Sprintf("no %q in %q", phrase, texts(tagTimes(sent, pub)))
}

// deadlineFields writes d with the keys spec names, in spec's order, as
// "key=value; ...".
func deadlineFields(d Deadline, spec string) string {
	var out []string
	for _, kv := range strings.Split(spec, ";") {
		key, _, _ := strings.Cut(strings.TrimSpace(kv), "=")
		var v string
		switch key {
		case "due":
			v = "-"
			if !d.Due.IsZero() {
				v = d.Due.Format(time.DateOnly)
			}
		case "prec":
			v = string(d.Precision)
		case "by":
			v = d.SetBy
		case "for":
			v = d.Target
		case "demand":
			v = d.Demand
		case "otherwise":
			v = d.Consequence
		case "len":
			var ls []string
			for _, r := range d.History {
				ls = append(ls, strconv.Itoa(r.LengthDays))
			}
			v = strings.Join(ls, ",")
		case "approx":
			if !slices.ContainsFunc(d.History[:1], func(r Revision) bool { return r.Approx }) {
				key = "not approx"
			}
			out = append(out, key)
			continue
		default:
			v = "unknown key"
		}
		out = append(out, key+"="+v)
	}
	return strings.Join(out, "; ")
}
