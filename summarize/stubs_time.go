package summarize

import "time"

// findDeadlines STUB: replaced by deadlines.go.
func findDeadlines(sents []Sentence, reg *registry, published time.Time) []Deadline { return nil }

// findEvents STUB: replaced by events.go.
func findEvents(sents []Sentence, published time.Time) []Event { return nil }
