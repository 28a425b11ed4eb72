package corpus

import (
	"strings"
	"testing"
)

// TestBuildBodyShares checks that a body is a slice of the text its lines
// were cut from exactly when nothing had to change, and that it is the
// body buildBody builds either way.
func TestBuildBodyShares(t *testing.T) {
	tests := []struct {
		name, src, title string
		shared           bool
	}{
		{"paragraphs one blank line apart", "First para.\n\nSecond para.\n\nThird.", "", true},
		{"blank lines around", "\n\nFirst para.\n\nSecond para.\n\n\n", "", true},
		{"one line", "Only one.", "", true},
		{"two blank lines between", "First.\n\n\nSecond.", "", false},
		{"hard-wrapped", "the deal was\nsigned in Paris.", "", false},
		{"no blank line between", "Talks resume\nThe deal was signed.", "", false},
		{"trailing space", "First. \n\nSecond.", "", false},
		{"leading space", "First.\n\n  Second.", "", false},
		{"CRLF", "First.\r\n\r\nSecond.", "", false},
		{"title repeated first", "Strike ends\n\nFirst.\n\nSecond.", "Strike ends", true},
		{"title repeated between", "First.\n\nStrike ends\n\nSecond.", "Strike ends", false},
		{"empty", "", "", true},
		{"only blank", "\n\n\n", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := buildBodyOf(tt.src, strings.Split(tt.src, "\n"), tt.title)
			want := buildBody(cloneLines(strings.Split(tt.src, "\n")), tt.title)
			if got != want {
				t.Fatalf("body %q, want %q", got, want)
			}
			if shared := got == "" || offsetIn(tt.src, got) >= 0; shared != tt.shared {
				t.Errorf("shared with the text: %v, want %v", shared, tt.shared)
			}
		})
	}
}

// cloneLines copies each line, so none is a slice of the text.
func cloneLines(lines []string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = strings.Clone(l)
	}
	return out
}

func TestOffsetIn(t *testing.T) {
	src := "hello world"
	tests := []struct {
		l    string
		want int
	}{
		{src[6:], 6},
		{src[:5], 0},
		{src, 0},
		{strings.Clone(src[6:]), -1},
		{"", -1},
		{src + "!", -1},
	}
	for _, tt := range tests {
		if got := offsetIn(src, tt.l); got != tt.want {
			t.Errorf("offsetIn(%q) = %d, want %d", tt.l, got, tt.want)
		}
	}
	if got := offsetIn("", "x"); got != -1 {
		t.Errorf("offsetIn of an empty text = %d, want -1", got)
	}
}

// FuzzBuildBody checks that sharing the text never changes a body.
func FuzzBuildBody(f *testing.F) {
	for _, s := range []string{"a\n\nb", "a\nb", " a\n\nb ", "T\n\na\n\nT\n\nb", "a\r\n\r\nb", "x\n\n\n\ny"} {
		f.Add(s, "T")
	}
	f.Fuzz(func(t *testing.T, src, title string) {
		got := buildBodyOf(src, strings.Split(src, "\n"), title)
		if want := buildBody(cloneLines(strings.Split(src, "\n")), title); got != want {
			t.Fatalf("body %q, want %q", got, want)
		}
	})
}
