package bot_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/bot"
)

// FuzzHandle sends any text to the fixture bot as a Slack user and at the
// console (an admin): Handle never panics (its recover would turn a panic
// into an error), fails only with a *bot.Error, and every reply's text is
// valid UTF-8 without control characters or mention markup (unsafeText).
// Seeds: testdata/fuzz/FuzzHandle and the hostile inputs.
func FuzzHandle(f *testing.F) {
	for _, tt := range hostileInputs {
		if len(tt.text) <= bot.MaxInputBytes {
			f.Add(tt.text)
		}
	}
	b := newBot(f, now)
	f.Fuzz(func(t *testing.T, text string) {
		for _, m := range []bot.Message{{Platform: "slack", Channel: "C1", User: "U1"}, {Platform: "console", Channel: "console", User: "console"}} {
			m.Text = text
			rs, err := b.Handle(t.Context(), m)
			if err != nil {
				if be, ok := errors.AsType[*bot.Error](err); !ok || strings.Contains(be.Message, "panic") {
					t.Fatalf("Handle(%q) as %s = %v, want an answer or a *bot.Error", text, m.Platform, err)
				}
				continue
			}
			if len(rs) == 0 {
				t.Fatalf("Handle(%q) as %s: no reply", text, m.Platform)
			}
			if msg := unsafeText(rs); msg != "" {
				t.Fatalf("Handle(%q) as %s: %s", text, m.Platform, msg)
			}
		}
	})
}
