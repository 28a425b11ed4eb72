package summarize

import "strings"

// Sentences splits a body into sentences. STUB: replaced by sentences.go.
func Sentences(body string) []Sentence {
	var out []Sentence
	off := 0
	for i, p := range strings.Split(body, "\n\n") {
		t := strings.TrimSpace(p)
		if t != "" {
			s := off + strings.Index(p, t)
			out = append(out, Sentence{Text: t, Start: s, End: s + len(t), Para: i})
		}
		off += len(p) + 2
	}
	return out
}

// findQuotes STUB: replaced by quotes.go.
func findQuotes(sents []Sentence, reg *registry) []Quote { return nil }
