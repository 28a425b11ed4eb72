package bot_test

import (
	"strings"
	"testing"
	"time"
)

// TestParse checks that prefixes, case, punctuation and spacing do not
// change which command answers, by the reply's title.
func TestParse(t *testing.T) {
	b := newBot(t, time.Time{})
	tests := []struct{ text, title string }{
		{"", "briefbot commands"},
		{"   ", "briefbot commands"},
		{"!", "briefbot commands"},
		{"/brief", "briefbot commands"},
		{"help", "briefbot commands"},
		{"HELP!", "briefbot commands"},
		{"@briefbot help", "briefbot commands"},
		{"<@U024BE7LH> help", "briefbot commands"},
		{"briefbot, help?", "briefbot commands"},
		{"what can you do?", "briefbot commands"},
		{"summary", "Summary: the latest stories"},
		{"!Summary", "Summary: the latest stories"},
		{"/brief summarize", "Summary: the latest stories"},
		{"summary: trump-10-days", "Summary: Trump cuts Russia deadline to 10 days"},
		{"summary trump-10-days.md", "Summary: Trump cuts Russia deadline to 10 days"},
		{"summary about Russia", "Summary: “Russia”"},
		{"Who said what?", "Who said what"},
		{"who  said   WHAT about tariffs", "Who said what about “tariffs”"},
		{"quotes on steel", "Who said what about “steel”"},
		{"what did Trump say?", "What Donald Trump said"},
		{"What did President Donald Trump say about Russia?", "What Donald Trump said about “Russia”"},
		{"what does khrushcheva think", "What Nina Khrushcheva said"},
		{"what has von der Leyen said", "What Ursula von der Leyen said"},
		{"what did Khruschev say", "What Nina Khrushcheva said"},
		{"deadline status", "Deadline status"},
		{"Deadline Status", "Deadline status"},
		{"!deadline   status?", "Deadline status"},
		{"deadlines", "Deadline status"},
		{"@briefbot deadline status for Trump", "Deadline status: “Trump”"},
		{"/brief deadline status: Russia.", "Deadline status: “Russia”"},
		{"timeline", "Timeline"},
		{"timeline of the war", "Timeline: “the war”"},
		{"search tariffs", "Search: “tariffs”"},
		{"SEARCH   Steel!!", "Search: “Steel”"},
		{"find sanctions", "Search: “sanctions”"},
		{"sources", "Sources"},
		{"!sources", "Sources"},
		{"sumary", "“sumary”"},
		{"who said the war must end", "“who said the war must end”"},
	}
	for _, tt := range tests {
		if got := ask(t, b, tt.text).Title; got != tt.title {
			t.Errorf("Handle(%q).Title = %q, want %q", tt.text, got, tt.title)
		}
	}
}

// TestDidYouMean checks the suggestion a question gets when its first
// words look like a typo of a command, and that ordinary questions get none.
func TestDidYouMean(t *testing.T) {
	b := newBot(t, time.Time{})
	tests := []struct{ text, want string }{
		{"sumary", "summary"},
		{"summry Russia", "summary"},
		{"deadlin status", "deadline status"},
		{"dedline staus Trump", "deadline status"},
		{"who sad what", "who said what"},
		{"timline", "timeline"},
		{"serach tariffs", "search"},
		{"srouces", "sources"},
		{"hlep", "help"},
		{"held talks", ""},
		{"help me", ""}, // a command, not a question
		{"is the war over", ""},
		{"tell me about tariffs", ""},
	}
	for _, tt := range tests {
		got := ask(t, b, tt.text).Text
		i := strings.Index(got, "Did you mean `")
		switch {
		case tt.want == "" && i >= 0:
			t.Errorf("Handle(%q).Text = %q, want no suggestion", tt.text, got)
		case tt.want != "" && !strings.HasPrefix(got, "Did you mean `"+tt.want+"`?"):
			t.Errorf("Handle(%q).Text = %q, want a suggestion of %q", tt.text, got, tt.want)
		}
	}
}
