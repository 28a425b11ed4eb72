package slack_test

import (
	"slices"
	"testing"

	"github.com/briefbot/briefbot/platforms/slack"
	"github.com/briefbot/briefbot/platforms/slack/slackfake"
)

// TestUserGroupsReachTheBot checks the admin user groups of a message's
// author reach the handler (bot.Message.Groups), read from the fake's
// usergroups.users.list once for several messages, and that without
// configured groups Slack is never asked.
func TestUserGroupsReachTheBot(t *testing.T) {
	f := newFake(t, 0)
	f.SetUserGroup("SOPS1234", "U1", "U2")
	f.SetUserGroup("SDEV1234", "U2")
	r := listen(t, f, func(o *slack.Options) { o.UserGroups = []string{"SOPS1234", "SDEV1234", "SGONE123"} })
	sends := []struct {
		user, ts string
		want     []string
	}{
		{"U1", "1700000000.000001", []string{"SOPS1234"}},
		{"U2", "1700000000.000002", []string{"SOPS1234", "SDEV1234"}},
		{"U3", "1700000000.000003", nil},
	}
	for i, s := range sends {
		sendAndAck(t, f, slackfake.Mention("Ev"+s.ts, "C1", s.user, s.ts, "reload"))
		waitPosts(t, f, "C1", i+1)
	}
	msgs := r.h.messages()
	for i, s := range sends {
		if i >= len(msgs) || msgs[i].User != s.user || !slices.Equal(msgs[i].Groups, s.want) {
			t.Errorf("message %d = %+v, want user %s in groups %v", i, msgs, s.user, s.want)
		}
	}
	for _, g := range []string{"SOPS1234", "SDEV1234", "SGONE123"} {
		if n := f.UserGroupCalls(g); n != 1 {
			t.Errorf("usergroups.users.list called %d times for %s, want 1 (cached)", n, g)
		}
	}

	plain := newFake(t, 0)
	p := listen(t, plain, nil)
	sendAndAck(t, plain, slackfake.Mention("Ev9", "C1", "U1", "1700000000.000009", "reload"))
	waitPosts(t, plain, "C1", 1)
	if m := p.h.messages(); len(m) != 1 || m[0].Groups != nil || plain.UserGroupCalls("SOPS1234") != 0 {
		t.Errorf("without groups configured: %+v, want no groups and no lookup", m)
	}
}
