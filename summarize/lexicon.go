package summarize

import (
	"bufio"
	"embed"
	"fmt"
	"strings"
)

// The word lists under data/ are hand-curated and small (a few hundred lines
// each); they are parsed once, when the package is loaded, into lexicon lx,
// which nothing writes afterwards.

//go:embed data/*.txt
var dataFS embed.FS

// cueClass says what a reporting verb takes as its content (see
// data/cues.txt).
type cueClass uint8

const (
	cueSay   cueClass = iota + 1 // a clause
	cueTell                      // a listener, then a clause or to-infinitive
	cueObj                       // a clause or a noun phrase
	cueName                      // naming: call X 'Y'
	cueQuote                     // only next to quotation marks
	cueDoc                       // a document: only before ':' or a quotation
	cueFind                      // a finding: a clause, said by a document, inquiry or researcher
)

// cue is one reporting-verb form.
type cue struct {
	lemma string
	class cueClass
}

// role is a title or role noun.
type role struct {
	class  string // "leader", "expert", "mod" (a title modifier), ...
	gender byte   // 'm', 'f' or 0
}

// lexicon holds every word list the analysis uses. Keys are lowercase unless
// said otherwise.
type lexicon struct {
	abbrev     map[string]string // abbreviation -> section: title, end, month, never, num
	starters   map[string]bool
	cues       map[string]cue
	cueNouns   map[string]bool
	docNouns   map[string]bool
	roles      map[string]role
	firstNames map[string]byte // 'm', 'f' or 'u'
	places     map[string]bool // as written ("New York", "U.S.")
	demonyms   map[string]bool // as written ("Russian")
	maxPlace   int             // most words in a place name
	orgSuffix  map[string]bool
	orgPrefix  map[string]bool
	orgNames   map[string]bool   // lowercase, words joined by one space
	orgNouns   map[string]string // noun -> class
}

var lx = mustLoadLexicon()

func mustLoadLexicon() *lexicon {
	l, err := loadLexicon()
	if err != nil {
		panic(err)
	}
	return l
}

// loadLexicon parses data/*.txt. It fails only on a malformed file, which
// the package tests catch.
func loadLexicon() (*lexicon, error) {
	l := &lexicon{
		abbrev: map[string]string{}, starters: map[string]bool{}, cues: map[string]cue{},
		cueNouns: map[string]bool{}, docNouns: map[string]bool{}, roles: map[string]role{},
		firstNames: map[string]byte{}, places: map[string]bool{}, demonyms: map[string]bool{},
		orgSuffix: map[string]bool{}, orgPrefix: map[string]bool{}, orgNames: map[string]bool{},
		orgNouns: map[string]string{},
	}
	classes := map[string]cueClass{"say": cueSay, "tell": cueTell, "obj": cueObj, "name": cueName, "quote": cueQuote, "doc": cueDoc, "find": cueFind}
	err := eachLine("abbrev.txt", func(sec, line string) error {
		for _, w := range strings.Fields(line) {
			l.abbrev[w] = sec
		}
		return nil
	})
	if err == nil {
		err = eachLine("starters.txt", func(_, line string) error { addWords(l.starters, line); return nil })
	}
	if err == nil {
		err = eachLine("cuenouns.txt", func(_, line string) error { addWords(l.cueNouns, line); return nil })
	}
	if err == nil {
		err = eachLine("docnouns.txt", func(_, line string) error { addWords(l.docNouns, line); return nil })
	}
	if err == nil {
		err = eachLine("cues.txt", func(_, line string) error {
			f := strings.Fields(line)
			c, ok := classes[f[0]]
			if !ok || len(f) < 2 {
				return fmt.Errorf("bad cue line %q", line)
			}
			for _, form := range f[1:] {
				l.cues[form] = cue{lemma: f[1], class: c}
			}
			return nil
		})
	}
	if err == nil {
		err = eachLine("roles.txt", func(_, line string) error {
			f := strings.Fields(line)
			if len(f) < 2 {
				return fmt.Errorf("bad role line %q", line)
			}
			r := role{class: f[1]}
			if len(f) > 2 {
				r.gender = f[2][0]
			}
			l.roles[f[0]] = r
			return nil
		})
	}
	if err == nil {
		err = eachLine("firstnames.txt", func(_, line string) error {
			f := strings.Fields(line)
			if len(f) != 2 {
				return fmt.Errorf("bad name line %q", line)
			}
			l.firstNames[f[0]] = f[1][0]
			return nil
		})
	}
	if err == nil {
		err = eachLine("places.txt", func(sec, line string) error {
			if sec == "demonym" {
				l.demonyms[line] = true
				return nil
			}
			l.places[line] = true
			l.maxPlace = max(l.maxPlace, len(strings.Fields(line)))
			return nil
		})
	}
	if err == nil {
		err = eachLine("orgs.txt", func(sec, line string) error {
			switch sec {
			case "suffix":
				addWords(l.orgSuffix, line)
			case "prefix":
				addWords(l.orgPrefix, line)
			case "name":
				for _, w := range strings.Fields(line) {
					l.orgNames[strings.ReplaceAll(w, "_", " ")] = true
				}
			case "noun":
				f := strings.Fields(line)
				if len(f) != 2 {
					return fmt.Errorf("bad org noun line %q", line)
				}
				l.orgNouns[f[0]] = f[1]
			}
			return nil
		})
	}
	if err != nil {
		return nil, fmt.Errorf("load lexicon: %w", err)
	}
	return l, nil
}

func addWords(m map[string]bool, line string) {
	for _, w := range strings.Fields(line) {
		m[w] = true
	}
}

// eachLine calls fn for every non-blank, non-comment line of data/name with
// the current "[section]" name.
func eachLine(name string, fn func(section, line string) error) error {
	f, err := dataFS.Open("data/" + name)
	if err != nil {
		return err
	}
	defer f.Close()
	sec := ""
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || line[0] == '#':
		case line[0] == '[' && line[len(line)-1] == ']':
			sec = line[1 : len(line)-1]
		default:
			if err := fn(sec, line); err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
		}
	}
	return sc.Err()
}
