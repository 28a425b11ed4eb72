package summarize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// traits are the surface properties of a sentence the summary ranker
// weighs: whether it can stand alone in a summary, away from the sentences
// around it, and whether it carries facts.
type traits struct {
	words      int
	question   bool    // ends in '?': a rhetorical or open question rarely states the news
	quoteShare float64 // share of its letters inside quotation marks
	quotePart  bool    // part of a quotation that runs over several sentences: a fragment
	dependent  bool    // opens by pointing back ("He", "This", "But", "However", "It also")
	number     bool    // a figure: digits or a number word
	ahead      bool    // looks ahead: a future tense, a schedule or a limit ("will", "is due to", "until")
	names      bool    // two or more capitalised words after the first
}

// dependentOpeners are first words that make a sentence lean on the one
// before it: personal and demonstrative pronouns, and discourse
// connectives.
var dependentOpeners = wordsOf("he she it they him them his her its their this that these those such " +
	"but however also and so yet still meanwhile instead then moreover furthermore nevertheless " +
	"nonetheless besides thus hence therefore consequently additionally likewise similarly otherwise " +
	"indeed later afterwards others another both neither there")

// firstPerson opens a sentence in someone else's voice.
var firstPerson = wordsOf("i we my our i'm we're i’m we’re")

// dependentPhrases open a sentence the same way in more than one word.
var dependentPhrases = []string{"in addition", "as a result", "for example", "for instance", "on the other hand",
	"in contrast", "by contrast", "at the same time", "even so", "the move", "the decision", "the announcement"}

// aheadWords and aheadPhrases mark a sentence about what comes next: a
// future tense, a schedule, a limit, or a commitment to act.
var (
	aheadWords   = wordsOf("will shall won't until till")
	aheadPhrases = []string{"'ll ", "’ll ", " set to ", " due to be", " due in ", " due on ", " due by ", " expected to ",
		" scheduled to ", " scheduled for ", " plans to ", " planned to ", " intends to ", " aims to ",
		" decided to ", " agreed to ", " promised to ", " pledged to ", " vowed to ", " threatened to ",
		" is to ", " are to ", " next week", " next month", " next year", " next season", " by the end of "}
)

// figureWords are figures written as words, beyond the counting words of
// numberWords.
var figureWords = wordsOf("fifteen sixty seventy eighty ninety half third quarter percent")

// sentenceTraits measures s.
func sentenceTraits(s string) traits {
	t := traits{words: len(strings.Fields(s))}
	t.question = strings.HasSuffix(strings.TrimRight(s, `"”’')]`), "?")
	t.quoteShare, t.quotePart = quoting(s)
	low := strings.ToLower(strings.TrimLeft(s, "\"“‘'([«"))
	ws := strings.FieldsFunc(low, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’' })
	if len(ws) > 0 && firstPerson[ws[0]] {
		t.quoteShare = 1 // a letter or statement printed without quotation marks: not the reporter's voice
	}
	if len(ws) > 0 && dependentOpeners[ws[0]] {
		t.dependent = true
	}
	for _, p := range dependentPhrases {
		if strings.HasPrefix(low, p+" ") || strings.HasPrefix(low, p+",") {
			t.dependent = true
		}
	}
	for _, w := range ws[:min(len(ws), 5)] {
		if w == "also" { // "Attendance also rose": a continuation
			t.dependent = true
		}
	}
	for _, w := range ws {
		if numberWords[w] || figureWords[w] {
			t.number = true
		}
	}
	t.number = t.number || hasFigure(s)
	for _, w := range ws {
		t.ahead = t.ahead || aheadWords[w]
	}
	for _, p := range aheadPhrases {
		t.ahead = t.ahead || strings.Contains(" "+low, p)
	}
	caps := 0
	for i, w := range strings.Fields(s) {
		if r, _ := utf8.DecodeRuneInString(strings.TrimLeft(w, "\"“‘'([")); i > 0 && unicode.IsUpper(r) {
			caps++
		}
	}
	t.names = caps >= 2
	return t
}

// quoting returns the share of the letters of s inside quotation marks
// (straight or curly double ones, and curly single ones opening at a word
// start) and whether s is part of a longer quotation: a mark left unclosed,
// or one closing what s did not open.
func quoting(s string) (share float64, part bool) {
	rs := []rune(s)
	double, single, unopened := 0, 0, false
	inside, total := 0, 0
	for i, r := range rs {
		prev, next := ' ', ' '
		if i > 0 {
			prev = rs[i-1]
		}
		if i+1 < len(rs) {
			next = rs[i+1]
		}
		switch {
		case r == '"' && double > 0, r == '”' && double > 0:
			double--
		case r == '"', r == '“':
			double++
		case r == '”':
			unopened = true
		case r == '‘' && !unicode.IsLetter(prev):
			single++
		case r == '’' && single > 0 && !unicode.IsLetter(next):
			single--
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			total++
			if double > 0 || single > 0 {
				inside++
			}
		}
	}
	part = double > 0 || single > 0 || unopened
	if total == 0 {
		return 0, part
	}
	return float64(inside) / float64(total), part
}

// hasFigure reports whether s holds a number written in digits that is not
// a year: a year dates a sentence, which Analysis.timely judges, rather
// than giving a figure.
func hasFigure(s string) bool {
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsDigit(r) && r != '.' && r != ',' }) {
		f = strings.Trim(f, ".,")
		if f == "" {
			continue
		}
		if len(f) == 4 && (strings.HasPrefix(f, "19") || strings.HasPrefix(f, "20")) {
			continue
		}
		return true
	}
	return false
}
