package summarize

import (
	"fmt"
	"slices"
	"testing"
)

// q is a wanted quote: speaker | kind | text.
type q struct{ speaker, kind, text string }

func quotesOf(body string) []q {
	sents := Sentences(body)
	var out []q
	for _, x := range findQuotes(sents, newRegistry(sents)) {
		out = append(out, q{x.Speaker, x.Kind, x.Text})
	}
	return out
}

func TestFindQuotes(t *testing.T) {
	const d, r = Direct, Reported
	tests := []struct {
		name, body string
		want       []q
	}{
		{"said after quote, inverted",
			`"We will not back down," said Maria Lopez, the union's president.`,
			[]q{{"Maria Lopez", d, "We will not back down"}}},
		{"said after quote",
			`"Prices will keep rising," Jonathan Reed said on Tuesday.`,
			[]q{{"Jonathan Reed", d, "Prices will keep rising"}}},
		{"cue before with colon",
			`Finance Minister Olaf Berger said: "The budget is balanced for the first time in a decade."`,
			[]q{{"Olaf Berger", d, "The budget is balanced for the first time in a decade."}}},
		{"wrote with comma",
			`The Daily Courier wrote, “The mayor has lost the trust of the city.”`,
			[]q{{"Daily Courier", d, "The mayor has lost the trust of the city."}}},
		{"interrupted quote gives two entries",
			`"We are ready to talk," Ambassador Karen Whitfield said, "but only if the shelling stops first."`,
			[]q{{"Karen Whitfield", d, "We are ready to talk"}, {"Karen Whitfield", d, "but only if the shelling stops first."}}},
		{"multi-sentence quote is one entry",
			`Coach Daniel Ortiz said: "We played badly. We lost the ball too often. That has to change."`,
			[]q{{"Daniel Ortiz", d, "We played badly. We lost the ball too often. That has to change."}}},
		{"quote continued in the next paragraph",
			"\"The river rose faster than anyone expected,\" said fire chief Laura Benton.\n\n\"We evacuated four streets before midnight.\"",
			[]q{{"Laura Benton", d, "The river rose faster than anyone expected"}, {"Laura Benton", d, "We evacuated four streets before midnight."}}},
		{"open quote runs on to the next paragraph",
			"Mayor Tom Ellis said: \"We have asked for federal help. The damage is enormous.\n\n\"Crews will work through the night.\"",
			[]q{{"Tom Ellis", d, "We have asked for federal help. The damage is enormous."}, {"Tom Ellis", d, "Crews will work through the night."}}},
		{"pronoun after quote",
			"Sarah Klein runs the shelter.\n\n\"We have no beds left,\" she said.",
			[]q{{"Sarah Klein", d, "We have no beds left"}}},
		{"reported that-clause",
			`Central bank governor Ahmed Nasser said that interest rates would stay unchanged until March.`,
			[]q{{"Ahmed Nasser", r, "interest rates would stay unchanged until March"}}},
		{"reported without that",
			`The ministry said the border crossing would reopen on Friday.`,
			[]q{{"The ministry", r, "the border crossing would reopen on Friday"}}},
		{"told a listener",
			`Police chief Mark Daly told reporters that two suspects had been arrested.`,
			[]q{{"Mark Daly", r, "two suspects had been arrested"}}},
		{"clause-final attribution",
			`The factory will close by the end of the year, the company said.`,
			[]q{{"the company", r, "The factory will close by the end of the year"}}},
		{"according to",
			`According to the health ministry, 40 people were treated for smoke inhalation.`,
			[]q{{"the health ministry", r, "40 people were treated for smoke inhalation"}}},
		{"possessive claim",
			`Voters doubted Senator Hal Morgan's claim that he had never met the donor.`,
			[]q{{"Hal Morgan", r, "he had never met the donor"}}},
		{"fragment with reporting verb",
			`Governor Ruth Adler called the ruling "a disgrace" and "an insult to voters."`,
			[]q{{"Ruth Adler", d, "a disgrace and an insult to voters."}}},
		{"fragment inside reported speech",
			`Economist Paul Varga said the recovery was "fragile at best" this spring.`,
			[]q{{"Paul Varga", d, "fragile at best"}}},
		{"scare quotes without a cue are no quotes",
			`The so-called "peace plan" was rejected. Its "reforms" changed little.`,
			nil},
		{"title of a work is no quote",
			`She starred in "The Long Night of Winter" last year, the studio said.`,
			[]q{{"the studio", r, "She starred in \"The Long Night of Winter\" last year"}}},
		{"naming is no quote",
			`Rebels call the offensive a "liberation campaign".`,
			nil},
		{"appositive subject",
			`Elena Petrova, a historian at Leeds University, said the archive had been closed for decades.`,
			[]q{{"Elena Petrova", r, "the archive had been closed for decades"}}},
		{"description resolves to the last expert",
			"Omar Haddad, an economist at the Cairo Institute, said inflation had peaked.\n\nThe analyst said that the currency would recover next year.",
			[]q{{"Omar Haddad", r, "inflation had peaked"}, {"Omar Haddad", r, "the currency would recover next year"}}},
		{"surname resolves to full name",
			"Prime Minister Anna Lindqvist visited the port.\n\nLindqvist said the harbour would be rebuilt.",
			[]q{{"Anna Lindqvist", r, "the harbour would be rebuilt"}}},
		{"unnamed source as written",
			`A senior official said the talks had stalled.`,
			[]q{{"A senior official", r, "the talks had stalled"}}},
		{"negated verb reports nothing",
			`The company did not say whether jobs would be cut.`,
			nil},
		{"passive reports nothing",
			`The decision was announced after the meeting.`,
			nil},
		{"reporting inside a quote belongs to the quote",
			`"I told them that we would stay," said pilot James Orr.`,
			[]q{{"James Orr", d, "I told them that we would stay"}}},
		{"newspaper named by a noun",
			`The newspaper Le Courrier reported that the minister had resigned.`,
			[]q{{"Le Courrier", r, "the minister had resigned"}}},
		{"organisation pronoun",
			"Northwind Airlines cancelled 40 flights.\n\nIt said that storms had closed two airports.",
			[]q{{"Northwind Airlines", r, "storms had closed two airports"}}},
		{"coordinated verb keeps the subject",
			`Judge Carla Munoz rejected the appeal and said the evidence was overwhelming.`,
			[]q{{"Carla Munoz", r, "the evidence was overwhelming"}}},
		{"apostrophes are not quote marks",
			`The mayor’s office said the city’s budget wasn’t affected by the workers’ strike.`,
			[]q{{"The mayor’s office", r, "the city’s budget wasn’t affected by the workers’ strike"}}},
		{"told a broadcaster",
			`"It's over," Kevin Marsh told CNN.`,
			[]q{{"Kevin Marsh", d, "It's over"}}},
		{"age appositive",
			`Lopez, 54, said she would appeal the ruling.`,
			[]q{{"Lopez", r, "she would appeal the ruling"}}},
		{"relative clause and in a statement",
			`The company, which employs 3,000 people, said in a statement that it would appeal.`,
			[]q{{"The company", r, "it would appeal"}}},
		{"in a statement after quote",
			`"We regret the delay," the airline said in a statement.`,
			[]q{{"the airline", d, "We regret the delay"}}},
		{"leading adverbial",
			`In an interview with the BBC, Helen Grant said the deal was dead.`,
			[]q{{"Helen Grant", r, "the deal was dead"}}},
		{"time word before that",
			`Officials said Monday that the road would stay closed.`,
			[]q{{"Officials", r, "the road would stay closed"}}},
		{"pronoun chain",
			"Finance chief Peter Novak presented the figures.\n\nHe also warned that prices could rise.",
			[]q{{"Peter Novak", r, "prices could rise"}}},
		{"declined to comment",
			`Peter Novak declined to comment.`,
			nil},
		{"bare present plural",
			`Critics say the law is unfair to renters.`,
			[]q{{"Critics", r, "the law is unfair to renters"}}},
		{"short quote inverted",
			`"No comment," said a spokeswoman for the ministry.`,
			[]q{{"a spokeswoman for the ministry", d, "No comment"}}},
		{"british single quotes fragment",
			`The minister said the plan was ‘dead in the water’.`,
			[]q{{"The minister", d, "dead in the water"}}},
		{"question asked",
			`"Why would we leave?" asked resident Ali Rahimi.`,
			[]q{{"Ali Rahimi", d, "Why would we leave?"}}},
		{"two speakers in one sentence",
			`Kate Brown said the deal was done, but Mike Green said talks would continue.`,
			[]q{{"Kate Brown", r, "the deal was done"}, {"Mike Green", r, "talks would continue"}}},
		{"subject pronoun picks the subject",
			"Alan Smith met David Jones in Rome.\n\nHe said the meeting had been useful.",
			[]q{{"Alan Smith", r, "the meeting had been useful"}}},
		{"she picks the woman",
			"Robert Hale and Susan Park met on Friday.\n\nShe said they had agreed on a timetable.",
			[]q{{"Susan Park", r, "they had agreed on a timetable"}}},
		{"tweeted",
			`“Enough is enough,” tweeted Senator Amy Clark.`,
			[]q{{"Amy Clark", d, "Enough is enough"}}},
		{"unnamed description after quote resolves",
			"Senator Bill Ray spoke in Ohio.\n\n“I’m not going anywhere,” the 71-year-old senator told supporters on Saturday.",
			[]q{{"Bill Ray", d, "I’m not going anywhere"}}},
		{"colon after a leading clause",
			"Asked whether he would resign, Prime Minister Leo Marsh said: “Absolutely not.”",
			[]q{{"Leo Marsh", d, "Absolutely not."}}},
		{"statement phrase and day before that",
			"The Pentagon said in a statement on Tuesday that the drills were routine.",
			[]q{{"Pentagon", r, "the drills were routine"}}},
		{"reverse appositive with possessive",
			"Smith’s lawyer, Jane Doe, said her client was innocent.",
			[]q{{"Jane Doe", r, "her client was innocent"}}},
		{"second quote of the paragraph keeps the speaker",
			"“It’s a tragedy,” said Anne Green. “We must learn from it.”",
			[]q{{"Anne Green", d, "It’s a tragedy"}, {"Anne Green", d, "We must learn from it."}}},
		{"a document speaks as written",
			"The report said 40% of firms expected to cut jobs.",
			[]q{{"The report", r, "40% of firms expected to cut jobs"}}},
		{"relative clause fragment",
			`"We have been here before," warned Fed chair Jerome Powell, who called inflation "stubborn."`,
			[]q{{"Jerome Powell", d, "We have been here before"}, {"Jerome Powell", d, "stubborn."}}},
		{"pronoun before colon quote",
			"Chancellor Olga Brandt visited the plant.\n\nShe told The Guardian: “We were never consulted.”",
			[]q{{"Olga Brandt", d, "We were never consulted."}}},
		{"possessive subject resolves through the appositive",
			"In May, the board of Delta Corp. approved the merger. Its chairman, Ray Ortiz, said the deal would close in June.",
			[]q{{"Ray Ortiz", r, "the deal would close in June"}}},
		{"parenthetical adverb",
			"Residents, however, say the water is still unsafe.",
			[]q{{"Residents", r, "the water is still unsafe"}}},
		{"no response is no statement",
			"The White House did not respond to a request for comment.",
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := quotesOf(tt.body)
			if !slices.Equal(got, tt.want) {
				t.Errorf("findQuotes(%q)\n got %s\nwant %s", tt.body, fmtQuotes(got), fmtQuotes(tt.want))
			}
		})
	}
}

func fmtQuotes(qs []q) string {
	s := ""
	for _, x := range qs {
		s += fmt.Sprintf("\n   %s | %s | %s", x.speaker, x.kind, x.text)
	}
	return s
}
