package summarize

import (
	"math"
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

func TestSummarizableBylinesAndBoilerplate(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"By Ana Ribeiro and Li Wei, staff reporters", false},
		{"By JANE DOE, Harbor Wire correspondent", false},
		{"By the end of this year, the Atlanta and St. Louis plants will be closed.", true},
		{"By Friday the port authority expects the cranes to be working again.", true},
		{"By sunrise she had stopped counting the frozen trees.", true},
		{"Photo: Lena Park for the Daily Courier, taken at the harbour", false},
		{"Photographers waited outside the court for most of the afternoon.", true},
		{"Subscribers to the paper's morning newsletter were sent the story first.", true},
		{"Subscribe to our newsletter for the latest news from the harbour.", false},
		{"Reporting by Ana Ribeiro; editing by Paul Stern and Mia Lund.", false},
		{"Read more: the full text of the ruling is on the court's website.", false},
		{"Council approves budget", false}, // a heading
		{"It rained.", false},              // too short
	}
	for _, tt := range tests {
		if got := summarizable(tt.text); got != tt.want {
			t.Errorf("summarizable(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestSalienceCountsEachSignal checks that a sentence saying what comes
// next and when outranks one that says only one of the two, and that each
// signal adds to the score.
func TestSalienceCountsEachSignal(t *testing.T) {
	tests := []struct {
		name   string
		t      traits
		timely bool
		want   float64
	}{
		{"nothing", traits{}, false, 0},
		{"names only", traits{names: true}, false, salienceNames},
		{"figure", traits{number: true}, false, salienceFigure},
		{"look ahead", traits{ahead: true}, false, salienceAhead},
		{"dated", traits{}, true, salienceTimely},
		{"deadline: ahead and dated", traits{ahead: true}, true, salienceAhead + salienceTimely},
		{"everything", traits{number: true, ahead: true, names: true}, true, 1},
	}
	for _, tt := range tests {
		if got := salience(tt.t, tt.timely); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("%s: salience = %.2f, want %.2f", tt.name, got, tt.want)
		}
	}
	if both, one := salience(traits{ahead: true}, true), max(salience(traits{ahead: true}, false), salience(traits{}, true)); both <= one {
		t.Errorf("ahead and dated %.2f, want above either alone (%.2f)", both, one)
	}
}
