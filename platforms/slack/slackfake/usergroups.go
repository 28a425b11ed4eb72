package slackfake

import (
	"net/http"
	"slices"
	"sync"
)

// userGroups are the user groups the fake knows (SetUserGroup) and how
// often usergroups.users.list was called.
type userGroups struct {
	mu      sync.Mutex
	members map[string][]string // by group ID
	calls   map[string]int      // usergroups.users.list calls, by group ID
	fail    *Failure            // the answer of every call while set
}

// SetUserGroup makes usergroups.users.list answer users for group; a group
// never set answers ok:false, no_such_subteam, as Slack does.
func (s *Server) SetUserGroup(group string, users ...string) {
	g := &s.groups
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.members == nil {
		g.members = map[string][]string{}
	}
	g.members[group] = slices.Clone(users)
}

// FailUserGroups makes usergroups.users.list answer f until called with
// nil.
func (s *Server) FailUserGroups(f *Failure) {
	g := &s.groups
	g.mu.Lock()
	defer g.mu.Unlock()
	g.fail = f
}

// UserGroupCalls is how many times usergroups.users.list was called for
// group.
func (s *Server) UserGroupCalls(group string) int {
	g := &s.groups
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.calls[group]
}

// userGroupsUsersList answers usergroups.users.list: the members of the
// group named by the usergroup field.
func (s *Server) userGroupsUsersList(w http.ResponseWriter, r *http.Request) {
	if !s.botTokenOK(r, "usergroups.users.list") {
		writeJSON(w, map[string]any{"ok": false, "error": "invalid_auth"})
		return
	}
	group := r.Form.Get("usergroup")
	g := &s.groups
	g.mu.Lock()
	if g.calls == nil {
		g.calls = map[string]int{}
	}
	g.calls[group]++
	users, ok := g.members[group]
	fail := g.fail
	g.mu.Unlock()
	switch {
	case fail != nil:
		writeFailure(w, *fail)
	case !ok:
		writeJSON(w, map[string]any{"ok": false, "error": "no_such_subteam"})
	default:
		writeJSON(w, map[string]any{"ok": true, "users": users})
	}
}
