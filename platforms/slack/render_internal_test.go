package slack

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	slackapi "github.com/slack-go/slack"

	"github.com/briefbot/briefbot/bot"
)

var update = flag.Bool("update", false, "rewrite golden files")

// words is n distinct words ("w0001 w0002 …"), so a golden shows where each
// cut fell and a check can find every word.
func words(from, n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "w%05d", from+i)
	}
	return b.String()
}

// renderCases are the replies of the golden files: a typical answer, and
// one reply at each of Slack's limits.
var renderCases = []struct {
	name string
	r    bot.Reply
}{
	{"render-deadline", bot.Reply{
		Title: "Deadline status",
		Text:  "1 deadline in 2 articles.",
		Sections: []bot.Section{
			{Heading: "Donald Trump → Vladimir Putin", Items: []bot.Item{
				{Text: "stop the war, or sanctions & tariffs", Source: 0},
				{Text: "50 days, cut to 10 days\nends in the week of 4 Aug 2025", Source: 1},
			}},
			{Items: []bot.Item{{Text: "uncited line", Source: -1}, {Text: "out of range", Source: 7}}},
		},
		Sources: []bot.Source{
			{Title: "Why have relations deteriorated?", Outlet: "Desk Report", URL: "https://example.org/a?x=1&y=2", Published: time.Date(2025, 8, 6, 0, 0, 0, 0, time.UTC)},
			{Title: "Raw copy", URL: "javascript:alert(1)"},
			{ArticleID: "untitled.txt"},
		},
		Footer: "Page 1 of 3. Say `more` for the next page.",
	}},
	{"render-mentions", bot.Reply{
		Title:    "<!channel> & <@U024BE7LH>",
		Text:     "<!here> <!everyone> <#C123|general> <!subteam^S1> <https://evil.example|click>",
		Sections: []bot.Section{{Heading: "<@U1>", Items: []bot.Item{{Text: "<!channel> said &amp;", Source: 0}}}},
		Sources:  []bot.Source{{Title: "<!here> news|<@U1>", Outlet: "<!everyone>", URL: "https://example.org/x|<!here>"}},
		Footer:   "<!channel>",
	}},
	{"split-section", bot.Reply{Title: "Section limit", Text: words(0, 600) + "\n\n" + words(600, 200) + "\n" + words(800, 400)}},
	{"split-blocks", func() bot.Reply {
		r := bot.Reply{Title: "Block limit"}
		for i := range 120 {
			r.Sections = append(r.Sections, bot.Section{Items: []bot.Item{{Text: words(i, 1), Source: -1}}})
		}
		return r
	}()},
	{"split-message", func() bot.Reply {
		r := bot.Reply{Title: "Message limit"}
		for i := range 6 {
			r.Sections = append(r.Sections, bot.Section{Heading: fmt.Sprint("Part ", i), Items: []bot.Item{{Text: words(i*1000, 400), Source: -1}}})
		}
		return r
	}()},
	{"split-escaping", bot.Reply{Text: strings.Repeat("&", 1000) + " " + strings.Repeat("<!here>", 300)}},
	{"split-title", bot.Reply{Title: "“" + words(0, 40) + "”", Text: "The title above was cut in the header; here it is whole."}},
	{"split-sources", func() bot.Reply {
		r := bot.Reply{Title: "Many sources"}
		for i := range 23 {
			r.Sources = append(r.Sources, bot.Source{Title: words(i, 3), Outlet: "Outlet", URL: fmt.Sprintf("https://example.org/%d", i)})
		}
		return r
	}()},
}

func TestRenderGolden(t *testing.T) {
	for _, tt := range renderCases {
		t.Run(tt.name, func(t *testing.T) {
			msgs := render(tt.r)
			checkLimits(t, msgs)
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false) // keep "&amp;" and "<url|title>" readable
			enc.SetIndent("", "  ")
			if err := enc.Encode(msgs); err != nil {
				t.Fatal(err)
			}
			got := buf.Bytes()
			path := filepath.Join("testdata", tt.name+".golden")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("read golden (run go test -update to create it): %v", err)
			}
			if string(got) != string(want) {
				t.Errorf("render(%s) differs from %s; run go test -update and review the diff:\n%s", tt.name, path, got)
			}
		})
	}
}

// checkLimits fails when a message breaks one of Slack's limits, or when
// the messages are not numbered "(i/n)" in order.
func checkLimits(t *testing.T, msgs []message) {
	t.Helper()
	for i, m := range msgs {
		if len(m.Blocks) > maxBlocks {
			t.Errorf("message %d has %d blocks", i, len(m.Blocks))
		}
		if m.Text == "" || len(m.Text) > maxTextObject {
			t.Errorf("message %d has a fallback of %d bytes", i, len(m.Text))
		}
		total := 0
		for _, txt := range blockTexts(m.Blocks) {
			total += len(txt.text)
			if limit := map[bool]int{true: maxHeader, false: maxTextObject}[txt.header]; len(txt.text) > limit || txt.text == "" {
				t.Errorf("message %d: a text of %d bytes (limit %d)", i, len(txt.text), limit)
			}
		}
		if total > maxMessageText {
			t.Errorf("message %d: %d bytes of text, over %d", i, total, maxMessageText)
		}
		if len(msgs) > 1 && !strings.HasSuffix(m.Text, fmt.Sprintf("(%d/%d)", i+1, len(msgs))) {
			t.Errorf("message %d is not numbered: %q", i, m.Text)
		}
	}
}

type blockText struct {
	text   string
	header bool
}

func blockTexts(blocks []slackapi.Block) []blockText {
	var out []blockText
	for _, b := range blocks {
		switch b := b.(type) {
		case *slackapi.HeaderBlock:
			out = append(out, blockText{b.Text.Text, true})
		case *slackapi.SectionBlock:
			out = append(out, blockText{b.Text.Text, false})
		case *slackapi.ContextBlock:
			if n := len(b.ContextElements.Elements); n > maxContextItems {
				panic(fmt.Sprintf("context block of %d elements", n))
			}
			for _, e := range b.ContextElements.Elements {
				out = append(out, blockText{e.(*slackapi.TextBlockObject).Text, false})
			}
		}
	}
	return out
}

// TestRenderLosesNothing checks that every word of every case shows in its
// messages, whatever the cuts.
func TestRenderLosesNothing(t *testing.T) {
	word := regexp.MustCompile(`w\d{5}`)
	for _, tt := range renderCases {
		var in strings.Builder
		in.WriteString(tt.r.Title + tt.r.Text)
		for _, s := range tt.r.Sections {
			for _, it := range s.Items {
				in.WriteString(" " + it.Text)
			}
		}
		for _, s := range tt.r.Sources {
			in.WriteString(" " + s.Title)
		}
		var out strings.Builder
		for _, m := range render(tt.r) {
			for _, bt := range blockTexts(m.Blocks) {
				out.WriteString(bt.text + " ")
			}
		}
		for _, w := range word.FindAllString(in.String(), -1) {
			if !strings.Contains(out.String(), w) {
				t.Errorf("%s: %s is missing from the messages", tt.name, w)
			}
		}
	}
}

// TestRenderNeverPings checks that no text can ping: the only "<" left
// opens a link built from an http(s) URL.
func TestRenderNeverPings(t *testing.T) {
	link := regexp.MustCompile(`<https?://[^<>| ]+\|[^<>]*>`)
	for _, tt := range renderCases {
		for _, m := range render(tt.r) {
			texts := []string{m.Text}
			for _, bt := range blockTexts(m.Blocks) {
				texts = append(texts, bt.text)
			}
			for _, txt := range texts {
				if rest := link.ReplaceAllString(txt, ""); strings.ContainsAny(rest, "<>") {
					t.Errorf("%s: unescaped control character in %q", tt.name, txt)
				}
			}
		}
	}
}
