package summarize

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// bigArticle builds a synthetic article of about n bytes with many distinct
// people, organisations, quotes and pronouns.
func bigArticle(n int) string {
	rng := rand.New(rand.NewPCG(1, 2))
	syl := []string{"ka", "lo", "mer", "tin", "sa", "vor", "del", "ru", "pen", "zo", "mi", "tar"}
	word := func() string {
		w := ""
		for range 2 + rng.IntN(2) {
			w += syl[rng.IntN(len(syl))]
		}
		return strings.ToUpper(w[:1]) + w[1:]
	}
	first := []string{"John", "Maria", "Ahmed", "Olga", "Peter", "Susan"}
	var b strings.Builder
	for b.Len() < n {
		name := first[rng.IntN(len(first))] + " " + word()
		org := word() + " Corp."
		switch rng.IntN(5) {
		case 0:
			fmt.Fprintf(&b, "%s, an analyst at %s, said that the market would recover. ", name, org)
		case 1:
			fmt.Fprintf(&b, "\"We will not sell the %s plant,\" said %s. He added that talks were continuing. ", word(), name)
		case 2:
			fmt.Fprintf(&b, "According to %s, the deal was worth $%d.%d million. The analyst said the U.S. regulator agreed. ", org, rng.IntN(900), rng.IntN(9))
		case 3:
			fmt.Fprintf(&b, "Minister %s called the plan 'reckless' and 'unfair'. She told reporters the vote was on Jan. 5. ", name)
		default:
			fmt.Fprintf(&b, "%s met %s in %s. The company declined to comment. ", name, org, word())
		}
		if rng.IntN(4) == 0 {
			b.WriteString("\n\n")
		}
	}
	return b.String()
}

func BenchmarkPeopleAndQuotes(b *testing.B) {
	body := bigArticle(1 << 20)
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		sents := Sentences(body)
		reg := newRegistry(sents)
		findQuotes(sents, reg)
		reg.people()
	}
}

// BenchmarkOneHugeSentence guards against work quadratic in sentence
// length: 256 KB with no sentence end, many names, cues and stray quotes.
func BenchmarkOneHugeSentence(b *testing.B) {
	body := strings.Repeat(`Maria Kolvor said that John Tarmer, an analyst, told reporters "Acme Corp. would sell, `, 3000)
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		sents := Sentences(body)
		reg := newRegistry(sents)
		findQuotes(sents, reg)
	}
}
