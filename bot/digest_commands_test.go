package bot_test

import (
	"context"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/briefbot/briefbot/bot"
)

// say sends text to b as user in channel of platform and returns the
// reply's title and text, its items joined.
func say(t *testing.T, b *bot.Bot, platform, channel, user, text string) string {
	t.Helper()
	rs, err := b.Handle(context.Background(), bot.Message{Platform: platform, Channel: channel, User: user, Text: text})
	if err != nil {
		t.Fatalf("Handle(%q) = %v", text, err)
	}
	var sb strings.Builder
	for _, r := range rs {
		sb.WriteString(r.Title + "\n" + r.Text + "\n")
		for _, s := range r.Sections {
			sb.WriteString(s.Heading + "\n")
			for _, it := range s.Items {
				sb.WriteString("- " + it.Text + "\n")
			}
		}
		sb.WriteString(r.Footer)
	}
	return sb.String()
}

func TestSubscribeFromChat(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		sleepTo(utc("2025-08-11T06:00:00Z"))
		b := newDigestBot(t, article("strike", "Port strike begins", date("2025-08-11")))
		p := &fakePlatform{}
		r := startScheduler(t, b, openStore(t, t.TempDir()), p, "a")

		if got := say(t, b, "slack", "C1", "U1", "subscribe daily 09:00"); !strings.Contains(got, "Only a briefbot admin") {
			t.Errorf("a non-admin subscribing got:\n%s", got)
		}
		got := say(t, b, "console", "console", "console", "subscribe daily 8:00 Europe/London")
		if !strings.Contains(got, "daily digest at 08:00 Europe/London") || !strings.Contains(got, "first on Mon 11 Aug 2025 08:00 BST") {
			t.Errorf("subscribe answered:\n%s", got)
		}
		for _, bad := range []string{"subscribe weekly 08:00", "subscribe daily 25:00", "subscribe daily 08:00 Mars/Olympus"} {
			if got := say(t, b, "console", "console", "console", bad); strings.Contains(got, "now gets") {
				t.Errorf("%q was accepted:\n%s", bad, got)
			}
		}
		// The preview writes nothing to the ledger: the digest still has it.
		if got := say(t, b, "console", "console", "console", "digest"); !strings.Contains(got, "Port strike begins") {
			t.Errorf("digest preview:\n%s", got)
		}
		sleepTo(utc("2025-08-11T07:30:00Z"))
		if got := p.articleIDs(); len(got) != 1 || len(got[0]) != 1 || got[0][0] != "strike" {
			t.Fatalf("subscribed digest posted %v, want [[strike]]", got)
		}
		status := say(t, b, "console", "console", "someone", "digest status")
		for _, want := range []string{"daily — 0 8 * * * (Europe/London)", "Last run: Mon 11 Aug 2025 08:00 BST, posted Mon 11 Aug 2025 08:00 BST (https://chat.example/console/m1)",
			"Next run: Tue 12 Aug 2025 08:00 BST", "Subscribed in chat by console on 11 Aug 2025"} {
			if !strings.Contains(status, want) {
				t.Errorf("digest status lacks %q:\n%s", want, status)
			}
		}
		if got := say(t, b, "console", "console", "console", "schedules"); !strings.Contains(got, "daily in console — 0 8 * * * (Europe/London); next Tue 12 Aug 2025 08:00 BST") {
			t.Errorf("schedules:\n%s", got)
		}
		if got := say(t, b, "console", "console", "console", "unsubscribe"); !strings.Contains(got, "cancelled") {
			t.Errorf("unsubscribe:\n%s", got)
		}
		sleepTo(utc("2025-08-12T08:00:00Z"))
		r.stop()
		if n := len(p.accepted()); n != 1 {
			t.Errorf("%d digests posted, want 1 (none after unsubscribe)", n)
		}
	})
}

func TestConfiguredDigestsStayInChat(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		sleepTo(utc("2025-08-11T06:00:00Z"))
		b := newDigestBot(t)
		d := digestAt("0 8 * * 1-5", london(t), bot.CatchUpLatest, time.Hour)
		d.Platform, d.Channel, d.Name = "console", "console", "daily"
		startScheduler(t, b, openStore(t, t.TempDir()), &fakePlatform{}, "a", d)
		if got := say(t, b, "console", "console", "console", "subscribe daily 09:00"); !strings.Contains(got, "already posts a digest named daily") {
			t.Errorf("subscribe over a configured digest:\n%s", got)
		}
		if got := say(t, b, "console", "console", "console", "unsubscribe"); !strings.Contains(got, "(daily) stay") {
			t.Errorf("unsubscribe with a configured digest:\n%s", got)
		}
		if got := say(t, b, "console", "console", "console", "digest status"); !strings.Contains(got, "Last run: none posted yet.") || !strings.Contains(got, "configuration file") {
			t.Errorf("digest status:\n%s", got)
		}
	})
}

func TestDigestCommandsWithoutScheduler(t *testing.T) {
	b := newDigestBot(t, article("strike", "Port strike begins", time.Now().UTC().Truncate(24*time.Hour)))
	if got := say(t, b, "console", "console", "console", "digest"); !strings.Contains(got, "Port strike begins") {
		t.Errorf("digest without a scheduler:\n%s", got)
	}
	for _, cmd := range []string{"digest status", "subscribe daily 08:00", "schedules"} {
		if got := say(t, b, "console", "console", "console", cmd); !strings.Contains(got, "digests are off") {
			t.Errorf("%s without a scheduler:\n%s", cmd, got)
		}
	}
}

func TestDigestSince(t *testing.T) {
	b := newDigestBot(t,
		article("a1", "Port strike begins", date("2025-08-10")),
		article("a2", "Port strike spreads to rail", date("2025-08-11")),
		article("a3", "Old archive story", date("2022-01-01")))
	r := b.DigestSince(utc("2025-08-10T15:00:00Z"), utc("2025-08-11T09:00:00Z"), "")
	var ids []string
	for _, s := range r.Sources {
		ids = append(ids, s.ArticleID)
	}
	if strings.Join(ids, ",") != "a2,a1" || !strings.HasPrefix(r.Text, "2 new articles") {
		t.Errorf("DigestSince cites %v, says %q; want a2,a1 (the day of since counts)", ids, r.Text)
	}
}

func TestDigestStatusLinksTheLastMessage(t *testing.T) {
	tests := []struct {
		name string
		link func(channel, id string) string
		want string
	}{
		{"a link", func(channel, id string) string { return "https://chat.example/" + channel + "/" + id }, "(https://chat.example/console/m1)"},
		{"no link: the ID", func(string, string) string { return "" }, "(message m1)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				sleepTo(utc("2025-08-11T06:00:00Z"))
				b := newDigestBot(t)
				d := digestAt("0 8 * * *", london(t), bot.CatchUpLatest, time.Hour)
				d.Platform, d.Channel = "console", "console"
				r := startScheduler(t, b, openStore(t, t.TempDir()), &fakePlatform{link: tt.link}, "a", d)
				sleepTo(utc("2025-08-11T07:30:00Z"))
				got := say(t, b, "console", "console", "console", "digest status")
				r.stop()
				if !strings.Contains(got, "posted Mon 11 Aug 2025 08:00 BST "+tt.want) {
					t.Errorf("digest status lacks %q:\n%s", tt.want, got)
				}
			})
		})
	}
}
