package discord_test

import (
	"testing"

	"github.com/briefbot/briefbot/platforms/discord"
)

func TestEscape(t *testing.T) {
	const z = "\u200b"
	tests := []struct{ in, want string }{
		{"plain words", "plain words"},
		{"@everyone and @here", "@" + z + "everyone and @" + z + "here"},
		{"@EveryOne", "@" + z + "EveryOne"},
		{"<@123> <@!123> <@&456> <#789>", "<" + z + "@123> <" + z + "@!123> <" + z + "@&456> <" + z + "#789>"},
		{"**bold** __u__ ~~s~~ ||spoiler||", `\*\*bold\*\* \_\_u\_\_ \~\~s\~\~ \|\|spoiler\|\|`},
		{"[text](https://x.example)", `\[text\](https://x.example)`},
		{"> quote\n# h1\n  ## h2\n-# small\na > b # c", "\\> quote\n\\# h1\n  \\## h2\n\\-# small\na > b # c"},
		{"say `more` please", "say `more` please"},
		{"`@everyone`", "`@" + z + "everyone`"},
		{"```go\ncode```", "\\`\\`\\`go\ncode\\`\\`\\`"},
		{"a `lone backtick", "a \\`lone backtick"},
		{"see https://example.org/a_b*c and snake_case", "see https://example.org/a_b*c and snake\\_case"},
		{`back\slash`, `back\\slash`},
		{"bell\a and\x1b[31m red\r", `bell and\[31m red`},
		{"bad \xff byte", "bad \uFFFD byte"},
		{"abc\u202egnp.exe \u2066iso\u2069", "abcgnp.exe iso"},
		{"＠everyone @\u200bhere", "＠everyone @\u200bhere"},
	}
	for _, tt := range tests {
		if got := discord.Escape(tt.in); got != tt.want {
			t.Errorf("Escape(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestEscapePlain(t *testing.T) {
	tests := []struct{ in, want string }{
		{"*stays* _as_ is", "*stays* _as_ is"},
		{"@here <@1>", "@\u200bhere <\u200b@1>"},
	}
	for _, tt := range tests {
		if got := discord.EscapePlain(tt.in); got != tt.want {
			t.Errorf("EscapePlain(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
