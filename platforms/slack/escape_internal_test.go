package slack

import "testing"

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

func TestLink(t *testing.T) {
	tests := []struct{ url, label, want string }{
		{"https://example.org/a?x=1&y=2", "A & B", "<https://example.org/a?x=1&amp;y=2|A &amp; B>"},
		{"https://example.org/x|<!here>", "t", "<https://example.org/x%7C%3C%21here%3E|t>"},
		{"https://example.org/a b", "", "<https://example.org/a%20b|https://example.org/a%20b>"},
		{"javascript:alert(1)", "<!channel>", "&lt;!channel&gt;"},
		{"", "no url", "no url"},
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
