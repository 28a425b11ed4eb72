// Package corpusgen generates synthetic news corpora for benchmarks: any
// number of front-matter Markdown articles of realistic length (300 to
// 1,500 words) about recurring stories, with named people introduced by
// full name and title and then by surname, quotations in the conventions
// newsrooms use, dated events and deadlines ("gave X 10 days to ..."),
// spread across many outlets and years.
//
// A corpus is a pure function of its Config: the same Config gives the
// same articles, byte for byte, on any machine, and Article(i) does not
// depend on the articles before it, so a benchmark can generate 100,000
// articles in memory, in parallel or one at a time, without touching disk.
package corpusgen

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/briefbot/briefbot/corpus"
)

// Config says what corpus to generate. The zero value of each field but N
// takes the default documented on it.
type Config struct {
	N         int       // articles
	Seed      uint64    // same seed, same corpus
	Start     time.Time // the earliest publication day; default 2021-01-01 UTC
	Days      int       // publication days span [Start, Start+Days); default 1,461 (four years)
	StorySize int       // mean articles per story; default 8
}

// Generator makes the articles of one Config. It is safe for concurrent
// use: it holds only what New computed.
type Generator struct {
	cfg     Config
	stories []story
	famous  []person // national figures who turn up across stories
}

type person struct {
	first, last, title, desc, org string
}

// full is the first mention: title, given name and surname.
func (p person) full() string { return p.title + " " + p.first + " " + p.last }

type story struct {
	theme  int
	place  string
	org    string // the organisation at the heart of it
	people []person
	start  int // day offset from Config.Start
	length int // days it runs
	noun   string
	extra  string   // a story-specific word so stories on one theme differ
	words  []string // the story's own subjects ("the Roswood depot"), as a real story has its own details
}

// New returns the generator of cfg's corpus, with cfg's defaults filled.
func New(cfg Config) *Generator {
	if cfg.Start.IsZero() {
		cfg.Start = time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	if cfg.Days <= 0 {
		cfg.Days = 1461
	}
	if cfg.StorySize <= 0 {
		cfg.StorySize = 8
	}
	g := &Generator{cfg: cfg}
	r := rand.New(rand.NewPCG(cfg.Seed, 0x5eed))
	for range 20 {
		g.famous = append(g.famous, newPerson(r))
	}
	n := max(1, (cfg.N+cfg.StorySize-1)/cfg.StorySize)
	g.stories = make([]story, n)
	for s := range g.stories {
		r := rand.New(rand.NewPCG(cfg.Seed, uint64(s)<<32|0x570))
		st := story{
			theme: r.IntN(len(themes)), place: placeOf(r), org: pick(r, orgs),
			start: r.IntN(cfg.Days), length: 3 + r.IntN(90), extra: surnameOf(r),
		}
		st.noun = pick(r, themes[st.theme].nouns)
		for range 4 {
			st.words = append(st.words, surnameOf(r)+" "+pick(r, details))
		}
		for range 2 + r.IntN(3) {
			st.people = append(st.people, newPerson(r))
		}
		if r.IntN(10) == 0 {
			st.people = append(st.people, g.famous[r.IntN(len(g.famous))])
		}
		g.stories[s] = st
	}
	return g
}

// Config returns the configuration with its defaults filled.
func (g *Generator) Config() Config { return g.cfg }

// Len returns the number of articles.
func (g *Generator) Len() int { return g.cfg.N }

func newPerson(r *rand.Rand) person {
	ro := roles[r.IntN(len(roles))]
	return person{first: pick(r, firstNames), last: surnameOf(r), title: ro.title, desc: ro.desc, org: pick(r, orgs)}
}

// surnameOf draws a surname: a listed one, or one of 1,000 made of two
// syllables, so a large corpus names thousands of different people.
func surnameOf(r *rand.Rand) string {
	if r.IntN(3) == 0 {
		return pick(r, surnames)
	}
	pre := []string{"Al", "Bren", "Cas", "Dor", "El", "Fen", "Gar", "Hal", "Iv", "Jas", "Kel", "Lor", "Mar", "Nor", "Or",
		"Pell", "Quin", "Ros", "Sten", "Tor", "Ulm", "Var", "Wes", "Yar", "Zel"}
	suf := []string{"ani", "berg", "coe", "dale", "enko", "ford", "gard", "hurst", "ides", "jean", "kova", "lund", "mont",
		"nard", "oza", "pari", "quist", "rich", "sky", "ton", "usa", "vik", "wood", "xa", "yev", "zan", "ley", "more", "ssen", "ovic",
		"ard", "ini", "ers", "etti", "holm", "ova", "stad", "ach", "iez", "ou"}
	return pick(r, pre) + pick(r, suf)
}

// placeOf draws a place: a listed one, or one of 750 made of two parts, so
// stories of one kind in one place are rare, as in a real corpus.
func placeOf(r *rand.Rand) string {
	if r.IntN(4) == 0 {
		return pick(r, places)
	}
	pre := []string{"North", "South", "East", "West", "Ash", "Black", "Bright", "Cold", "Deep", "Elm", "Fair", "Green",
		"High", "Iron", "King", "Long", "Mill", "New", "Oak", "Red", "Salt", "Stone", "Thorn", "White", "Wolf",
		"Amber", "Birch", "Cliff", "Dun", "Fern"}
	suf := []string{"haven", "ford", "bury", "field", "port", "wick", "moor", "dale", "ton", "mouth", "bridge", "crest",
		"gate", "hollow", "marsh", "mere", "stead", "vale", "well", "worth", "by", "combe", "holm", "ley", "shaw"}
	return pick(r, pre) + pick(r, suf)
}

func pick(r *rand.Rand, xs []string) string { return xs[r.IntN(len(xs))] }

// Article returns article i (0 ≤ i < Len()) as corpus.Load would read it
// from the file Markdown(i) gives: the same ID, path, title, source, URL,
// date and body.
func (g *Generator) Article(i int) corpus.Article {
	d := g.draft(i)
	return corpus.Article{
		ID: articleID(d.path), Path: d.path, Title: d.title, Source: d.outlet, URL: d.url,
		Published: d.published, Body: strings.Join(d.paras, "\n\n"), Format: "markdown",
	}
}

// Articles returns every article, in order.
func (g *Generator) Articles() []corpus.Article {
	out := make([]corpus.Article, g.cfg.N)
	for i := range out {
		out[i] = g.Article(i)
	}
	return out
}

// Markdown returns article i as a file: its path under the corpus root
// ("2023/04/004217-strike-in-port-alder.md") and its front-matter Markdown.
func (g *Generator) Markdown(i int) (path string, data []byte) {
	d := g.draft(i)
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: %q\nsource: %q\npublished: %s\nurl: %q\n---\n\n", d.title, d.outlet, d.published.Format(time.DateOnly), d.url)
	b.WriteString(strings.Join(d.paras, "\n\n"))
	b.WriteString("\n")
	return d.path, []byte(b.String())
}

// articleID is corpus's ID of an article loaded from path: the first 12 hex
// characters of the SHA-256 of the path.
func articleID(path string) string {
	sum := sha256.Sum256([]byte(path))
	return hex.EncodeToString(sum[:])[:12]
}

// draft is an article before it is written out.
type draft struct {
	path, title, outlet, url string
	published                time.Time
	paras                    []string
}

// draft makes article i. Every twentieth article is a wire copy of the one
// before it, printed by another outlet under its own headline a day later,
// so near-duplicate detection has copies to find.
func (g *Generator) draft(i int) draft {
	if i%20 == 19 {
		d := g.draft(i - 1)
		r := rand.New(rand.NewPCG(g.cfg.Seed, uint64(i)))
		d.outlet = outletNames[(slicesIndex(outletNames, d.outlet)+1+r.IntN(len(outletNames)-1))%len(outletNames)]
		d.title = "Wire: " + d.title
		d.published = d.published.AddDate(0, 0, 1)
		d.paras = append(d.paras[:len(d.paras):len(d.paras)], "This article first appeared on the wire and was edited for length.")
		d.path, d.url = locate(i, d.title, d.outlet, d.published)
		return d
	}
	r := rand.New(rand.NewPCG(g.cfg.Seed, uint64(i)))
	st := &g.stories[r.IntN(len(g.stories))]
	w := writer{r: r, st: st, th: themes[st.theme], seen: map[string]bool{}}
	published := g.cfg.Start.AddDate(0, 0, st.start+r.IntN(st.length))
	w.now = published
	d := draft{outlet: pick(r, outletNames), published: published}
	d.title = w.headline()
	d.paras = w.body(300 + r.IntN(1201))
	d.path, d.url = locate(i, d.title, d.outlet, d.published)
	return d
}

func slicesIndex(xs []string, x string) int {
	for i, y := range xs {
		if y == x {
			return i
		}
	}
	return 0
}

// locate returns an article's path and URL from its number, headline,
// outlet and date.
func locate(i int, title, outlet string, day time.Time) (path, url string) {
	slug := slugify(title)
	path = fmt.Sprintf("%s/%06d-%s.md", day.Format("2006/01"), i, slug)
	url = fmt.Sprintf("https://%s.example/%s/%s-%d", slugify(outlet), day.Format("2006/01/02"), slug, i)
	return path, url
}

// slugify lowercases s and joins its letter and digit runs with hyphens,
// keeping at most six words.
func slugify(s string) string {
	ws := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	})
	return strings.Join(ws[:min(6, len(ws))], "-")
}
