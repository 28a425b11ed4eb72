package bot

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzParse checks the command parser on any text: it never panics, and on
// valid UTF-8 what it keeps is words of letters, digits and apostrophes,
// single-spaced, within the argument caps, and parsing is deterministic.
// Seeds: testdata/fuzz/FuzzParse and the commands' own forms.
func FuzzParse(f *testing.F) {
	cmds := registry()
	for _, c := range cmds {
		for _, form := range c.forms {
			f.Add(strings.Join(form, " ") + " tariffs")
		}
	}
	f.Add("what did the US President Donald Trump say about Russia")
	f.Add("<@U123> deadline status for Trump")
	f.Fuzz(func(t *testing.T, text string) {
		req := parse(text, cmds)
		if again := parse(text, cmds); again.key() != req.key() || again.name() != req.name() {
			t.Fatalf("parse(%q) twice: %q then %q", text, req.key(), again.key())
		}
		if !utf8.ValidString(text) {
			return // Handle refuses it before parsing
		}
		for _, s := range []string{req.arg, req.about, req.text} {
			if !utf8.ValidString(s) {
				t.Fatalf("parse(%q) kept %q, not valid UTF-8", text, s)
			}
			if strings.Contains(s, "  ") || strings.TrimSpace(s) != s {
				t.Fatalf("parse(%q) kept %q, not single-spaced", text, s)
			}
			for _, r := range s {
				if r != ' ' && r != '\'' && r != '’' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
					t.Fatalf("parse(%q) kept %q with %q, not a word character", text, s, r)
				}
			}
		}
		if n := len(strings.Fields(req.arg)); n > maxArgWords {
			t.Fatalf("parse(%q): argument of %d words, cap %d", text, n, maxArgWords)
		}
		if req.cmd != nil && req.cmd.Name == "what did" && len(strings.Fields(req.arg)) > maxNameWords {
			t.Fatalf("parse(%q): name of more than %d words: %q", text, maxNameWords, req.arg)
		}
		if len(req.words) == 0 && req.name() != "help" {
			t.Fatalf("parse(%q) = %s, want help for a message without words", text, req.name())
		}
	})
}
