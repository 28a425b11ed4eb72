package console_test

import (
	"context"
	"strings"
	"testing"
	"unicode"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/platforms/console"
	"github.com/briefbot/briefbot/platforms/hostiletest"
)

func TestSanitizeEscapeSequences(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"csi colour", "a\x1b[1;31mred\x1b[0m b", "ared b"},
		{"csi clear and move", "\x1b[2J\x1b[H\x1b[10;20Hhi", "hi"},
		{"csi private", "\x1b[?25lhidden cursor\x1b[?25h", "hidden cursor"},
		{"osc title bel", "x\x1b]0;pwned\x07y", "xy"},
		{"osc hyperlink st", "\x1b]8;;http://evil.example\x1b\\click\x1b]8;;\x1b\\", "click"},
		{"osc unterminated ends at the line", "a\x1b]0;title\nnext", "a\nnext"},
		{"dcs", "a\x1bPq#0;2;0;0;0\x1b\\b", "ab"},
		{"two-character", "a\x1bcb\x1b7c\x1b(Bd", "abcd"},
		{"8-bit csi", "a\u009b31mb", "ab"},
		{"8-bit osc", "a\u009d0;t\u009cb", "ab"},
		{"lone esc at the end", "abc\x1b", "abc"},
		{"esc before text", "a\x1b\x1b[31mb", "ab"},
		{"bidi override", "abc\u202egnp.exe \u2066x\u2069", "abcgnp.exe x"},
		{"backspace and cr", "safe\b\b\b\bevil\rover", "safeevilover"},
		{"kept", "tab\tnew\nline ＠everyone [x](y)", "tab\tnew\nline ＠everyone [x](y)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := console.Sanitize(tt.in); got != tt.want {
				t.Errorf("Sanitize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestHostileTextNeverReachesTheTerminal echoes every hostile text as a
// typed line, renders it as an article-filled reply, and posts it, and
// checks the output holds no control character but newline and tab, and
// no bidirectional control.
func TestHostileTextNeverReachesTheTerminal(t *testing.T) {
	echo := func(_ context.Context, m bot.Message) ([]bot.Reply, error) {
		if strings.HasPrefix(m.Text, "refuse") {
			return nil, &bot.Error{Message: "I cannot answer " + m.Text}
		}
		return []bot.Reply{{Title: "echo", Text: m.Text}}, nil
	}
	for _, c := range hostiletest.Cases {
		t.Run(c.Name, func(t *testing.T) {
			line := strings.NewReplacer("\n", " ", "\r", " ").Replace(c.Text)
			var out strings.Builder
			a := console.New(strings.NewReader(line+"\nrefuse "+line+"\n"), &out, "", nil)
			if err := a.Listen(t.Context(), handlerFunc(echo)); err != nil {
				t.Fatal(err)
			}
			if _, err := a.Post(t.Context(), hostiletest.Reply(c)); err != nil {
				t.Fatal(err)
			}
			bad := strings.IndexFunc(out.String(), func(r rune) bool {
				return (unicode.IsControl(r) && r != '\n' && r != '\t') || (r >= '\u202a' && r <= '\u202e') || (r >= '\u2066' && r <= '\u2069')
			})
			if bad >= 0 {
				t.Errorf("the output holds a control character at %d: %q", bad, out.String()[bad:min(len(out.String()), bad+20)])
			}
			if c.Name == "terminal" && strings.Contains(out.String(), "[31m") {
				t.Errorf("an escape sequence left its parameters behind: %q", out.String())
			}
		})
	}
}
