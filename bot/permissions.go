package bot

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode"
)

// adminCommands are the commands only admins may run, each with the words
// its refusal uses: those that change state (reload, subscribe,
// unsubscribe) and those that show how the bot is run (schedules, audit).
// Every run of one, allowed or not, goes to the audit log.
var adminCommands = map[string]string{
	"reload":      "reload the corpus",
	"subscribe":   "subscribe a channel to a digest",
	"unsubscribe": "cancel a channel's digest",
	"schedules":   "list every scheduled digest",
	"audit":       "read the audit log",
}

// permissions say who may run the admin commands. Denied by default: an
// empty set allows only the console.
type permissions struct {
	users    map[string]bool // "platform:user"
	groups   map[string]bool // Slack user group IDs, matched against Message.Groups
	roles    map[string]bool // Discord role IDs, matched against Message.Roles
	channels map[string]bool // "platform:channel": everyone there
}

// newPermissions builds the permissions of opts.
func newPermissions(opts Options) permissions {
	set := func(lists ...[]string) map[string]bool {
		m := map[string]bool{}
		for _, l := range lists {
			for _, v := range l {
				if v = strings.TrimSpace(v); v != "" {
					m[v] = true
				}
			}
		}
		return m
	}
	return permissions{
		users:    set(opts.Admins),
		groups:   set(opts.AdminGroups),
		roles:    set(opts.AdminRoles),
		channels: set(opts.AdminChannels),
	}
}

// allows reports whether m's author may run an admin command, and why
// ("console", "user", "group S0123", "role 42", "channel"), for the audit
// log. A Slack group grants only on Slack, a Discord role only on Discord.
func (p permissions) allows(m Message) (bool, string) {
	switch {
	case m.Platform == "console":
		return true, "console"
	case m.User != "" && p.users[m.Platform+":"+m.User]:
		return true, "admin user"
	case m.Channel != "" && p.channels[m.Platform+":"+m.Channel]:
		return true, "admin channel"
	}
	if m.Platform == "slack" {
		for _, g := range m.Groups {
			if p.groups[g] {
				return true, "user group " + g
			}
		}
	}
	if m.Platform == "discord" {
		for _, r := range m.Roles {
			if p.roles[r] {
				return true, "role " + r
			}
		}
	}
	return false, ""
}

// admin runs the admin command of req for m: refused politely unless m's
// author is an admin, and recorded in the audit log either way, with its
// outcome (allowed, denied, failed).
func (b *Bot) admin(ctx context.Context, m Message, req request, what string) ([]Reply, error) {
	e := AuditEntry{Time: b.now(), Platform: m.Platform, Channel: m.Channel, User: m.User, Command: req.cmd.Name, Args: auditArgs(m.Text, req)}
	ok, why := b.perms.allows(m)
	if !ok {
		if s := b.sched.Load(); s != nil && s.isAdmin(m) {
			ok, why = true, "scheduler admin"
		}
	}
	if !ok {
		e.Outcome = AuditDenied
		b.record(ctx, e)
		return []Reply{{Title: upperFirst(req.cmd.Name), Text: fmt.Sprintf(
			"Only a briefbot admin can %s. Ask one of them to do it: admins are named in briefbot's configuration file (admins).", what)}}, nil
	}
	r, err := req.cmd.act(ctx, b, m, req)
	if err != nil {
		e.Outcome, e.Detail = AuditFailed, truncate(err.Error(), maxAuditText)
		b.record(ctx, e)
		return nil, fmt.Errorf("%s: %w", req.cmd.Name, err)
	}
	e.Outcome, e.Detail = AuditAllowed, why
	b.record(ctx, e)
	return b.firstPage(m, paginate(r, pageItems)), nil
}

// auditRecordTimeout bounds the write of one audit entry, which goes on
// after the message's context ends: an action that ran is recorded.
const auditRecordTimeout = 5 * time.Second

// record appends e to the audit log, when there is one, and logs it in any
// case. A failure to record is the operator's to see, not the user's.
func (b *Bot) record(ctx context.Context, e AuditEntry) {
	log := b.logFor(ctx, Message{Platform: e.Platform, Channel: e.Channel, User: e.User})
	log.Info("admin command", "command", e.Command, "outcome", string(e.Outcome), "detail", e.Detail)
	box := b.audit.Load()
	if box == nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), auditRecordTimeout)
	defer cancel()
	if err := box.Append(ctx, e); err != nil {
		log.Error("audit log: entry not recorded", "command", e.Command, "outcome", string(e.Outcome), "err", err)
	}
}

// maxAuditText caps the arguments and detail of an audit entry, in runes:
// anyone may type a long message at an admin command.
const maxAuditText = 200

// auditArgs returns the arguments of an admin command as typed (the words
// after the command's), made printable and capped: control characters are
// spaces, runs of space one, mention markup inert.
func auditArgs(text string, req request) string {
	words := strings.Fields(req.cmd.Name)
	args := argsAfter(text, words[len(words)-1])
	s := strings.Join(args, " ")
	if args == nil {
		s = req.arg // an alias ("refresh"): the words parse kept
	}
	return truncate(inert(printable(s)), maxAuditText)
}

// printable replaces control characters with spaces and collapses runs of
// white space, so an echoed text stays on one line.
func printable(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToValidUTF8(s, "\uFFFD"), func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r)
	}), " ")
}

// inert makes mention markup in text a user typed harmless wherever the
// bot echoes it: "<@U1>", "<!channel>", "<#C1>", "@everyone" and "@here"
// (in any case) get a zero-width space after their first character, so no
// platform can parse them, whatever its adapter escapes.
func inert(s string) string {
	s = mentionBreaker.Replace(s)
	if !strings.Contains(s, "@") {
		return s
	}
	var sb strings.Builder
	for i := 0; i < len(s); i++ {
		sb.WriteByte(s[i])
		if s[i] == '@' && i+1 < len(s) && strings.IndexByte("eEhH", s[i+1]) >= 0 {
			sb.WriteString(zwsp)
		}
	}
	return sb.String()
}

// zwsp is the zero-width space inert puts inside mention markup.
const zwsp = "\u200b"

var mentionBreaker = strings.NewReplacer("<@", "<"+zwsp+"@", "<!", "<"+zwsp+"!", "<#", "<"+zwsp+"#")

// truncate caps s at n runes, ending a cut text with "…".
func truncate(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}
