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

// aheadAfterSpace indexes the aheadPhrases that start with a space by
// their first letter (an array, not a map: it is read at every space of
// every sentence); the others are searched for on their own.
// aheadSecond[c] has bit b&63 set for the second letter b of every phrase
// aheadAfterSpace[c] holds, to turn away most words before comparing.
var aheadAfterSpace, aheadInWord, aheadSecond = func() (*[256][]string, []string, *[256]uint64) {
	var m [256][]string
	var second [256]uint64
	var rest []string
	for _, p := range aheadPhrases {
		if len(p) > 2 && p[0] == ' ' {
			m[p[1]] = append(m[p[1]], p)
			second[p[1]] |= 1 << (p[2] & 63)
		} else {
			rest = append(rest, p)
		}
	}
	return &m, rest, &second
}()

// hasAheadPhrase reports whether " "+low contains one of aheadPhrases,
// without building that string or searching it once a phrase: it tries
// the phrases starting with a space at each word after a space of low and
// at its start.
func hasAheadPhrase(low string) bool {
	for _, p := range aheadInWord {
		if strings.Contains(low, p) {
			return true
		}
	}
	for i := 0; i < len(low); { // i: 0 or the byte after a space
		if m := aheadSecond[low[i]]; m != 0 && i+1 < len(low) && m&(1<<(low[i+1]&63)) != 0 {
			rest := low[i:]
			for _, p := range aheadAfterSpace[low[i]] {
				if len(rest) >= len(p)-1 && rest[:len(p)-1] == p[1:] {
					return true
				}
			}
		}
		for i < len(low) && low[i] != ' ' {
			i++
		}
		i++
	}
	return false
}

// figureWords are figures written as words, beyond the counting words of
// numberWords.
var figureWords = wordsOf("fifteen sixty seventy eighty ninety half third quarter percent")

// wordFlags holds, for each word of the lists above, which lists it is
// in, so sentenceTraits looks each word up once.
var wordFlags = func() map[string]uint8 {
	m := map[string]uint8{}
	for _, l := range []struct {
		words map[string]bool
		flag  uint8
	}{{firstPerson, flagFirstPerson}, {dependentOpeners, flagOpener}, {numberWords, flagFigure},
		{figureWords, flagFigure}, {aheadWords, flagAhead}} {
		for w := range l.words {
			m[w] |= l.flag
		}
	}
	return m
}()

// wordFlagsFilter turns most words away before a lookup in wordFlags.
var wordFlagsFilter = newWordFilter(wordFlags)

// wordFlagsTable is wordFlags for the lookups of sentenceTraits.
var wordFlagsTable = newWordTable(wordFlags)

const (
	flagFirstPerson uint8 = 1 << iota
	flagOpener
	flagFigure
	flagAhead
)

// sentenceTraits measures s. It walks the words of s with iterators rather
// than slices: it runs for every sentence of every article.
func sentenceTraits(s string) traits { return sentenceTraitsLow(s, "", false) }

// sentenceTraitsLow is sentenceTraits with s in lower case given: low and
// same as lowerSameWidth(s) returns them, or same false to lower s here.
func sentenceTraitsLow(s, lowS string, same bool) traits {
	words, caps := capitalFields(s)
	return sentenceTraitsFields(s, lowS, same, words, caps)
}

// sentenceTraitsFields is sentenceTraitsLow with words, caps =
// capitalFields(s) given.
func sentenceTraitsFields(s, lowS string, same bool, words, caps int) traits {
	var t traits
	t.words = words
	t.names = caps >= 2
	t.question = strings.HasSuffix(strings.TrimRight(s, `"”’')]`), "?")
	t.quoteShare, t.quotePart = quoting(s)
	trimmed := strings.TrimLeft(s, "\"“‘'([«")
	var low string
	if same {
		low = lowS[len(s)-len(trimmed):] // the marks trimmed are whole runes
	} else {
		low = strings.ToLower(trimmed)
	}
	k := 0
	for i := 0; ; {
		w, next := nextWord(low, i)
		if w == "" {
			break
		}
		i = next
		var f uint8
		if wordFlagsFilter.mayHave(w) {
			f, _ = wordFlagsTable.get(w)
		}
		if k == 0 && f&flagFirstPerson != 0 {
			t.quoteShare = 1 // a letter or statement printed without quotation marks: not the reporter's voice
		}
		if k == 0 && f&flagOpener != 0 || k < 5 && w == "also" { // "Attendance also rose": a continuation
			t.dependent = true
		}
		t.number = t.number || f&flagFigure != 0
		t.ahead = t.ahead || f&flagAhead != 0
		k++
		if k >= 5 && t.number && t.ahead {
			break // the later words can change nothing
		}
	}
	for _, p := range dependentPhrases {
		if len(low) > len(p) && strings.HasPrefix(low, p) && (low[len(p)] == ' ' || low[len(p)] == ',') {
			t.dependent = true
		}
	}
	t.number = t.number || hasFigure(s)
	t.ahead = t.ahead || hasAheadPhrase(low)
	return t
}

// notWordRune separates the words sentenceTraits looks up: a word is
// letters, digits and apostrophes ("won't", "we’re").
func notWordRune(r rune) bool {
	return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’'
}

// hasFigure reports whether s holds a number written in digits that is not
// a year: a year dates a sentence, which Analysis.timely judges, rather
// than giving a figure.
func hasFigure(s string) bool {
	for i := 0; i < len(s); {
		if !figureStops[s[i]] {
			// No run starts here, nor up to the next digit, mark or
			// multi-byte rune: told without decoding, in one tight walk.
			for i++; i < len(s) && !figureStops[s[i]]; i++ {
			}
			continue
		}
		// A run of digits, periods and commas, as strings.FieldsFunc cuts
		// it, found without decoding ASCII.
		j := i
		for j < len(s) {
			if c := s[j]; c < utf8.RuneSelf {
				if '0' <= c && c <= '9' || c == '.' || c == ',' {
					j++
					continue
				}
				break
			}
			r, n := utf8.DecodeRuneInString(s[j:])
			if !unicode.IsDigit(r) {
				break
			}
			j += n
		}
		if j == i {
			_, n := utf8.DecodeRuneInString(s[i:])
			i += n
			continue
		}
		f := trimDotsCommas(s[i:j])
		i = j
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

// figureStops marks the bytes where a run of hasFigure may start: ASCII
// digits, '.' and ',', and every byte of a multi-byte rune, which it
// decodes.
var figureStops = func() (t [256]bool) {
	for c := utf8.RuneSelf; c < 256; c++ {
		t[c] = true
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	t['.'], t[','] = true, true
	return t
}()

// trimDotsCommas is strings.Trim(f, ".,") without building a cut set.
func trimDotsCommas(f string) string {
	for f != "" && (f[0] == '.' || f[0] == ',') {
		f = f[1:]
	}
	for f != "" && (f[len(f)-1] == '.' || f[len(f)-1] == ',') {
		f = f[:len(f)-1]
	}
	return f
}
