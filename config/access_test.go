package config_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/config"
)

// TestReadAdminsAndLimits reads both forms of admins and the limits
// section.
func TestReadAdminsAndLimits(t *testing.T) {
	tests := []struct {
		file   string
		admins config.Admins
		limits *config.Limits
	}{
		{"mapping", config.Admins{
			Users: []string{"slack:U0123ABCD", "discord:42"}, SlackGroups: []string{"S0OPS1234"},
			DiscordRoles: []string{"987654321098765432"}, Channels: []string{"slack:C0OPS1234", "discord:123456789012345678"},
		}, &config.Limits{UserPerMinute: 30, UserBurst: 5, ChannelPerMinute: 0, ChannelBurst: 20, OneQueryPerUser: false}},
		{"list", config.Admins{Users: []string{"slack:U0123ABCD", "discord:42"}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			f, err := config.ReadFile("testdata/access/"+tt.file+".yaml", env(map[string]string{"ADMIN": "42"}))
			if err != nil {
				t.Fatal(err)
			}
			if fmt.Sprint(f.Admins) != fmt.Sprint(tt.admins) {
				t.Errorf("Admins = %+v, want %+v", f.Admins, tt.admins)
			}
			if fmt.Sprint(f.Limits) != fmt.Sprint(tt.limits) { // pointers print as &{…}
				t.Errorf("Limits = %+v, want %+v", f.Limits, tt.limits)
			}
		})
	}
}

// TestReadAdminsAndLimitsRejects checks each rejection's exact message.
func TestReadAdminsAndLimitsRejects(t *testing.T) {
	tests := map[string][]string{
		"bad-mapping": {
			`admins.users[0]: "U0123ABCD" is not platform:user, e.g. slack:U0123ABCD`,
			`admins.slack_groups[0]: "ops-team" is not a Slack user group ID, e.g. S0123ABCD`,
			`admins.discord_roles[0]: "moderators" is not a Discord role ID (digits only)`,
			`admins.channels[0]: "#general" is not platform:channel ID, e.g. slack:C0123ABCD or discord:123456789012345678`,
			`admins.roles: unknown key (line 6; the keys are users, slack_groups, discord_roles, channels)`,
		},
		"bad-kind":           {`admins: must be a list of platform:user entries, or a mapping of users, slack_groups, discord_roles, channels`},
		"bad-list":           {`admins.users: must be a list (line 2)`},
		"limits-not-mapping": {`limits: must be a mapping of user_per_minute, user_burst, channel_per_minute, channel_burst, one_query_per_user`},
		"bad-limits": {
			`limits.user_per_minute: "fast" is not a number of messages a minute from 0 (no limit) to 6000`,
			`limits.user_burst: "0" is not a whole number of messages from 1 to 1000`,
			`limits.channel_per_minute: "-1" is not a number of messages a minute from 0 (no limit) to 6000`,
			`limits.channel_burst: "2.5" is not a whole number of messages from 1 to 1000`,
			`limits.one_query_per_user: "sometimes" is not true or false`,
			`limits.per_hour: unknown key (line 7; the keys are user_per_minute, user_burst, channel_per_minute, channel_burst, one_query_per_user)`,
		},
	}
	for name, want := range tests {
		t.Run(name, func(t *testing.T) {
			path := "testdata/access/" + name + ".yaml"
			_, err := config.ReadFile(path, env(nil))
			var lines []string
			for _, w := range want {
				lines = append(lines, path+": "+w)
			}
			if err == nil || err.Error() != strings.Join(lines, "\n") {
				t.Errorf("ReadFile(%s) = %v\nwant:\n%s", path, err, strings.Join(lines, "\n"))
			}
		})
	}
}

// TestLimitsDefault checks a configuration without limits gets the
// defaults, and check-config shows both sections.
func TestLimitsDefault(t *testing.T) {
	c, err := config.Load(config.Flags{}, env(map[string]string{"BRIEFBOT_STATE": t.TempDir()}))
	if err != nil {
		t.Fatal(err)
	}
	if c.Limits != config.LimitsDefaults() {
		t.Errorf("Limits = %+v, want the defaults %+v", c.Limits, config.LimitsDefaults())
	}
	var sb strings.Builder
	if err := c.WriteYAML(&sb); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"admins:\n  users: []\n  slack_groups: []", "limits:\n  user_per_minute: 20\n  user_burst: 10\n  channel_per_minute: 60\n  channel_burst: 20\n  one_query_per_user: true"} {
		if !strings.Contains(sb.String(), want) {
			t.Errorf("check-config output lacks %q:\n%s", want, sb.String())
		}
	}
}
