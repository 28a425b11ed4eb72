// Package console is the terminal platform: it reads one message a line on
// an input and writes plain-text answers on an output. It is the default
// platform when no chat platform is configured and the one tests drive.
package console

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"

	"github.com/briefbot/briefbot/bot"
)

// maxLine is the longest input line kept whole; of a longer line the first
// maxLine bytes are delivered (so the handler can say it is too long) and
// the rest is read and dropped, so memory stays bounded.
const maxLine = 64 << 10

// Adapter is the console platform. It is safe for concurrent Post calls.
type Adapter struct {
	in     io.Reader
	out    io.Writer
	prompt string
	log    *slog.Logger

	mu sync.Mutex // serialises writes to out
}

var _ bot.Platform = (*Adapter)(nil)

// New returns an adapter reading lines from in and writing answers to out.
// A non-empty prompt is printed before each line is read (for a terminal;
// pass "" when the input is piped).
func New(in io.Reader, out io.Writer, prompt string, log *slog.Logger) *Adapter {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Adapter{in: in, out: out, prompt: prompt, log: log}
}

// Listen reads lines until the input ends (it returns nil then) or ctx is
// done (it returns ctx.Err()). Each non-empty line goes to h as a message
// from user "console" in channel "console", and the replies are written
// before the next line is read. A handler error is shown as its *bot.Error
// message, or as a generic apology (and logged) for any other error.
//
// Reading happens in a goroutine owned by Listen; when ctx ends first, that
// goroutine ends at the input's next line or end.
func (a *Adapter) Listen(ctx context.Context, h bot.Handler) error {
	lines := make(chan string)
	readErr := make(chan error, 1)
	next := make(chan struct{}, 1)
	go func() {
		defer close(lines)
		br := bufio.NewReader(a.in)
		for {
			a.write(a.prompt)
			line, err := readLine(br)
			if err != nil && line == "" {
				if errors.Is(err, io.EOF) {
					err = nil
				}
				readErr <- err
				return
			}
			select {
			case lines <- line:
			case <-ctx.Done():
				return
			}
			select {
			case <-next:
			case <-ctx.Done():
				return
			}
		}
	}()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case line, ok := <-lines:
			if !ok {
				if err := <-readErr; err != nil {
					return fmt.Errorf("read console input: %w", err)
				}
				if a.prompt != "" {
					a.write("\n") // leave the terminal on a fresh line after the last prompt
				}
				return nil
			}
			a.answer(ctx, h, line)
			next <- struct{}{}
		}
	}
}

func (a *Adapter) answer(ctx context.Context, h bot.Handler, line string) {
	if strings.TrimSpace(line) == "" {
		return
	}
	replies, err := h.Handle(ctx, bot.Message{Platform: "console", Channel: "console", User: "console", Text: line})
	if err != nil {
		var be *bot.Error
		if errors.As(err, &be) {
			a.write(Sanitize(be.Message) + "\n\n")
			return
		}
		a.log.Error("handle console message", "err", err)
		a.write("Sorry, something went wrong.\n\n")
		return
	}
	for _, r := range replies {
		a.write(Render(r) + "\n")
	}
}

// Post writes r to the output and returns an empty message ID: the console
// has none.
func (a *Adapter) Post(ctx context.Context, r bot.Reply) (string, error) {
	if err := ctx.Err(); err != nil {
		return "", err
	}
	a.write(Render(r) + "\n")
	return "", nil
}

func (a *Adapter) write(s string) {
	if s == "" {
		return
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if _, err := io.WriteString(a.out, s); err != nil {
		a.log.Warn("write console output", "err", err)
	}
}

// readLine reads one line without its line ending, keeping at most maxLine
// bytes of it. It returns the line and nil, or the last unterminated line
// and io.EOF, or "" and the read error.
func readLine(br *bufio.Reader) (string, error) {
	var buf []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if room := maxLine - len(buf); room > 0 {
			buf = append(buf, chunk[:min(len(chunk), room)]...)
		}
		switch {
		case err == nil:
			return strings.TrimRight(string(buf), "\r\n"), nil
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		default:
			return strings.TrimRight(string(buf), "\r\n"), err
		}
	}
}
