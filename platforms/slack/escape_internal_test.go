package slack

import (
	"strings"
	"testing"
)

func TestEscape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"AT&T <b>", "AT&amp;T &lt;b&gt;"},
		{"<!channel> <!here> <!everyone>", "&lt;!channel&gt; &lt;!here&gt; &lt;!everyone&gt;"},
		{"<@U024BE7LH> <#C123|general> <!subteam^S1|@team>", "&lt;@U024BE7LH&gt; &lt;#C123|general&gt; &lt;!subteam^S1|@team&gt;"},
		{"&amp; stays visible", "&amp;amp; stays visible"},
	}
	for _, tt := range tests {
		if got := escape(tt.in); got != tt.want {
			t.Errorf("escape(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := unescape(escape(tt.in)); got != tt.in {
			t.Errorf("unescape(escape(%q)) = %q", tt.in, got)
		}
	}
}

// TestNeutralize shows each mrkdwn character guarded by zero-width spaces
// (written "·" here) unless it sits in a word, an inline code span or a URL.
func TestNeutralize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"*bold* _it_ ~s~", "·*·bold·*· ·_·it·_· ·~·s·~·"},
		{"snake_case a*b", "snake_case a*b"},
		{"say `more` please", "say `more` please"},
		{"```\ncode\n```", "·`··`··`·\ncode\n·`··`··`·"},
		{"a `lone tick", "a ·`·lone tick"},
		{"> quote\n  > indented\na > b", "·&gt; quote\n  ·&gt; indented\na &gt; b"},
		{"see https://x.org/a_b*c and _x_", "see https://x.org/a_b*c and ·_·x·_·"},
		{"https://x.org/```", "https://x.org/·`··`··`·"},
		{"\x1b[31mred\a\u202egnp", "[31mredgnp"},
	}
	for _, tt := range tests {
		got := strings.ReplaceAll(escape(tt.in), zwsp, "·")
		if got != tt.want {
			t.Errorf("escape(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLink(t *testing.T) {
	tests := []struct{ url, label, want string }{
		{"https://example.org/a?x=1&y=2", "A & B", "<https://example.org/a?x=1&amp;y=2|A &amp; B>"},
		{"https://example.org/x|<!here>", "t", "<https://example.org/x%7C%3C%21here%3E|t>"},
		{"https://example.org/a b", "", "<https://example.org/a%20b|https://example.org/a%20b>"},
		{"javascript:alert(1)", "<!channel>", "&lt;!channel&gt;"},
		{"", "no url", "no url"},
		{"https://example.org/\u202egnp.exe", "t", "t"},
		{"https://example.org/a\u200bb", "t", "t"},
		{"/relative", "rel", "rel"},
	}
	for _, tt := range tests {
		if got := link(tt.url, tt.label); got != tt.want {
			t.Errorf("link(%q, %q) = %q, want %q", tt.url, tt.label, got, tt.want)
		}
	}
}

func TestStripMention(t *testing.T) {
	tests := []struct{ in, want string }{
		{"<@UBOT> deadline status", "deadline status"},
		{"  <@UBOT|briefbot>   help ", "help"},
		{"<@UBOT>", ""},
		{"<@UOTHER> what did <@UBOT> say", "<@UOTHER> what did <@UBOT> say"},
		{"what did AT&amp;T say", "what did AT&T say"},
		{"deadline &lt;status&gt;", "deadline <status>"},
	}
	for _, tt := range tests {
		if got := stripMention(tt.in, "UBOT"); got != tt.want {
			t.Errorf("stripMention(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// BenchmarkEscape escapes an article-sized paragraph with some markup in
// it, as every text of a reply is; MB/s is the figure to compare.
func BenchmarkEscape(b *testing.B) {
	text := strings.Repeat("Officials said the *deadline* for snake_case talks, set at <50 days> & cut to 10, ends https://example.org/a_b. ", 40)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		escape(text)
	}
}
