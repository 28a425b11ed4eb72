package console_test

import (
	"context"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/platforms/console"
)

var update = flag.Bool("update", false, "rewrite golden files")

// handlerFunc adapts a function to bot.Handler.
type handlerFunc func(ctx context.Context, m bot.Message) ([]bot.Reply, error)

func (f handlerFunc) Handle(ctx context.Context, m bot.Message) ([]bot.Reply, error) {
	return f(ctx, m)
}

func TestListenAnswersEachLineAndEndsAtEOF(t *testing.T) {
	var got []bot.Message
	h := handlerFunc(func(_ context.Context, m bot.Message) ([]bot.Reply, error) {
		got = append(got, m)
		switch m.Text {
		case "bad":
			return nil, &bot.Error{Message: "No such command: bad."}
		case "boom":
			return nil, errors.New("index exploded at /secret/path")
		}
		return []bot.Reply{{Title: "echo", Text: m.Text}}, nil
	})
	var out strings.Builder
	a := console.New(strings.NewReader("hello\n\n   \nbad\nboom\nlast line without newline"), &out, "", nil)
	if err := a.Listen(t.Context(), h); err != nil {
		t.Fatalf("Listen() = %v, want nil at end of input", err)
	}
	if len(got) != 4 {
		t.Fatalf("handler saw %d messages, want 4 (blank lines skipped): %+v", len(got), got)
	}
	if !reflect.DeepEqual(got[0], bot.Message{Platform: "console", Channel: "console", User: "console", Text: "hello"}) {
		t.Errorf("first message = %+v", got[0])
	}
	text := out.String()
	for _, want := range []string{"echo\n====\nhello\n", "No such command: bad.", "Sorry, something went wrong.", "last line without newline"} {
		if !strings.Contains(text, want) {
			t.Errorf("output lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "/secret/path") {
		t.Errorf("an internal error reached the user:\n%s", text)
	}
}

func TestListenPromptsOnATerminal(t *testing.T) {
	var out strings.Builder
	h := handlerFunc(func(context.Context, bot.Message) ([]bot.Reply, error) { return []bot.Reply{{Text: "ok"}}, nil })
	if err := console.New(strings.NewReader("a\nb\n"), &out, "> ", nil).Listen(t.Context(), h); err != nil {
		t.Fatal(err)
	}
	if got, want := out.String(), "> ok\n\n> ok\n\n> \n"; got != want {
		t.Errorf("output = %q, want %q", got, want)
	}
}

func TestListenStopsWhenContextEnds(t *testing.T) {
	r, w := io.Pipe()
	defer w.Close()
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	h := handlerFunc(func(context.Context, bot.Message) ([]bot.Reply, error) { return nil, nil })
	go func() { done <- console.New(r, io.Discard, "", nil).Listen(ctx, h) }()
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("Listen() = %v, want context.Canceled", err)
		}
	case <-time.After(10 * time.Second): // a hang guard, not a timing assertion
		t.Fatal("Listen did not return after its context ended")
	}
}

func TestPostWritesTheReply(t *testing.T) {
	var out strings.Builder
	id, err := console.New(strings.NewReader(""), &out, "", nil).Post(t.Context(), bot.Reply{Title: "Digest", Text: "nothing new"})
	if err != nil || id != "" {
		t.Fatalf("Post() = %q, %v", id, err)
	}
	if !strings.Contains(out.String(), "Digest\n======\nnothing new") {
		t.Errorf("output = %q", out.String())
	}
}

func TestRenderGolden(t *testing.T) {
	r := bot.Reply{
		Title: "Deadline status",
		Text:  "1 deadline in 2 articles.",
		Sections: []bot.Section{
			{Heading: "Donald Trump → Vladimir Putin", Items: []bot.Item{
				{Text: "stop the war, or sanctions and tariffs", Source: 0},
				{Text: "50 days, cut to 10 days\nends in the week of 4 Aug 2025", Source: 1},
			}},
			{Items: []bot.Item{{Text: "uncited line", Source: -1}, {Text: "out of range", Source: 7}}},
		},
		Sources: []bot.Source{
			{Title: "Why have relations deteriorated?", Outlet: "Desk Report", Published: time.Date(2025, 8, 6, 0, 0, 0, 0, time.UTC)},
			{Title: "Raw copy", URL: "https://example.org/a"},
		},
	}
	got := console.Render(r)
	path := filepath.Join("testdata", "render.golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden (run go test -update to create it): %v", err)
	}
	if got != string(want) {
		t.Errorf("Render() =\n%s\nwant\n%s", got, want)
	}
}

func TestSanitize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"red \x1b[31mtext\x1b[0m", "red text"},
		{"bell\a and\rreturn", "bell and" + "return"},
		{"keeps\nnewlines\tand tabs", "keeps\nnewlines\tand tabs"},
		{"bad \xff byte", "bad \uFFFD byte"},
		{"line\u2028sep", "linesep"},
	}
	for _, tt := range tests {
		if got := console.Sanitize(tt.in); got != tt.want {
			t.Errorf("Sanitize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestListenSurvivesAHugeLine(t *testing.T) {
	var got []int
	h := handlerFunc(func(_ context.Context, m bot.Message) ([]bot.Reply, error) {
		got = append(got, len(m.Text))
		if len(m.Text) > 4000 {
			return nil, &bot.Error{Message: "That message is too long."}
		}
		return []bot.Reply{{Text: "ok"}}, nil
	})
	in := "help\n" + strings.Repeat("x", 2<<20) + "\r\nsources\n"
	var out strings.Builder
	if err := console.New(strings.NewReader(in), &out, "", nil).Listen(t.Context(), h); err != nil {
		t.Fatalf("Listen() = %v", err)
	}
	if len(got) != 3 || got[0] != 4 || got[1] != 64<<10 || got[2] != 7 {
		t.Errorf("handler saw lines of lengths %v, want [4 65536 7]: a 2 MB line is cut, and the next line still arrives", got)
	}
	if !strings.Contains(out.String(), "That message is too long.") {
		t.Errorf("output = %q", out.String())
	}
}
