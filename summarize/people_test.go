package summarize

import (
	"path/filepath"
	"slices"
	"testing"
)

func registryOf(body string) *registry { return newRegistry(Sentences(body)) }

func personNamed(ps []Person, name string) (Person, bool) {
	i := slices.IndexFunc(ps, func(p Person) bool { return p.Name == name })
	if i < 0 {
		return Person{}, false
	}
	return ps[i], true
}

func names(ps []Person) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Name)
	}
	return out
}

func TestPeople(t *testing.T) {
	tests := []struct {
		name, body string
		want       []string // names, in order of first mention
		org        []bool
	}{
		{"title chain and surname",
			"Kremlin spokesman Dmitry Peskov spoke on Monday. Peskov said talks would go on.",
			[]string{"Kremlin", "Dmitry Peskov"}, []bool{true, false}},
		{"organisation inside a title chain",
			"Shares fell after Globex Inc. CEO Hank Scorpio resigned. Scorpio had led Globex Inc. since 2001.",
			[]string{"Globex Inc.", "Hank Scorpio"}, []bool{true, false}},
		{"places, months and weekdays are no people",
			"On Monday, March 3, ministers from Canada and Japan met in New York. Europe was absent.",
			nil, nil},
		{"fuller names absorb shorter ones",
			"Chief operating officer Timothy D. Cook took charge. Tim Cook had run operations. Cook declined to comment.",
			[]string{"Timothy D. Cook"}, []bool{false}},
		{"appositive makes a person",
			"Nadia Farouk, a lawyer for the families, said the case would go to appeal.",
			[]string{"Nadia Farouk"}, []bool{false}},
		{"organisation suffix",
			"The Northern Rail Company said fares would rise. Staff at Westfield University objected.",
			[]string{"Northern Rail Company", "Westfield University"}, []bool{true, true}},
		{"sentence-initial common word is no name",
			"Investors sold shares. Analysts expected the drop.",
			nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := registryOf(tt.body).people()
			if got := names(ps); !slices.Equal(got, tt.want) {
				t.Fatalf("people(%q) = %q, want %q", tt.body, got, tt.want)
			}
			for i, p := range ps {
				if p.Org != tt.org[i] {
					t.Errorf("%s: Org = %v, want %v", p.Name, p.Org, tt.org[i])
				}
			}
		})
	}
}

func TestPeopleDetails(t *testing.T) {
	body := "Nina Khrushcheva, a professor at The New School in New York, said the war would go on.\n\n" +
		"Khrushcheva said that sanctions had failed.\n\nThis analyst said the Kremlin was patient."
	ps := registryOf(body).people()
	p, ok := personNamed(ps, "Nina Khrushcheva")
	if !ok {
		t.Fatalf("people() = %q, want Nina Khrushcheva among them", names(ps))
	}
	if p.Description != "a professor at The New School in New York" {
		t.Errorf("Description = %q, want the appositive", p.Description)
	}
	for _, a := range []string{"Khrushcheva", "This analyst"} {
		if !slices.Contains(p.Aliases, a) {
			t.Errorf("Aliases = %q, want %q among them", p.Aliases, a)
		}
	}
	if !slices.Equal(p.Sentences, []int{0, 1, 2}) {
		t.Errorf("Sentences = %v, want [0 1 2]", p.Sentences)
	}
	if org, ok := personNamed(ps, "The New School"); !ok || !org.Org {
		t.Errorf("people() = %q, want the organisation The New School", names(ps))
	}
}

// TestResolve covers the mentions another part of the package resolves:
// titles with names, surnames, pronouns, descriptions, organisations.
func TestResolve(t *testing.T) {
	r := newRegistry(Sentences(articleBody(t, filepath.Join("testdata", "sentences-seed.md"))))
	sentOf := func(text string) int {
		for i, s := range r.d.sents {
			if s.Text == text {
				return i
			}
		}
		t.Fatalf("no sentence %q", text)
		return -1
	}
	later := sentOf("Later, he reduced it to 10 days.")
	analyst := sentOf("This analyst said that Putin thinks that he is fulfilling the dreams of Russian tsars or leaders like Stalin.")
	accused := sentOf("He accused Putin of saying ‘a lot of bad things’ about Ukraine.")
	tests := []struct {
		mention string
		sent    int
		want    string
		ok      bool
	}{
		{"US President Trump", later, "Donald Trump", true},
		{"Russian President Putin", later, "Vladimir Putin", true},
		{"Russian President Vladimir Putin", 0, "Vladimir Putin", true},
		{"Trump", later, "Donald Trump", true},
		{"Trump’s", later, "Donald Trump", true},
		{"he", later, "Donald Trump", true},
		{"He", accused, "Donald Trump", true},
		{"This analyst", analyst, "Nina Khrushcheva", true},
		{"the professor", analyst, "Nina Khrushcheva", true},
		{"Khrushcheva", analyst, "Nina Khrushcheva", true},
		{"The newspaper", 5, "Moskovsky Komsomolets", true},
		{"the Kremlin", later, "Kremlin", true},
		{"Moscow", later, "Moscow", false},
		{"a Russian newspaper", later, "a Russian newspaper", false},
		{"nobody in particular", later, "nobody in particular", false},
	}
	for _, tt := range tests {
		got, ok := r.resolve(tt.mention, tt.sent)
		if got != tt.want || ok != tt.ok {
			t.Errorf("resolve(%q, %d) = %q, %v, want %q, %v", tt.mention, tt.sent, got, ok, tt.want, tt.ok)
		}
	}
}

// TestRegistryEmpty checks the registry on no sentences and on hand-made
// sentences without offsets.
func TestRegistryEmpty(t *testing.T) {
	r := newRegistry(nil)
	if ps := r.people(); len(ps) != 0 {
		t.Errorf("people() of nothing = %v", ps)
	}
	if got, ok := r.resolve("he", 0); ok || got != "he" {
		t.Errorf(`resolve("he", 0) on nothing = %q, %v`, got, ok)
	}
	if qs := findQuotes(nil, r); len(qs) != 0 {
		t.Errorf("findQuotes(nil) = %v", qs)
	}
	sents := []Sentence{{Text: "Governor Ann Lee spoke."}, {Text: `"We are ready," she said.`, Para: 1}}
	qs := findQuotes(sents, newRegistry(sents))
	if len(qs) != 1 || qs[0].Speaker != "Ann Lee" || qs[0].Sentence != 1 {
		t.Errorf("findQuotes(hand-made) = %+v, want Ann Lee's quote in sentence 1", qs)
	}
}

func TestLowerArticle(t *testing.T) {
	tests := []struct{ in, want string }{
		{"A Russian security analyst", "a Russian security analyst"},
		{"An economist at the bank", "an economist at the bank"},
		{"The newspaper", "the newspaper"},
		{"The New School", "The New School"},
		{"a professor at The New School", "a professor at The New School"},
		{"Chairman", "Chairman"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := lowerArticle(tt.in); got != tt.want {
			t.Errorf("lowerArticle(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
