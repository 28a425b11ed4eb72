package slack_test

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/platforms/hostiletest"
	"github.com/briefbot/briefbot/platforms/slack/slackfake"
)

// deliveredText is text as Slack delivers what a user typed: &, < and >
// as entities.
var deliveredText = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// TestHostileTextOnTheWire runs every hostile text through the adapter as
// an echoed user message (a DM) and as an article-filled reply (Post), and
// checks what the fake Slack received: parse=none and link_names=false,
// no mention or link but those built from a source's http(s) URL, no code
// block or quote, no control character, Block Kit's limits kept, and the
// text itself kept (compared with testdata/hostile.golden).
func TestHostileTextOnTheWire(t *testing.T) {
	f := newFake(t, 0)
	a := listen(t, f, nil).a
	var golden strings.Builder
	for i, c := range hostiletest.Cases {
		dm := fmt.Sprintf("D%d", i)
		sendAndAck(t, f, slackfake.DM(fmt.Sprintf("Ev%d", i), dm, "U1", fmt.Sprintf("1700000000.%06d", i), deliveredText.Replace(c.Text)))
		echoed := waitPosts(t, f, dm, 1)
		post := fmt.Sprintf("P%d", i)
		if _, err := a.Post(waitCtx(t), withChannel(hostiletest.Reply(c), post)); err != nil {
			t.Fatalf("%s: Post() = %v", c.Name, err)
		}
		posted := f.Posts()
		var mine []slackfake.Post
		for _, p := range posted {
			if p.Channel == post {
				mine = append(mine, p)
			}
		}
		for _, p := range append(echoed, mine...) {
			checkWirePost(t, c.Name, p)
		}
		if c.Name != "long" {
			if got, want := visible(echoed[0].BlockTexts()[1]), strings.ReplaceAll(printable(c.Text), "\u200b", ""); got != want {
				t.Errorf("%s: the echo shows %q, want %q", c.Name, got, want)
			}
			fmt.Fprintf(&golden, "== %s\necho:", c.Name)
			for _, txt := range echoed[0].BlockTexts() {
				fmt.Fprintf(&golden, " %q", txt)
			}
			golden.WriteString("\npost:")
			for _, txt := range mine[0].BlockTexts() {
				fmt.Fprintf(&golden, " %q", txt)
			}
			fmt.Fprintf(&golden, "\nfallback: %q\n", mine[0].Text)
		}
	}
	// A /brief answer goes through its response_url, also with parse=none.
	sendAndAck(t, f, f.Slash("S1", "U1", deliveredText.Replace(hostiletest.Cases[1].Text), "trig1"))
	if p := waitPosts(t, f, "S1", 1)[0]; p.Via != "response_url" {
		t.Errorf("/brief answered via %s, want its response_url", p.Via)
	} else {
		checkWirePost(t, "slash", p)
	}
	checkGolden(t, filepath.Join("testdata", "hostile.golden"), golden.String())
}

func withChannel(r bot.Reply, ch string) bot.Reply { r.Channel = ch; return r }

// linkRe matches the only links the adapter makes: <http(s)://…|label>.
var linkRe = regexp.MustCompile(`<https?://[^<>| ]+\|[^<>]*>`)

// checkWirePost checks one post as the fake received it.
func checkWirePost(t *testing.T, name string, p slackfake.Post) {
	t.Helper()
	if p.Parse != "none" || (p.Via == "chat.postMessage" && p.LinkNames != "false") {
		t.Errorf("%s: %s sent parse=%q link_names=%q, want none and false", name, p.Via, p.Parse, p.LinkNames)
	}
	texts := append([]string{p.Text}, p.BlockTexts()...)
	var blocks []struct {
		Type string `json:"type"`
		Text *struct {
			Text string `json:"text"`
		} `json:"text"`
	}
	if err := json.Unmarshal(p.Blocks, &blocks); err != nil {
		t.Fatalf("%s: the blocks are not JSON: %v", name, err)
	}
	if len(blocks) > 50 {
		t.Errorf("%s: %d blocks in one message, over 50", name, len(blocks))
	}
	for _, b := range blocks {
		if b.Type == "header" && utf8.RuneCountInString(b.Text.Text) > 150 {
			t.Errorf("%s: a header of %d characters, over 150", name, utf8.RuneCountInString(b.Text.Text))
		}
	}
	for _, txt := range texts {
		rest := linkRe.ReplaceAllString(txt, "")
		if strings.ContainsAny(rest, "<>") {
			t.Errorf("%s: a live < or > in %q", name, txt)
		}
		if strings.Contains(txt, "```") {
			t.Errorf("%s: a code fence in %q", name, txt)
		}
		for _, line := range strings.Split(txt, "\n") {
			if l := strings.TrimLeft(line, " \t"); strings.HasPrefix(l, "&gt;") || strings.HasPrefix(l, ">") {
				t.Errorf("%s: a quote in %q", name, txt)
			}
		}
		if strings.ContainsFunc(txt, func(r rune) bool { return unicode.IsControl(r) && r != '\n' && r != '\t' }) {
			t.Errorf("%s: a control character in %q", name, txt)
		}
		if utf8.RuneCountInString(txt) > 3000 {
			t.Errorf("%s: a text of %d characters, over 3000", name, utf8.RuneCountInString(txt))
		}
	}
}

// visible is what Slack shows of an escaped text: entities decoded, the
// zero-width spaces gone.
func visible(s string) string {
	return strings.NewReplacer("\u200b", "", "&lt;", "<", "&gt;", ">", "&amp;", "&").Replace(s)
}

// printable is s as the adapter shows it after JSON carried it: without
// control characters or bidirectional controls, each invalid byte as
// U+FFFD.
func printable(s string) string {
	var b strings.Builder
	for _, r := range s { // an invalid byte is utf8.RuneError
		if (unicode.IsControl(r) && r != '\n' && r != '\t') || (r >= '\u202a' && r <= '\u202e') || (r >= '\u2066' && r <= '\u2069') {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// checkGolden compares got with the golden file, or rewrites it with
// -update.
func checkGolden(t *testing.T, path, got string) {
	t.Helper()
	if flag.Lookup("update").Value.(flag.Getter).Get().(bool) { // -update, defined in render_internal_test.go
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("wire texts differ from %s (run with -update to accept):\n%s", path, got)
	}
}
