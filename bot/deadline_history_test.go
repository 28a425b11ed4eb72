package bot

import (
	"fmt"
	"strings"
	"testing"
)

// TestLongDeadlinesAreCut checks, on every deadline of a generated corpus,
// that a history of more than historyStates+1 states tells historyStates
// of them and counts the rest, that at most alsoReported+1 "Also reported"
// items follow, and that deadlineItems (which the paged listing relies on)
// counts exactly the items deadlineSection gives.
func TestLongDeadlinesAreCut(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses a generated corpus")
	}
	ix := generatedIndex(t, transcriptArticles)
	cutStates, cutAlso := 0, 0
	for id := range ix.deadlines {
		dr := &ix.deadlines[id]
		sec := ix.deadlineSection(newCiter(ix), dr, perfNow)
		if got, want := len(sec.Items), deadlineItems(dr); got != want {
			t.Fatalf("deadline %d: %d items, deadlineItems says %d", id, got, want)
		}
		h := ix.history(dr, perfNow)
		if skip := len(dr.states) - historyStates; skip > 1 {
			cutStates++
			if !strings.Contains(h, fmt.Sprintf("; %d more changes; ", skip)) {
				t.Errorf("deadline %d: %d states, history does not count the %d left out: %s", id, len(dr.states), skip, h)
			}
		} else if strings.Contains(h, "more change") {
			t.Errorf("deadline %d: %d states, all should be told: %s", id, len(dr.states), h)
		}
		also := 0
		for _, it := range sec.Items {
			if strings.HasPrefix(it.Text, "Also reported") {
				also++
			}
		}
		if others := otherReports(dr); others > alsoReported+1 {
			cutAlso++
			last := sec.Items[len(sec.Items)-1].Text
			if also != alsoReported+1 || last != fmt.Sprintf("Also reported by %d more articles.", others-alsoReported) {
				t.Errorf("deadline %d: %d other reports give %d items ending %q", id, others, also, last)
			}
		} else if also != others {
			t.Errorf("deadline %d: %d other reports, %d listed", id, others, also)
		}
	}
	if cutStates == 0 || cutAlso == 0 {
		t.Fatalf("the corpus has %d long histories and %d widely reported deadlines; want some of each", cutStates, cutAlso)
	}
}
