package summarize

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func sentenceTexts(body string) []string {
	var out []string
	for _, s := range Sentences(body) {
		out = append(out, s.Text)
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name, body string
		want       []string
	}{
		{"plain", "The vote passed. Lawmakers left early.", []string{"The vote passed.", "Lawmakers left early."}},
		{"question and exclamation", "Will it pass? Nobody knows! The count resumes today.",
			[]string{"Will it pass?", "Nobody knows!", "The count resumes today."}},
		{"titles", "Mr. Smith met Dr. Jones and Gen. Milley. Sen. Graham was absent.",
			[]string{"Mr. Smith met Dr. Jones and Gen. Milley.", "Sen. Graham was absent."}},
		{"saint and months", "The St. Louis plant closed on Jan. 5 after talks. It had 900 workers.",
			[]string{"The St. Louis plant closed on Jan. 5 after talks.", "It had 900 workers."}},
		{"corporate suffix mid-sentence", "Acme Corp. said profits rose. Shares of Widget Inc. CEO Jane Roe fell.",
			[]string{"Acme Corp. said profits rose.", "Shares of Widget Inc. CEO Jane Roe fell."}},
		{"corporate suffix ends sentence", "The deal went to Widget Inc. The rival bid failed.",
			[]string{"The deal went to Widget Inc.", "The rival bid failed."}},
		{"initials", "Timothy D. Cook and John F. Kennedy Jr. attended. William Clay Ford Jr., the chairman, spoke.",
			[]string{"Timothy D. Cook and John F. Kennedy Jr. attended.", "William Clay Ford Jr., the chairman, spoke."}},
		{"acronym mid-sentence", "The U.S. economy grew and the U.N. agency agreed.", []string{"The U.S. economy grew and the U.N. agency agreed."}},
		{"acronym ends sentence", "Troops returned to the U.S. They were greeted at the base.",
			[]string{"Troops returned to the U.S.", "They were greeted at the base."}},
		{"acronym before a name", "He met U.S. Sen. Jane Doe in Washington, D.C. on Monday.",
			[]string{"He met U.S. Sen. Jane Doe in Washington, D.C. on Monday."}},
		{"money and decimals", "It lost US$1.6 billion, or 3.5% of sales. Growth was 0.2 percent.",
			[]string{"It lost US$1.6 billion, or 3.5% of sales.", "Growth was 0.2 percent."}},
		{"times", "The polls close at 8 p.m. Eastern time. Results come at 10 p.m. The count is manual.",
			[]string{"The polls close at 8 p.m. Eastern time.", "Results come at 10 p.m.", "The count is manual."}},
		{"ellipsis", "He paused... then went on. It was over… Nobody moved.",
			[]string{"He paused... then went on.", "It was over…", "Nobody moved."}},
		{"closing quote after period", "It called the war a “special operation.” Kyiv rejects that.",
			[]string{"It called the war a “special operation.”", "Kyiv rejects that."}},
		{"question in quotes with attribution", `"Why now?" she asked. "Because," he said.`,
			[]string{`"Why now?" she asked.`, `"Because," he said.`}},
		{"exclamation in curly quotes", "“Stop!” the guard shouted at the crowd.", []string{"“Stop!” the guard shouted at the crowd."}},
		{"parenthesis", "The index fell (the third drop this week.) Traders were calm.",
			[]string{"The index fell (the third drop this week.)", "Traders were calm."}},
		{"missing space", "The talks ended.The next round is in May.", []string{"The talks ended.", "The next round is in May."}},
		{"urls and e-mail", "Details are at www.example.gov.uk and press@example.org today. Call us.",
			[]string{"Details are at www.example.gov.uk and press@example.org today.", "Call us."}},
		{"number abbreviation", "He ranked No. 3 in the poll. The answer was no. Then he left.",
			[]string{"He ranked No. 3 in the poll.", "The answer was no.", "Then he left."}},
		{"vs and etc", "It was Smith vs. Jones in court. They sold cars, vans, etc. Then they closed.",
			[]string{"It was Smith vs. Jones in court.", "They sold cars, vans, etc.", "Then they closed."}},
		{"dateline", "WASHINGTON (Reuters) - The Senate voted on Tuesday. The House follows.",
			[]string{"WASHINGTON (Reuters) - The Senate voted on Tuesday.", "The House follows."}},
		{"latin abbreviations", "Rivers rose, e.g. the Tam, i.e. the largest. Smith et al. found it. The authors agreed.",
			[]string{"Rivers rose, e.g. the Tam, i.e. the largest.", "Smith et al. found it.", "The authors agreed."}},
		{"latin abbreviation ends sentence", "They sold cars, vans, boats et al. The shop closed.",
			[]string{"They sold cars, vans, boats et al.", "The shop closed."}},
		{"exclamation inside a name", "Yahoo! Inc. said profits rose. He won on Jeopardy! last year. Yahoo! The firm grew.",
			[]string{"Yahoo! Inc. said profits rose.", "He won on Jeopardy! last year.", "Yahoo!", "The firm grew."}},
		{"numbered list", "The plan has three steps:\n\n1. Cut costs.\n\n2. Sell the plant.\n\nb. Hire engineers.",
			[]string{"The plan has three steps:", "1. Cut costs.", "2. Sell the plant.", "b. Hire engineers."}},
		{"inline numbers are no list", "Priorities are 1. jobs and 2. housing, she said. She left.",
			[]string{"Priorities are 1. jobs and 2. housing, she said.", "She left."}},
		{"initials and degrees", "He met J.K. Rowling and George W. Bush. She earned a Ph.D. The thesis was on rivers.",
			[]string{"He met J.K. Rowling and George W. Bush.", "She earned a Ph.D.", "The thesis was on rivers."}},
		{"state abbreviation ends sentence", "He was born in St. Louis, Mo. He moved to N.Y. in 1990.",
			[]string{"He was born in St. Louis, Mo.", "He moved to N.Y. in 1990."}},
		{"a.m. before a name or a day", "It ends at 5 p.m. Mr. Smith speaks. It starts at 9 a.m. Monday.",
			[]string{"It ends at 5 p.m.", "Mr. Smith speaks.", "It starts at 9 a.m. Monday."}},
		{"url and e-mail end a sentence", "Visit www.example.com. Write to press@example.org. We reply.",
			[]string{"Visit www.example.com.", "Write to press@example.org.", "We reply."}},
		{"money ends a sentence", "It cost $1.5bn. That was 2.5% more.", []string{"It cost $1.5bn.", "That was 2.5% more."}},
		{"missing space after a percentage", "Sales rose 5%.Profits fell.", []string{"Sales rose 5%.", "Profits fell."}},
		{"missing space before a quotation", `He arrived."I am here," he said.`, []string{"He arrived.", `"I am here," he said.`}},
		{"parenthesised sentence", "(The vote was close.) Then the count began.", []string{"(The vote was close.)", "Then the count began."}},
		{"paragraphs", "First paragraph ends here\n\nSecond one. Has two.", []string{"First paragraph ends here", "Second one.", "Has two."}},
		{"one line per paragraph", "A headline without a stop\nThe story starts. It goes on.\nAnother paragraph.",
			[]string{"A headline without a stop", "The story starts.", "It goes on.", "Another paragraph."}},
		{"soft-wrapped paragraph", "The minister said the plan\nwould cost more than expected.\n\nNext paragraph.",
			[]string{"The minister said the plan\nwould cost more than expected.", "Next paragraph."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sentenceTexts(tt.body); !slices.Equal(got, tt.want) {
				t.Errorf("Sentences(%q) = %q, want %q", tt.body, got, tt.want)
			}
		})
	}
}

// TestSentencesSpans checks the contract: Text is body[Start:End], trimmed,
// in order, and paragraphs are numbered from 0.
func TestSentencesSpans(t *testing.T) {
	body := "  One. Two?\n\n\n  Three “four.” Five\n\nSix…  "
	sents := Sentences(body)
	wantPara := []int{0, 0, 1, 1, 2}
	if len(sents) != len(wantPara) {
		t.Fatalf("Sentences(%q) gave %d sentences, want %d: %+v", body, len(sents), len(wantPara), sents)
	}
	end := 0
	for i, s := range sents {
		if body[s.Start:s.End] != s.Text || strings.TrimSpace(s.Text) != s.Text || s.Start < end {
			t.Errorf("sentence %d = %+v: not a trimmed, ordered span of the body", i, s)
		}
		if s.Para != wantPara[i] {
			t.Errorf("sentence %d %q: Para = %d, want %d", i, s.Text, s.Para, wantPara[i])
		}
		end = s.End
	}
	if len(Sentences("")) != 0 || len(Sentences(" \n\n ")) != 0 {
		t.Error("Sentences of a blank body should be empty")
	}
}

// TestSentencesSeed compares the seed article's sentences with
// testdata/sentences-seed.golden (rewrite with -update).
func TestSentencesSeed(t *testing.T) {
	body := articleBody(t, filepath.Join("testdata", "sentences-seed.md"))
	got := strings.Join(sentenceTexts(body), "\n") + "\n"
	golden := filepath.Join("testdata", "sentences-seed.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("seed sentences differ from %s (run with -update to accept):\n%s", golden, got)
	}
	if !strings.Contains(got, "\nLater, he reduced it to 10 days.\n") {
		t.Error(`"Later, he reduced it to 10 days." is not a sentence of its own`)
	}
}
