package summarize

import "time"

// Status is where a deadline stands at a given moment.
type Status struct {
	State string // StatePending, StateDueToday, StatePassed or StateUnknown
	Days  int    // days left (pending) or days since it passed (passed)
}

// The states of a deadline at a moment.
const (
	StatePending  = "pending"
	StateDueToday = "due today"
	StatePassed   = "passed"
	StateUnknown  = "unknown" // no resolvable due date
)

// StatusAt says where the deadline stands at now. The caller passes the
// clock; summarize never reads it. Days are counted between calendar days in
// now's location, the due date being a calendar day. A week or month
// deadline is due on the latest day its precision allows (the Friday, the
// month's last day), so it is passed only once that day is over.
func (d Deadline) StatusAt(now time.Time) Status {
	if d.Due.IsZero() {
		return Status{State: StateUnknown}
	}
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	due := time.Date(d.Due.Year(), d.Due.Month(), d.Due.Day(), 0, 0, 0, 0, time.UTC)
	// Unix seconds rather than Sub: a time.Duration saturates at ~292 years.
	days := int((due.Unix() - today.Unix()) / 86400)
	switch {
	case days > 0:
		return Status{State: StatePending, Days: days}
	case days == 0:
		return Status{State: StateDueToday}
	default:
		return Status{State: StatePassed, Days: -days}
	}
}
