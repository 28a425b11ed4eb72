package bot_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/briefbot/briefbot/bot"
)

// hostileInputs are messages someone in a large workspace may send, by
// mistake or not. Each gets a clear reply: an answer, or a *bot.Error
// saying what is wrong (errWant).
var hostileInputs = []struct {
	name, text string
	errWant    string // part of the *bot.Error's message; "" for an answer
}{
	{"over 4 KB", strings.Repeat("summary ", 4096/8+1), "too long (4104 bytes)"},
	{"10,000-word command", "search " + strings.Repeat("tariffs ", 10_000), "too long (80007 bytes)"},
	{"invalid UTF-8", "deadline status \xc3\x28 \xff", "not valid UTF-8"},
	{"lone surrogate bytes", "search \xed\xa0\x80", "not valid UTF-8"},
	{"control characters", "dead\x00line\x07 st\x1batus\r\n\x7f", ""},
	{"only control characters", "\x00\x01\x02\x1b[31m", ""},
	{"terminal escape", "\x1b[2J\x1b[H summary", ""},
	{"regex-looking text", `search (a+)+$ .*.*.*=.*[\w\s]{1,99999} (?i)^(?:x|y)*\1`, ""},
	{"regex alternation bomb", "search " + strings.Repeat("(a|aa)*", 500), ""},
	{"format verbs", "what did %s%n%v%!(EXTRA) say about %d", ""},
	{"mention markup", "<!channel> <!here> @everyone <@U123> <#C1> summary", ""},
	{"mention markup as a name", "what did <!channel> say", ""},
	{"right-to-left override", "search \u202etariffs\u202c \u2066x\u2069", ""},
	{"zero-width joiners", "sea\u200drch tar\u200biffs", ""},
	{"zalgo", "s̷̢̛u̶͇͝m̸̧̛m̷͎̈a̶̹͝r̸̛̺y̴̧͆", ""},
	{"emoji", "🔥🔥🔥 timeline 🚀", ""},
	{"one 4000-byte word", strings.Repeat("x", bot.MaxInputBytes), ""},
	{"2000 one-letter words", strings.Repeat("a ", bot.MaxInputBytes/2), ""},
	{"what did with 1000 names", "what did " + strings.Repeat("Trump ", 650) + "say", ""},
	{"what did with 650 unknown names", "what did " + strings.Repeat("Qwxyz ", 650) + "say", ""},
	{"deadline status of 780 unknown words", "deadline status " + strings.Repeat("Qwxy ", 780), ""},
	{"timeline of 780 unknown words", "timeline " + strings.Repeat("Qwxy ", 780), ""},
	{"summary of 780 unknown words", "summary " + strings.Repeat("Qwxy ", 780), ""},
	{"who said what about 790 unknown words", "who said what about " + strings.Repeat("Qwxy ", 790), ""},
	{"search of 780 unknown words", "search " + strings.Repeat("Qwxy ", 790), ""},
	{"1333 words of a question", strings.Repeat("who ", bot.MaxInputBytes/4-1), ""},
	{"subscribe with hostile args", "subscribe daily <!channel> @here", ""},
	{"only punctuation", "?!?!...;;;''''````", ""},
	{"empty", "", ""},
}

// TestHostileInput sends each hostile input through Handle: a clear reply
// every time, valid UTF-8 without control characters or mention markup.
func TestHostileInput(t *testing.T) {
	b := newBot(t, now)
	for _, tt := range hostileInputs {
		for _, who := range []bot.Message{{Platform: "slack", Channel: "C1", User: "U1"}, {Platform: "console", Channel: "console", User: "console"}} {
			t.Run(who.Platform+"/"+tt.name, func(t *testing.T) {
				who.Text = tt.text
				hostile(t, b, who, tt.errWant)
			})
		}
	}
}

// hostile sends m to b and checks the reply: a *bot.Error saying errWant,
// or, when errWant is "", an answer whose text is safe.
func hostile(t *testing.T, b *bot.Bot, m bot.Message, errWant string) {
	t.Helper()
	rs, err := b.Handle(t.Context(), m)
	if errWant != "" {
		var be *bot.Error
		if !errors.As(err, &be) || !strings.Contains(be.Message, errWant) || rs != nil {
			t.Fatalf("Handle = %v, %v; want a *bot.Error saying %q", rs, err, errWant)
		}
		return
	}
	if err != nil || len(rs) == 0 {
		t.Fatalf("Handle = %+v, %v; want an answer", rs, err)
	}
	if msg := unsafeText(rs); msg != "" {
		t.Error(msg)
	}
}

// BenchmarkHostileInput measures what each hostile input costs Handle,
// cache off so each run computes its answer; the worst case is reported
// as worst-ns/op on the sub-benchmark "worst".
func BenchmarkHostileInput(b *testing.B) {
	for _, tt := range hostileInputs {
		b.Run(strings.ReplaceAll(tt.name, " ", "_"), func(b *testing.B) {
			bt := bot.New(bot.Options{Now: func() time.Time { return now }, CacheTTL: -1})
			arts, ans := fixture()
			ix, err := bot.NewIndex(arts, ans, loadErrs)
			if err != nil {
				b.Fatal(err)
			}
			bt.SetIndex(ix)
			m := bot.Message{Platform: "slack", Channel: "C1", User: "U1", Text: tt.text}
			b.ReportAllocs()
			b.SetBytes(int64(len(tt.text)))
			for b.Loop() {
				if _, err := bt.Handle(b.Context(), m); err != nil && tt.errWant == "" {
					b.Fatal(err)
				}
			}
		})
	}
}

// unsafeText says what is wrong with the text of rs, "" when nothing: it
// must be valid UTF-8, without control characters but newline and tab,
// and without mention markup (the fixture has none, so any came from the
// message).
func unsafeText(rs []bot.Reply) string {
	for _, r := range rs {
		texts := []string{r.Title, r.Text, r.Footer}
		for _, s := range r.Sections {
			texts = append(texts, s.Heading)
			for _, it := range s.Items {
				texts = append(texts, it.Text)
			}
		}
		for _, s := range texts {
			if !utf8.ValidString(s) {
				return fmt.Sprintf("reply text %q is not valid UTF-8", s)
			}
			if i := strings.IndexFunc(s, func(r rune) bool { return unicode.IsControl(r) && r != '\n' && r != '\t' }); i >= 0 {
				return fmt.Sprintf("reply text %q has a control character at %d", s, i)
			}
			low := strings.ToLower(s)
			for _, mark := range []string{"<!", "<@", "<#", "@everyone", "@here"} {
				if strings.Contains(low, mark) {
					return fmt.Sprintf("reply text %q holds mention markup %q", s, mark)
				}
			}
		}
	}
	return ""
}
