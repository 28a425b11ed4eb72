package bot

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/briefbot/briefbot/corpus"
)

// memAudit is an AuditLog in memory.
type memAudit struct {
	mu      sync.Mutex
	entries []AuditEntry
	fail    error // Append's answer when set
}

func (a *memAudit) Append(_ context.Context, e AuditEntry) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.fail != nil {
		return a.fail
	}
	a.entries = append(a.entries, e)
	return nil
}

func (a *memAudit) Latest(_ context.Context, n int) ([]AuditEntry, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	var out []AuditEntry
	for i := len(a.entries) - 1; i >= 0 && len(out) < n; i-- {
		out = append(out, a.entries[i])
	}
	return out, nil
}

// failingLibrary is a Library whose Load fails.
type failingLibrary struct{}

func (failingLibrary) Load(context.Context) (corpus.Report, error) {
	return corpus.Report{}, errors.New("disk on fire")
}
func (failingLibrary) Sources() []corpus.SourceStatus { return nil }

var permTime = time.Date(2025, 8, 11, 9, 0, 0, 0, time.UTC)

func permBot(t *testing.T) (*Bot, *memAudit, *fakeLibrary) {
	t.Helper()
	b := New(Options{
		Now:           func() time.Time { return permTime },
		Admins:        []string{"slack:UADMIN", "discord:42"},
		AdminGroups:   []string{"SOPS1234"},
		AdminRoles:    []string{"777"},
		AdminChannels: []string{"slack:COPS1234", "discord:900"},
	})
	a, lib := &memAudit{}, &fakeLibrary{}
	b.SetAuditLog(a)
	b.SetLibrary(lib)
	return b, a, lib
}

// TestAdminPermissions runs reload as every kind of author: denied by
// default, allowed by a user, a Slack group, a Discord role or a channel
// the permissions name, and only on the platform they name.
func TestAdminPermissions(t *testing.T) {
	tests := []struct {
		name string
		m    Message
		why  string // "" when denied
	}{
		{"console", Message{Platform: "console", Channel: "console", User: "console"}, "console"},
		{"admin user", Message{Platform: "slack", Channel: "C1", User: "UADMIN"}, "admin user"},
		{"discord admin user", Message{Platform: "discord", Channel: "5", User: "42"}, "admin user"},
		{"nobody", Message{Platform: "slack", Channel: "C1", User: "U2"}, ""},
		{"user ID on the wrong platform", Message{Platform: "discord", Channel: "5", User: "UADMIN"}, ""},
		{"no user at all", Message{Platform: "slack", Channel: "C1"}, ""},
		{"slack group", Message{Platform: "slack", Channel: "C1", User: "U2", Groups: []string{"SOTHER99", "SOPS1234"}}, "user group SOPS1234"},
		{"other group", Message{Platform: "slack", Channel: "C1", User: "U2", Groups: []string{"SOTHER99"}}, ""},
		{"slack group claimed on discord", Message{Platform: "discord", Channel: "5", User: "7", Groups: []string{"SOPS1234"}}, ""},
		{"discord role", Message{Platform: "discord", Channel: "5", User: "7", Roles: []string{"1", "777"}}, "role 777"},
		{"discord role claimed on slack", Message{Platform: "slack", Channel: "C1", User: "U2", Roles: []string{"777"}}, ""},
		{"admin channel", Message{Platform: "slack", Channel: "COPS1234", User: "U2"}, "admin channel"},
		{"discord admin channel", Message{Platform: "discord", Channel: "900", User: "7"}, "admin channel"},
		{"channel ID on the wrong platform", Message{Platform: "discord", Channel: "COPS1234", User: "7"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, audit, lib := permBot(t)
			tt.m.Text = "reload"
			rs, err := b.Handle(t.Context(), tt.m)
			if err != nil || len(rs) != 1 {
				t.Fatalf("Handle(reload) = %+v, %v", rs, err)
			}
			wantOutcome, wantText, wantLoads := AuditAllowed, "1 file read again", int32(1)
			if tt.why == "" {
				wantOutcome, wantText, wantLoads = AuditDenied, "Only a briefbot admin can reload the corpus. Ask one of them", 0
			}
			if !strings.Contains(rs[0].Text, wantText) {
				t.Errorf("reply %q, want it to contain %q", rs[0].Text, wantText)
			}
			if n := lib.loads.Load(); n != wantLoads {
				t.Errorf("library loaded %d times, want %d", n, wantLoads)
			}
			want := AuditEntry{Time: permTime, Platform: tt.m.Platform, Channel: tt.m.Channel, User: tt.m.User, Command: "reload", Outcome: wantOutcome, Detail: tt.why}
			if len(audit.entries) != 1 || fmt.Sprint(audit.entries[0]) != fmt.Sprint(want) {
				t.Errorf("audit log = %+v, want [%+v]", audit.entries, want)
			}
		})
	}
}

// TestAdminCommandsAudited checks each admin command is refused to a
// non-admin and recorded with its arguments, and that a command that fails
// is recorded as failed.
func TestAdminCommandsAudited(t *testing.T) {
	b, audit, _ := permBot(t)
	nobody := Message{Platform: "slack", Channel: "C1", User: "U2"}
	for _, text := range []string{"subscribe daily 08:00 Europe/London", "unsubscribe", "schedules", "audit 5", "refresh"} {
		nobody.Text = text
		rs, err := b.Handle(t.Context(), nobody)
		if err != nil || len(rs) != 1 || !strings.HasPrefix(rs[0].Text, "Only a briefbot admin can ") {
			t.Errorf("%q by a non-admin = %+v, %v; want a polite refusal", text, rs, err)
		}
	}
	var got []string
	for _, e := range audit.entries {
		got = append(got, fmt.Sprintf("%s %q %s", e.Command, e.Args, e.Outcome))
	}
	want := []string{`subscribe "daily 08:00 Europe/London" denied`, `unsubscribe "" denied`, `schedules "" denied`, `audit "5" denied`, `reload "" denied`}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("audit log:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	b.SetLibrary(failingLibrary{})
	admin := Message{Platform: "slack", Channel: "C1", User: "UADMIN", Text: "reload"}
	if _, err := b.Handle(t.Context(), admin); err == nil || !strings.Contains(err.Error(), "disk on fire") {
		t.Errorf("a failing reload = %v, want its error", err)
	}
	if last := audit.entries[len(audit.entries)-1]; last.Outcome != AuditFailed || !strings.Contains(last.Detail, "disk on fire") {
		t.Errorf("last entry = %+v, want failed with the error", last)
	}
}

// TestAuditCommand reads the log back through `audit`, paged, with
// hostile arguments made inert, and without an audit log.
func TestAuditCommand(t *testing.T) {
	b, audit, _ := permBot(t)
	for i := range 30 {
		audit.entries = append(audit.entries, AuditEntry{Time: permTime.Add(time.Duration(i) * time.Minute), Platform: "slack", Channel: "C1",
			User: "U2", Command: "subscribe", Args: fmt.Sprintf("<!channel> @everyone %d", i), Outcome: AuditDenied})
	}
	admin := Message{Platform: "slack", Channel: "C1", User: "UADMIN", Text: "audit"}
	rs, err := b.Handle(t.Context(), admin)
	if err != nil || len(rs) != 1 || len(rs[0].Sections) != 1 {
		t.Fatalf("audit = %+v, %v", rs, err)
	}
	items := rs[0].Sections[0].Items
	first := "2025-08-11 09:29:00 UTC — slack U2 in C1: subscribe “<\u200b!channel> @\u200beveryone 29” — denied"
	if len(items) != pageItems || items[0].Text != first || rs[0].Text != "The latest 30 admin commands, newest first." {
		t.Errorf("audit page 1: %q, %d items, first %q; want 25 items, first %q", rs[0].Text, len(items), items[0].Text, first)
	}
	more, err := b.Handle(t.Context(), Message{Platform: "slack", Channel: "C1", User: "UADMIN", Text: "more"})
	if err != nil || len(more) != 1 || len(more[0].Sections[0].Items) != 5 { // the 5 left
		t.Errorf("audit page 2 = %+v, %v", more, err)
	}
	for _, tt := range []struct{ text, want string }{
		{"audit 2", "The latest 2 admin commands"},
		{"audit zero", "Say `audit` for the latest 50 entries"},
	} {
		admin.Text = tt.text
		if rs, err := b.Handle(t.Context(), admin); err != nil || !strings.Contains(rs[0].Text, tt.want) {
			t.Errorf("%q = %+v, %v; want %q", tt.text, rs, err, tt.want)
		}
	}
	off := New(Options{})
	if rs, err := off.Handle(t.Context(), Message{Platform: "console", Text: "audit"}); err != nil || !strings.Contains(rs[0].Text, "The audit log is off") {
		t.Errorf("audit without a log = %+v, %v", rs, err)
	}
}

// TestAuditFailureIsLogged checks an audit log that cannot record does
// not stop the command.
func TestAuditFailureIsLogged(t *testing.T) {
	b, audit, lib := permBot(t)
	audit.fail = errors.New("database is locked")
	rs, err := b.Handle(t.Context(), Message{Platform: "console", Channel: "console", User: "console", Text: "reload"})
	if err != nil || !strings.Contains(rs[0].Text, "1 file read again") || lib.loads.Load() != 1 {
		t.Errorf("reload with a failing audit log = %+v, %v", rs, err)
	}
}

func TestInert(t *testing.T) {
	for in, want := range map[string]string{
		"<!channel> <@U1> <#C1> <@&9>": "<\u200b!channel> <\u200b@U1> <\u200b#C1> <\u200b@&9>",
		"@everyone @Here @HERE":        "@\u200beveryone @\u200bHere @\u200bHERE",
		"mail me at a@b.org":           "mail me at a@b.org",
		"":                             "",
	} {
		if got := inert(in); got != want {
			t.Errorf("inert(%q) = %q, want %q", in, got, want)
		}
	}
}
