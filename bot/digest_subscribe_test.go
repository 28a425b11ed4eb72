package bot_test

import (
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot"
)

// TestSubscribeByRoleAudited subscribes a Discord channel as a member
// holding an admin role, with the state database as the audit log: the
// role grants it, a hostile argument is echoed inert, and the store keeps
// every attempt.
func TestSubscribeByRoleAudited(t *testing.T) {
	at := time.Date(2025, 8, 11, 6, 0, 0, 0, time.UTC)
	b := bot.New(bot.Options{CacheTTL: -1, Now: func() time.Time { return at }, AdminRoles: []string{"777"}})
	st := openStore(t, t.TempDir())
	p := &fakePlatform{}
	s, err := bot.NewScheduler(b, bot.SchedulerOptions{Ledger: st, Subscriptions: st, Platforms: map[string]bot.Platform{"discord": p}})
	if err != nil {
		t.Fatal(err)
	}
	b.SetScheduler(s)
	b.SetAuditLog(st)
	member := bot.Message{Platform: "discord", Channel: "10", User: "42"}
	admin := bot.Message{Platform: "discord", Channel: "10", User: "43", Roles: []string{"777"}}
	steps := []struct {
		m    bot.Message
		text string
		want string
	}{
		{member, "subscribe daily 08:00", "Only a briefbot admin can subscribe a channel to a digest."},
		{admin, "subscribe daily <!channel> @everyone", "“<\u200b!channel>” is not a time of day."},
		{admin, "subscribe daily 08:00 <@&1>", "“<\u200b@&1>” is not a time zone I know"},
		{admin, "subscribe daily 08:00 Europe/London", "This channel now gets a daily digest at 08:00 Europe/London"},
	}
	for _, s := range steps {
		s.m.Text = s.text
		rs, err := b.Handle(t.Context(), s.m)
		if err != nil || len(rs) != 1 || !strings.Contains(rs[0].Text, s.want) {
			t.Errorf("%q by %s: %+v, %v; want %q", s.text, s.m.User, rs, err, s.want)
		}
	}
	es, err := st.Latest(t.Context(), 10)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range es {
		got = append(got, e.User+" "+string(e.Outcome)+" "+e.Detail+": "+e.Args)
	}
	want := []string{
		"43 allowed role 777: daily 08:00 Europe/London",
		"43 allowed role 777: daily 08:00 <\u200b@&1>",
		"43 allowed role 777: daily <\u200b!channel> @\u200beveryone",
		"42 denied : daily 08:00",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("audit log, newest first:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
