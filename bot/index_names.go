package bot

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// normName is the lookup form of a name: lowercase words of letters and
// digits joined by single spaces ("O'Brien" → "o brien"). A name already
// in that form is returned as it is, without allocating.
func normName(s string) string {
	var buf [128]byte
	norm := appendNorm(buf[:0], s)
	if string(norm) == s {
		return s
	}
	return string(norm)
}

// nameBook registers the people and organisations of the corpus under a
// canonical key (the normalised fullest name) with every key they can be
// looked up by: the name itself, its aliases and, for a person, the surname.
// It is filled while an Index is built and only read afterwards.
type nameBook struct {
	display map[string]string   // canonical key → name as first written
	desc    map[string]string   // canonical key → description, "" if none
	keys    map[string][]string // canonical key → lookup keys
	alias   map[string][]string // lookup key → canonical keys, sorted
	org     map[string]bool     // canonical key → an organisation
	into    map[string]string   // canonical key → the fuller one it was merged into (see merge)
	norms   map[string]string   // name as written → normName of it, while the index is built (see norm)
}

func newNameBook() *nameBook {
	return &nameBook{
		display: map[string]string{},
		desc:    map[string]string{},
		keys:    map[string][]string{},
		alias:   map[string][]string{},
		org:     map[string]bool{},
		into:    map[string]string{},
		norms:   map[string]string{},
	}
}

// norm is normName remembered: the analyses write the same names over and
// over. The memo is kept until done is called.
func (nb *nameBook) norm(name string) string {
	if nb.norms == nil {
		return normName(name)
	}
	k, ok := nb.norms[name]
	if !ok {
		k = normName(name)
		nb.norms[name] = k
	}
	return k
}

// done drops what only building the index needs (the memo of norm); the
// book is only read afterwards.
func (nb *nameBook) done() { nb.norms = nil }

// add registers name with its aliases and returns its canonical key, "" for
// a name with no letters or digits. A second add of the same name merges
// aliases.
func (nb *nameBook) add(name string, aliases []string, org bool, desc string) string {
	k := nb.norm(name)
	if k == "" {
		return ""
	}
	if _, ok := nb.display[k]; !ok {
		nb.display[k] = strings.TrimSpace(name)
		nb.org[k] = org
	}
	if nb.desc[k] == "" {
		nb.desc[k] = strings.TrimSpace(desc)
	}
	nb.link(k, k)
	for _, a := range aliases {
		nb.link(nb.norm(a), k)
	}
	if ws := strings.Fields(k); !org && len(ws) >= 2 && len(ws[len(ws)-1]) >= 2 {
		nb.link(ws[len(ws)-1], k)
	}
	return k
}

func (nb *nameBook) link(key, canon string) {
	if key == "" {
		return
	}
	if !slices.Contains(nb.keys[canon], key) {
		nb.keys[canon] = append(nb.keys[canon], key)
	}
	if cs := nb.alias[key]; !slices.Contains(cs, canon) {
		cs = append(cs, canon)
		slices.Sort(cs)
		nb.alias[key] = cs
	}
}

// resolve returns the canonical key of a name as written: the name itself
// when registered, else the one person an alias or surname points to. A name
// the book does not know is registered (with its surname when it is written
// like a proper name, "Nina Khrushcheva" but not "a Russian newspaper").
func (nb *nameBook) resolve(name string) string {
	k := nb.norm(name)
	if _, ok := nb.display[k]; ok {
		return nb.canonical(k)
	}
	if cs := nb.targets(k); len(cs) == 1 {
		return cs[0]
	}
	return nb.add(name, nil, !properName(name), "")
}

// canonical follows merges from canonical key k to the entry it was
// folded into.
func (nb *nameBook) canonical(k string) string {
	for n := 0; n < 8; n++ { // merges never chain deeper; the bound guards against a cycle
		to, ok := nb.into[k]
		if !ok {
			break
		}
		k = to
	}
	return k
}

// targets returns the canonical keys lookup key points to, after merges.
func (nb *nameBook) targets(key string) []string {
	var out []string
	for _, c := range nb.alias[key] {
		if c = nb.canonical(c); !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	slices.Sort(out)
	return out
}

// properName reports whether every word of s starts with an upper-case
// letter.
func properName(s string) bool {
	ws := strings.Fields(s)
	for _, w := range ws {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return len(ws) > 0
}

// lookupName finds the IDs filed under a name in keys (lookup key → IDs):
// the whole name, else the name without its leading words ("President
// Donald Trump" → "Donald Trump" → "Trump").
func lookupName(keys map[string][]int32, name string) []int {
	ws := words(name)
	for i := range ws {
		if ids := keys[strings.Join(ws[i:], " ")]; len(ids) > 0 {
			return ints(ids)
		}
	}
	return nil
}

// lookupTypo finds the IDs filed under the keys nearest to name within a
// typo's edit distance (see typoLimit).
func lookupTypo(keys map[string][]int32, name string) []int {
	q := normName(name)
	best := typoLimit(q) + 1
	n := utf8.RuneCountInString(q)
	var ids []int32
	for k, kids := range keys {
		if diff := utf8.RuneCountInString(k) - n; diff > best || -diff > best {
			continue // the distance is at least the difference in length
		}
		d := editDistance(q, k)
		switch {
		case d < best:
			best, ids = d, slices.Clone(kids)
		case d == best:
			ids = append(ids, kids...)
		}
	}
	slices.Sort(ids)
	return ints(slices.Compact(ids))
}

// knows returns how the book writes a name (or the end of it, as
// lookupName), if it knows it.
func (nb *nameBook) knows(name string) (string, bool) {
	ws := words(name)
	for i := range ws {
		cs := nb.targets(strings.Join(ws[i:], " "))
		if len(cs) == 1 {
			return nb.display[cs[0]], true
		}
		if len(cs) > 1 {
			return strings.Join(ws[i:], " "), true
		}
	}
	return "", false
}

// typoLimit is the edit distance still taken for a typo of s: none for very
// short words, one for short ones, two otherwise.
func typoLimit(s string) int {
	switch n := utf8.RuneCountInString(s); {
	case n <= 3:
		return 0
	case n <= 5:
		return 1
	default:
		return 2
	}
}

// editDistance is the optimal string alignment distance between a and b:
// insertions, deletions, substitutions and transpositions of adjacent runes
// each cost one.
func editDistance(a, b string) int {
	s, t := []rune(a), []rune(b)
	rows := make([][]int, len(s)+1)
	for i := range rows {
		rows[i] = make([]int, len(t)+1)
		rows[i][0] = i
	}
	for j := range t {
		rows[0][j+1] = j + 1
	}
	for i := 1; i <= len(s); i++ {
		for j := 1; j <= len(t); j++ {
			cost := 1
			if s[i-1] == t[j-1] {
				cost = 0
			}
			d := min(rows[i-1][j]+1, rows[i][j-1]+1, rows[i-1][j-1]+cost)
			if i > 1 && j > 1 && s[i-1] == t[j-2] && s[i-2] == t[j-1] {
				d = min(d, rows[i-2][j-2]+1)
			}
			rows[i][j] = d
		}
	}
	return rows[len(s)][len(t)]
}
