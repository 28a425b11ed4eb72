package bot

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode"

	"github.com/kljensen/snowball/english"
)

// refWords, refTerms and refQueryTerms are the tokenizer as first written
// (strings.ToLower, strings.FieldsFunc and english.Stem on every word):
// the reference the fast one must match word for word.
func refWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

func refTerms(s string) []string {
	var out []string
	for _, w := range refWords(s) {
		if !english.IsStopWord(w) {
			out = append(out, english.Stem(w, false))
		}
	}
	return out
}

func refQueryTerms(s string, question bool) []string {
	var out []string
	for _, w := range refWords(s) {
		if english.IsStopWord(w) || question && questionFiller[w] {
			continue
		}
		if t := english.Stem(w, false); !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

// tokenCases are texts whose words are easy to get wrong: capitals,
// apostrophes, digits, letters outside ASCII, runes whose lowercase is
// ASCII or no letter (U+0130 lowercases to "i" and a combining dot), and
// invalid UTF-8.
var tokenCases = []string{
	"",
	"   ",
	"The Russia's tariffs rose 25% in 2024; Trump said: \"No!\"",
	"UPPER lower MiXeD CamelCase",
	"don't won't it's O'Brien’s",
	"Zürich, São Paulo, Ångström, ÉCOLE, straße STRASSE ẞ",
	"İstanbul Iİıi KELVIN \u212a sign",
	"ΣΊΣΥΦΟΣ σίσυφος Москва МОСКВА 北京 東京",
	"Arabic digits ٣٤٥ and superscript ²³ and ½",
	"combining e\u0301 accents and a\u0308",
	"invalid \xff\xfe bytes \xc3 end\xe2\x80",
	"emoji 🎉party🎉 and NBSP\u00a0space and em—dash",
	"tab\tnew\nline\r\nend",
	"tell me what Trump said about the news, please",
	"Whats happening with BriefBot? Show me anything",
	"a an the of and or but",
	strings.Repeat("x", 200) + " long words " + strings.Repeat("Ü", 80),
}

func TestWordsMatchReference(t *testing.T) {
	for _, s := range append(tokenCases, randomTexts(500)...) {
		if got, want := words(s), refWords(s); !slices.Equal(got, want) {
			t.Errorf("words(%q) = %q, want %q", s, got, want)
		}
		if got, want := terms(s), refTerms(s); !slices.Equal(got, want) {
			t.Errorf("terms(%q) = %q, want %q", s, got, want)
		}
		for _, question := range []bool{false, true} {
			if got, want := queryTerms(s, question), refQueryTerms(s, question); !slices.Equal(got, want) {
				t.Errorf("queryTerms(%q, %v) = %q, want %q", s, question, got, want)
			}
		}
	}
}

// TestStem checks the memoised stem against the stemmer, including words
// looked up again after the memo froze them.
func TestStem(t *testing.T) {
	for range 2 {
		for _, w := range refWords(strings.Join(tokenCases, " ")) {
			if got, want := stem(w), english.Stem(w, false); got != want {
				t.Errorf("stem(%q) = %q, want %q", w, got, want)
			}
		}
	}
}

// randomTexts returns n texts drawn from an alphabet of the runes
// tokenCases shows to be tricky.
func randomTexts(n int) []string {
	rng := rand.New(rand.NewPCG(7, 11))
	alphabet := []string{
		"a", "E", "z", "Q", "0", "9", " ", " ", " ", "'", "’", ",", ".", "-", "\n",
		"é", "Ü", "ß", "ẞ", "İ", "ı", "\u212a", "Σ", "ς", "Д", "北", "٣", "²", "\u0301",
		"\xff", "\xc3", "🎉", "\u00a0", "the ", "Trump ", "said ", "running ", "tariffs ",
	}
	out := make([]string, n)
	for i := range out {
		var b strings.Builder
		for range rng.IntN(40) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		out[i] = b.String()
	}
	return out
}

// FuzzTerms checks words, terms and queryTerms against the reference on
// any text.
func FuzzTerms(f *testing.F) {
	for _, s := range tokenCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := words(s), refWords(s); !slices.Equal(got, want) {
			t.Errorf("words(%q) = %q, want %q", s, got, want)
		}
		if got, want := terms(s), refTerms(s); !slices.Equal(got, want) {
			t.Errorf("terms(%q) = %q, want %q", s, got, want)
		}
		if got, want := queryTerms(s, true), refQueryTerms(s, true); !slices.Equal(got, want) {
			t.Errorf("queryTerms(%q, true) = %q, want %q", s, got, want)
		}
	})
}

func TestNormIs(t *testing.T) {
	texts := append(tokenCases, randomTexts(300)...)
	for i, s := range texts {
		for _, other := range []string{s, texts[(i+1)%len(texts)], s + " x", "x " + s, strings.ToUpper(s)} {
			norm := strings.Join(refWords(other), " ")
			if got, want := normIs(s, norm), strings.Join(refWords(s), " ") == norm; got != want {
				t.Errorf("normIs(%q, %q) = %v, want %v", s, norm, got, want)
			}
		}
	}
}

// TestTermsConcurrent tokenizes on several goroutines at once, as an index
// build does, while the memo freezes new words: every answer must match
// the reference (run with -race to check the memo's locking).
func TestTermsConcurrent(t *testing.T) {
	texts := randomTexts(400)
	for i := range texts { // words the memo has not seen
		texts[i] += fmt.Sprintf(" concurrent%dword w%dx", i, i%37)
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for k := range texts {
				s := texts[(k*7+g*13)%len(texts)]
				if got, want := terms(s), refTerms(s); !slices.Equal(got, want) {
					t.Errorf("terms(%q) = %q, want %q", s, got, want)
				}
			}
		})
	}
	wg.Wait()
}
