package bot

import (
	"context"
	"fmt"
	"strconv"
	"time"
)

// AuditOutcome is how an admin command ended.
type AuditOutcome string

// Outcomes of an admin command.
const (
	AuditAllowed AuditOutcome = "allowed" // the author was an admin and the command ran
	AuditDenied  AuditOutcome = "denied"  // the author was no admin: nothing ran
	AuditFailed  AuditOutcome = "failed"  // the author was an admin but the command failed
)

// AuditEntry is one admin command run in chat.
type AuditEntry struct {
	Time     time.Time // when it was asked (the bot's clock)
	Platform string
	Channel  string
	User     string
	Command  string // the command's name: "reload", "subscribe"…
	Args     string // its arguments as typed, printable, at most 200 runes
	Outcome  AuditOutcome
	// Detail says why it was allowed ("admin user", "role 42"), or the
	// failure; "" when denied.
	Detail string
}

// AuditLog keeps the admin commands run in chat, append-only: nothing
// changes or removes an entry. store.Store implements it in the state
// database.
type AuditLog interface {
	// Append records e after every entry already recorded.
	Append(ctx context.Context, e AuditEntry) error
	// Latest returns the n entries recorded last, newest first (fewer
	// when there are fewer).
	Latest(ctx context.Context, n int) ([]AuditEntry, error)
}

// auditBox boxes an AuditLog for an atomic pointer.
type auditBox struct{ AuditLog }

// SetAuditLog gives the bot its audit log. Without one, admin commands are
// only logged (at info level) and the audit command says the log is off.
func (b *Bot) SetAuditLog(l AuditLog) { b.audit.Store(&auditBox{l}) }

// Audit command limits: `audit` shows defaultAuditEntries, `audit N` up
// to maxAuditEntries, paged like every long answer.
const (
	defaultAuditEntries = 50
	maxAuditEntries     = 500
)

// auditCommand is the registry entry of `audit`.
func auditCommand() command {
	return command{Command: Command{Name: "audit", Usage: "audit [N]", Arg: "N",
		Help: "Admins: the latest N admin commands (50 by default): who asked, where, and whether it was allowed."},
		forms: forms("audit", "audit log"), act: auditLatest}
}

// auditLatest answers `audit [N]` (admin reaches it only through the
// permission check): the latest entries, newest first, one item each.
func auditLatest(ctx context.Context, b *Bot, _ Message, req request) (Reply, error) {
	r := Reply{Title: "Audit log"}
	box := b.audit.Load()
	if box == nil {
		r.Text = "The audit log is off: briefbot runs without a state folder (set BRIEFBOT_STATE). Admin commands are only logged."
		return r, nil
	}
	n := defaultAuditEntries
	if req.arg != "" {
		v, err := strconv.Atoi(req.arg)
		if err != nil || v < 1 {
			r.Text = fmt.Sprintf("Say `audit` for the latest %d entries, or `audit N` for the latest N (at most %d).", defaultAuditEntries, maxAuditEntries)
			return r, nil
		}
		n = min(v, maxAuditEntries)
	}
	es, err := box.Latest(ctx, n)
	if err != nil {
		return Reply{}, fmt.Errorf("read audit log: %w", err)
	}
	if len(es) == 0 {
		r.Text = "No admin command has been run yet."
		return r, nil
	}
	r.Text = fmt.Sprintf("The latest %s, newest first.", plural(len(es), "admin command"))
	items := make([]Item, len(es))
	for i, e := range es {
		items[i] = Item{Text: auditLine(e), Source: -1}
	}
	r.Sections = []Section{{Items: items}}
	return r, nil
}

// auditLine describes one entry: "2025-08-11 09:00:00 UTC — slack U1 in
// C1: subscribe “daily 08:00” — allowed (admin user)".
func auditLine(e AuditEntry) string {
	line := fmt.Sprintf("%s — %s %s in %s: %s", e.Time.UTC().Format("2006-01-02 15:04:05 UTC"), e.Platform, inert(e.User), inert(e.Channel), e.Command)
	if e.Args != "" {
		line += " " + quoted(inert(e.Args))
	}
	line += " — " + string(e.Outcome)
	if e.Detail != "" {
		line += " (" + inert(printable(e.Detail)) + ")"
	}
	return line
}
