package discord_test

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/platforms/discord"
)

// words returns n numbered words ("w0001 w0002 …"), each 5 characters
// and a space: text whose cuts a golden file can show.
func words(from, n int) string {
	ws := make([]string, n)
	for i := range ws {
		ws[i] = fmt.Sprintf("w%04d", from+i)
	}
	return strings.Join(ws, " ")
}

// textOf returns exactly n characters of words.
func textOf(n int) string { return words(1, n/6+1)[:n] }

func items(n int, text func(i int) string) []bot.Item {
	out := make([]bot.Item, n)
	for i := range out {
		out[i] = bot.Item{Text: text(i), Source: -1}
	}
	return out
}

var splitCases = []struct {
	name  string
	reply bot.Reply
}{
	{"content-at-2000", bot.Reply{Text: textOf(2000)}},
	{"content-over-2000", bot.Reply{Text: textOf(2001)}},
	{"title-over-256", bot.Reply{Title: words(1, 50), Text: "lead"}},
	{"description-at-4096", bot.Reply{Title: "t", Text: textOf(4096)}},
	{"description-over-4096", bot.Reply{Title: "t", Text: textOf(4097)}},
	{"field-value-over-1024", bot.Reply{Title: "t", Sections: []bot.Section{{Heading: "h", Items: items(1, func(int) string { return words(1, 200) })}}}},
	{"fields-over-25", bot.Reply{Title: "t", Sections: func() []bot.Section {
		var ss []bot.Section
		for i := range 26 {
			ss = append(ss, bot.Section{Heading: fmt.Sprintf("h%02d", i), Items: items(1, func(int) string { return words(i+1, 1) })})
		}
		return ss
	}()}},
	{"message-over-6000", bot.Reply{Title: "t", Sections: []bot.Section{{Heading: "h", Items: items(7, func(i int) string { return words(i*200+1, 160) })}}}},
	{"embeds-over-10", bot.Reply{Title: "t", Sections: func() []bot.Section {
		var ss []bot.Section
		for i := range 260 {
			ss = append(ss, bot.Section{Heading: fmt.Sprintf("h%03d", i), Items: items(1, func(int) string { return words(i+1, 1) })})
		}
		return ss
	}()}},
	{"footer-over-2048", bot.Reply{Title: "t", Text: "lead", Footer: "Page 1 of 2.", Sources: func() []bot.Source {
		var ss []bot.Source
		for i := range 30 {
			ss = append(ss, bot.Source{Title: words(i*20+1, 12), Outlet: "Outlet", URL: fmt.Sprintf("https://example.org/%d", i)})
		}
		return ss
	}()}},
	{"emoji-count-twice", bot.Reply{Text: strings.Repeat("😀", 1001)}},
}

// TestSplitAtEachLimit renders replies just at and just over each of
// Discord's limits, checks every rendered message against the limits and
// that every word arrives once and in order, and pins the layout.
func TestSplitAtEachLimit(t *testing.T) {
	for _, tt := range splitCases {
		t.Run(tt.name, func(t *testing.T) {
			msgs := discord.Render(tt.reply)
			checkLimits(t, msgs)
			checkWordsInOrder(t, tt.reply, msgs)
			golden(t, "split-"+tt.name+".golden", layout(msgs))
		})
	}
}

// units counts as Discord's limits are checked here: UTF-16 code units.
func units(s string) int { return len(utf16.Encode([]rune(s))) }

func checkLimits(t *testing.T, msgs []discord.Message) {
	t.Helper()
	for i, m := range msgs {
		if units(m.Content) > 2000 || len(m.Embeds) > 10 || (m.Content == "" && len(m.Embeds) == 0) {
			t.Errorf("message %d: content %d, %d embeds", i, units(m.Content), len(m.Embeds))
		}
		total := 0
		for j, e := range m.Embeds {
			size := units(e.Title) + units(e.Description)
			if units(e.Title) > 256 || units(e.Description) > 4096 || len(e.Fields) > 25 {
				t.Errorf("message %d embed %d: title %d, description %d, %d fields", i, j, units(e.Title), units(e.Description), len(e.Fields))
			}
			for _, f := range e.Fields {
				if f.Name == "" || f.Value == "" || units(f.Name) > 256 || units(f.Value) > 1024 {
					t.Errorf("message %d embed %d: field name %d, value %d", i, j, units(f.Name), units(f.Value))
				}
				size += units(f.Name) + units(f.Value)
			}
			if e.Footer != nil {
				if units(e.Footer.Text) > 2048 {
					t.Errorf("message %d embed %d: footer %d", i, j, units(e.Footer.Text))
				}
				size += units(e.Footer.Text)
			}
			total += size
		}
		if total > 6000 {
			t.Errorf("message %d: embeds total %d", i, total)
		}
	}
}

var wordRE = regexp.MustCompile(`w\d{4}`)

func checkWordsInOrder(t *testing.T, r bot.Reply, msgs []discord.Message) {
	t.Helper()
	var in []string
	in = append(in, wordRE.FindAllString(r.Title+" "+r.Text, -1)...)
	for _, s := range r.Sections {
		for _, it := range s.Items {
			in = append(in, wordRE.FindAllString(it.Text, -1)...)
		}
	}
	for _, s := range r.Sources {
		in = append(in, wordRE.FindAllString(s.Title, -1)...)
	}
	got := wordRE.FindAllString(visible(msgs), -1)
	if strings.Join(got, " ") != strings.Join(in, " ") {
		t.Errorf("words out = %d, in = %d: lost, repeated or reordered", len(got), len(in))
	}
}

// visible is the text of msgs in reading order.
func visible(msgs []discord.Message) string {
	var b strings.Builder
	for _, m := range msgs {
		b.WriteString(m.Content + "\n")
		for _, e := range m.Embeds {
			b.WriteString(e.Title + "\n" + e.Description + "\n")
			for _, f := range e.Fields {
				b.WriteString(f.Value + "\n")
			}
			if e.Footer != nil {
				b.WriteString(e.Footer.Text + "\n")
			}
		}
	}
	return b.String()
}

// layout describes msgs: each piece's size and its first and last words.
func layout(msgs []discord.Message) string {
	ends := func(s string) string {
		r := []rune(s)
		if len(r) <= 24 {
			return fmt.Sprintf("%q", s)
		}
		return fmt.Sprintf("%q…%q", string(r[:10]), string(r[len(r)-10:]))
	}
	var b strings.Builder
	for i, m := range msgs {
		fmt.Fprintf(&b, "message %d: content %d %s, %d embeds\n", i+1, units(m.Content), ends(m.Content), len(m.Embeds))
		for j, e := range m.Embeds {
			fmt.Fprintf(&b, "  embed %d: title %d %s, description %d %s, %d fields\n", j+1, units(e.Title), ends(e.Title), units(e.Description), ends(e.Description), len(e.Fields))
			for _, f := range e.Fields {
				fmt.Fprintf(&b, "    field %s: %d %s\n", ends(f.Name), units(f.Value), ends(f.Value))
			}
			if e.Footer != nil {
				fmt.Fprintf(&b, "  footer %d %s\n", units(e.Footer.Text), ends(e.Footer.Text))
			}
		}
	}
	return b.String()
}

func TestRenderGolden(t *testing.T) {
	day := time.Date(2025, 8, 6, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name  string
		reply bot.Reply
	}{
		{"deadline", bot.Reply{
			Title: "Deadline status", Text: "1 deadline in 2 articles.",
			Sections: []bot.Section{
				{Heading: "Donald Trump → Vladimir Putin", Items: []bot.Item{
					{Text: "stop the war, or sanctions and tariffs", Source: 0},
					{Text: "50 days, cut to 10 days\nends in the week of 4 Aug 2025", Source: 1},
				}},
				{Items: []bot.Item{{Text: "uncited line", Source: -1}, {Text: "out of range", Source: 7}}},
			},
			Sources: []bot.Source{
				{Title: "Why have relations deteriorated?", Outlet: "Desk Report", Published: day},
				{Title: "Raw copy", URL: "https://example.org/a_b"},
			},
			Footer: "Page 1 of 3. Say `more` for the next page.",
		}},
		{"text-only", bot.Reply{Text: "There is no more to show: ask a question or type `help`."}},
		{"hostile", bot.Reply{
			Title: "**bold** @everyone", Text: "> quote\n# heading\n-# small\n||spoiler|| ~~strike~~ __u__ [link](https://evil.example) `code @here` ```block``` \\",
			Sections: []bot.Section{{Heading: "<@&456>", Items: []bot.Item{{Text: "<@123> said <#789> *hi*", Source: 0}}}},
			Sources:  []bot.Source{{Title: "@here *Title*", Outlet: "<@1>", URL: "https://example.org/x_y?q=*"}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			enc := json.NewEncoder(&b)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "  ")
			if err := enc.Encode(discord.Render(tt.reply)); err != nil {
				t.Fatal(err)
			}
			golden(t, "render-"+tt.name+".golden", b.String())
		})
	}
}

func TestRenderPlainGolden(t *testing.T) {
	r := bot.Reply{
		Title: "Who said what", Text: "2 speakers.",
		Sections: []bot.Section{{Heading: "Nina Khrushcheva", Items: []bot.Item{{Text: "Putin will *continue* the war", Source: 0}}}},
		Sources:  []bot.Source{{Title: "Putin and Trump", Outlet: "Desk Report", URL: "https://example.org/a_b"}},
		Footer:   "Page 1 of 2.",
	}
	var b strings.Builder
	for i, m := range discord.RenderPlain(r) {
		fmt.Fprintf(&b, "--- message %d\n%s\n", i+1, m.Content)
	}
	golden(t, "render-plain.golden", b.String())
}
