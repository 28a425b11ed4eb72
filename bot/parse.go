package bot

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// request is a parsed message.
type request struct {
	cmd   *command // nil when the message is a question
	arg   string   // the argument as typed, words single-spaced; "" when none
	about string   // the topic of "what did NAME say about TOPIC"
	words []string // the message's words, lowercased
	text  string   // the message's words as typed, single-spaced
}

// name returns the command's name, or "question".
func (r request) name() string {
	if r.cmd == nil {
		return "question"
	}
	return r.cmd.Name
}

// key identifies the answer: two messages with the same key get the same
// reply, whoever sends them and however they are spelt in case and
// punctuation.
func (r request) key() string {
	if r.cmd == nil {
		return "?\x00" + strings.Join(r.words, " ")
	}
	return r.cmd.Name + "\x00" + strings.ToLower(r.arg) + "\x00" + strings.ToLower(r.about)
}

// topicWords are words that may open a topic argument and are dropped:
// "timeline of the war", "summary about tariffs".
var topicWords = []string{"about", "on", "of", "for", "regarding"}

// Caps on an argument, in words. No name or topic is this long, and each
// command's cost grows with its argument's length (a name is matched
// against every known name, typos allowed), so a message of thousands of
// words costs what a long question does. A NAME keeps its last words (a
// surname ends it), a TOPIC or WORDS its first.
const (
	maxNameWords = 8
	maxArgWords  = 24
)

// verbs that end the NAME of "what did NAME say".
var (
	auxVerbs = []string{"did", "does", "do", "has", "had", "have"}
	sayVerb  = []string{"say", "said", "says", "think", "thinks", "thought"}
)

// parse reads a message forgivingly: case, punctuation and extra spaces do
// not matter, and a leading "!", "/", "/brief", "@briefbot" or Slack
// mention is ignored.
func parse(text string, cmds []command) request {
	if strings.HasPrefix(strings.TrimSpace(text), "<@") {
		if i := strings.IndexByte(text, '>'); i >= 0 {
			text = text[i+1:]
		}
	}
	typed := tokens(text)
	for len(typed) > 0 && slices.Contains([]string{"brief", "briefbot"}, strings.ToLower(typed[0])) {
		typed = typed[1:]
	}
	req := request{text: strings.Join(typed, " ")}
	for _, t := range typed {
		req.words = append(req.words, strings.ToLower(t))
	}
	w := req.words
	if len(w) == 0 {
		req.cmd = find(cmds, "help")
		return req
	}
	if len(w) >= 4 && w[0] == "what" && slices.Contains(auxVerbs, w[1]) {
		if j := slices.IndexFunc(w[3:], func(s string) bool { return slices.Contains(sayVerb, s) }); j >= 0 {
			j += 3
			req.cmd = find(cmds, "what did")
			name := typed[2:j]
			req.arg = strings.Join(name[max(0, len(name)-maxNameWords):], " ")
			if j+1 < len(w) && slices.Contains(topicWords, w[j+1]) {
				about := typed[j+2:]
				req.about = strings.Join(about[:min(len(about), maxArgWords)], " ")
			}
			return req
		}
	}
	best := 0
	for i := range cmds {
		for _, form := range cmds[i].forms {
			if len(form) > best && len(form) <= len(w) && slices.Equal(w[:len(form)], form) {
				best, req.cmd = len(form), &cmds[i]
			}
		}
	}
	if req.cmd == nil {
		return req
	}
	rest := typed[best:]
	if req.cmd.topic && len(rest) > 0 && slices.Contains(topicWords, strings.ToLower(rest[0])) {
		rest = rest[1:]
	}
	req.arg = strings.Join(rest[:min(len(rest), maxArgWords)], " ")
	return req
}

// tokens splits text into words of letters, digits and inner apostrophes,
// as typed.
func tokens(text string) []string {
	fs := strings.FieldsFunc(text, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’'
	})
	out := fs[:0]
	for _, f := range fs {
		if f = strings.Trim(f, "'’"); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// find returns the command called name; it panics on a name that is not
// registered, which is a programming error.
func find(cmds []command, name string) *command {
	for i := range cmds {
		if cmds[i].Name == name {
			return &cmds[i]
		}
	}
	panic("bot: no command " + name)
}

// didYouMean returns the name of the command the first words of a question
// look like a typo of ("deadlin status", "sumary"), or "". A command name
// of four letters or fewer is only suggested for a message of that one
// word, so "held talks" does not suggest help.
func didYouMean(words []string, cmds []command) string {
	best, name := 3, ""
	for _, c := range cmds {
		for _, form := range c.forms {
			if len(form) > len(words) {
				continue
			}
			f := strings.Join(form, " ")
			limit := typoLimit(f)
			if len([]rune(f)) <= 4 && len(words) != len(form) {
				continue
			}
			w := strings.Join(words[:len(form)], " ")
			if n, m := utf8.RuneCountInString(w), utf8.RuneCountInString(f); n-m > limit || m-n > limit {
				continue // the distance is at least the difference in length: a 4000-letter word costs nothing
			}
			if d := editDistance(w, f); d > 0 && d <= limit && d < best {
				best, name = d, c.Name
			}
		}
	}
	return name
}
