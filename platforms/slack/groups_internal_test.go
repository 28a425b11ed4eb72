package slack

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"
)

// TestGroupCache checks the members of a group are read once per TTL, a
// failed read keeps the last known members and is retried after 30 s,
// and nothing is read when no group is configured.
func TestGroupCache(t *testing.T) {
	now := time.Date(2025, 8, 11, 9, 0, 0, 0, time.UTC)
	members := map[string][]string{"SOPS1234": {"U1", "U2"}, "SDEV1234": {"U2"}}
	var calls []string
	var fail error
	fetch := func(_ context.Context, g string) ([]string, error) {
		calls = append(calls, g)
		return members[g], fail
	}
	c := newGroupCache([]string{"SOPS1234", "SDEV1234"}, 5*time.Minute, func() time.Time { return now }, fetch)
	steps := []struct {
		after time.Duration
		user  string
		fail  error
		want  string // the groups returned
		calls int    // fetches so far
	}{
		{0, "U2", nil, "[SOPS1234 SDEV1234]", 2},
		{time.Minute, "U1", nil, "[SOPS1234]", 2},         // within the TTL: no fetch
		{time.Minute, "U3", nil, "[]", 2},                 // nobody's groups
		{4 * time.Minute, "U1", errTest, "[SOPS1234]", 4}, // TTL over, Slack fails: the last members count
		{10 * time.Second, "U1", nil, "[SOPS1234]", 4},    // the retry waits 30 s
		{30 * time.Second, "U1", nil, "[SOPS1234]", 6},
	}
	for i, s := range steps {
		now = now.Add(s.after)
		fail = s.fail
		got, failed := c.of(t.Context(), s.user)
		if fmt.Sprint(got) != s.want && !(s.want == "[]" && got == nil) {
			t.Errorf("step %d: of(%s) = %v, want %s", i, s.user, got, s.want)
		}
		if len(calls) != s.calls {
			t.Errorf("step %d: %d fetches, want %d", i, len(calls), s.calls)
		}
		if (s.fail != nil) != (len(failed) > 0) {
			t.Errorf("step %d: failed = %v, want the failure reported: %v", i, failed, s.fail != nil)
		}
	}
	none := newGroupCache(nil, time.Minute, time.Now, fetch)
	calls = nil
	if got, _ := none.of(t.Context(), "U1"); got != nil || len(calls) != 0 {
		t.Errorf("without groups: %v after %d fetches, want nil after none", got, len(calls))
	}
}

var errTest = errors.New("ratelimited")
