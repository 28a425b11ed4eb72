package summarize

import (
	"slices"
	"testing"
)

func TestQuoteOpenAfter(t *testing.T) {
	tests := []struct {
		open bool
		text string
		want bool
	}{
		{false, `He said, “We will stay. Nobody leaves.`, true},
		{true, `Nobody leaves.`, true},
		{true, `Nobody leaves,” he said.`, false},
		{false, `"Closed," she said.`, false},
		{false, `The "plan" and the "deal".`, false},
		{false, `She wrote: "First point.`, true},
		{false, `Trump’s train is moving; don’t look.`, false},
		{false, `«Nous restons.`, true},
	}
	for _, tt := range tests {
		if got := quoteOpenAfter(tt.open, tt.text); got != tt.want {
			t.Errorf("quoteOpenAfter(%v, %q) = %v, want %v", tt.open, tt.text, got, tt.want)
		}
	}
}

// TestRankSkipsQuoteFragmentsAndShortHooks checks two conventions of news
// summaries: a sentence in the middle of a quotation that runs over several
// sentences is someone's words, not the news; and a short hook is no lead.
func TestRankSkipsQuoteFragmentsAndShortHooks(t *testing.T) {
	body := "Few saw it coming.\n\n" +
		"The harbour authority closed the northern port on Tuesday after a crane collapsed onto two cargo ships.\n\n" +
		"The union wrote, “The cranes were never inspected after the storm. Every worker on the quay knew the northern crane was leaning badly. Nobody listened.”\n\n" +
		"Repairs to the quay are expected to take at least six weeks and will cost the port authority about 12 million euros.\n\n" +
		"The port handles a third of the region's grain exports and employs more than four thousand dock workers.\n\n" +
		"Shipping lines said on Wednesday that vessels would be diverted to the southern terminal until the repairs end."
	sents := Sentences(body)
	got := rank("Crane collapse closes northern port", sents, func(int) bool { return false }, 3)
	for _, i := range got {
		if txt := sents[i].Text; txt == "Few saw it coming." || txt == "Every worker on the quay knew the northern crane was leaning badly." {
			t.Errorf("rank picked %q: a hook or a quotation fragment", txt)
		}
	}
	lead := slices.IndexFunc(sents, func(s Sentence) bool { return s.Text[:len("The harbour")] == "The harbour" })
	if !slices.Contains(got, lead) {
		t.Errorf("rank = %v, want the first full sentence (%d) as the lead", got, lead)
	}
}
