package bot_test

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/briefbot/briefbot/bot"
)

func TestSplitText(t *testing.T) {
	tests := []struct {
		name string
		s    string
		max  int
		want []string
	}{
		{"fits", "short text", 20, []string{"short text"}},
		{"empty", "  ", 10, nil},
		{"paragraphs first", "aaaa bbbb\n\ncccc dddd", 15, []string{"aaaa bbbb", "cccc dddd"}},
		{"then lines", "aaaa bbbb\ncccc dddd", 15, []string{"aaaa bbbb", "cccc dddd"}},
		{"then words", "aaaa bbbb cccc dddd", 10, []string{"aaaa bbbb", "cccc dddd"}},
		{"separator just past the limit", "aaaa bbbb cccc", 9, []string{"aaaa bbbb", "cccc"}},
		{"long word is cut", "abcdefghij", 4, []string{"abcd", "efgh", "ij"}},
		{"never inside a character", "ééééé", 5, []string{"éé", "éé", "é"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := bot.SplitText(tt.s, tt.max)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("SplitText(%q, %d) = %q, want %q", tt.s, tt.max, got, tt.want)
			}
		})
	}
}

func TestSplitTextKeepsEverythingWithinTheLimit(t *testing.T) {
	s := strings.Repeat("Paragraph one has words.\nA second line with “quotes” — and dashes.\n\n", 200) + strings.Repeat("x", 5000)
	for _, max := range []int{4, 7, 100, 2000, 3000} {
		pieces := bot.SplitText(s, max)
		for i, p := range pieces {
			if len(p) > max || !utf8.ValidString(p) || p == "" {
				t.Fatalf("SplitText(_, %d) piece %d has %d bytes (valid UTF-8 %v)", max, i, len(p), utf8.ValidString(p))
			}
		}
		if got, want := strings.Join(strings.Fields(strings.Join(pieces, "")), ""), strings.Join(strings.Fields(s), ""); got != want {
			t.Errorf("SplitText(_, %d) lost or changed text", max)
		}
	}
}
