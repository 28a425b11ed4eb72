package bot

import (
	"slices"
	"strings"
)

// The same person under different forms in different articles is one
// speaker: the name book folds the forms into the fullest name once every
// article's people are added.

// merge folds the forms one person takes in different articles into one
// entry under the fuller name: full names with the same surname and
// compatible first names ("Tim Cook", "Timothy Cook"), then a one-word
// name that is the surname of exactly one full name ("Trump" into "Donald
// Trump"). Organisations are left alone. Call it once every name is added;
// it is deterministic whatever the order of the additions.
func (nb *nameBook) merge() {
	var people []string
	for k := range nb.display {
		if !nb.org[k] {
			people = append(people, k)
		}
	}
	slices.Sort(people)
	bySurname := map[string][]string{}
	for _, k := range people {
		if ws := strings.Fields(k); len(ws) >= 2 {
			bySurname[ws[len(ws)-1]] = append(bySurname[ws[len(ws)-1]], k)
		}
	}
	for _, k := range people {
		for _, c := range bySurname[strings.Fields(k)[len(strings.Fields(k))-1]] {
			a, b := nb.canonical(k), nb.canonical(c)
			if a != b && len(strings.Fields(a)) >= 2 && sameFirstName(a, b) {
				nb.fold(fuller(a, b), a, b)
			}
		}
	}
	for _, k := range people {
		if len(strings.Fields(k)) != 1 {
			continue
		}
		var full []string
		for _, c := range bySurname[k] {
			if c = nb.canonical(c); !slices.Contains(full, c) {
				full = append(full, c)
			}
		}
		if len(full) == 1 && nb.canonical(k) == k {
			nb.fold(full[0], k, full[0])
		}
	}
}

// fold merges canonical keys a and b into keep (one of them).
func (nb *nameBook) fold(keep, a, b string) {
	from := a
	if from == keep {
		from = b
	}
	nb.into[from] = keep
	for _, key := range nb.keys[from] {
		nb.link(key, keep)
	}
	if nb.desc[keep] == "" {
		nb.desc[keep] = nb.desc[from]
	}
}

// fuller returns the fuller of two names: more words, then more letters,
// then the first in order.
func fuller(a, b string) string {
	wa, wb := len(strings.Fields(a)), len(strings.Fields(b))
	if wb > wa || (wb == wa && len(b) > len(a)) || (wb == wa && len(b) == len(a) && b < a) {
		return b
	}
	return a
}

// sameFirstName reports whether two full names with the same surname have
// compatible first names: equal, one a prefix of the other ("Tim",
// "Timothy") or an initial.
func sameFirstName(a, b string) bool {
	fa, fb := strings.Fields(a)[0], strings.Fields(b)[0]
	return strings.HasPrefix(fa, fb) || strings.HasPrefix(fb, fa)
}

// speakerKeys returns the lookup keys of a speaker written name: its name
// book keys, and the role noun of each description alias ("This analyst" →
// "analyst"), of its description or role ("a professor at The New School"
// → "professor") and of an unnamed source ("a Russian newspaper" →
// "newspaper"), so that "what did the analyst say" finds it.
func speakerKeys(keys []string, desc, role, name string) []string {
	out := slices.Clone(keys)
	heads := []string{roleHead(desc), roleHead(role)}
	if !properName(name) {
		heads = append(heads, roleHead(name))
	}
	for _, k := range keys {
		if w := strings.Fields(k); len(w) > 1 && (w[0] == "the" || w[0] == "this" || w[0] == "that") {
			heads = append(heads, roleHead(k))
		}
	}
	for _, h := range heads {
		if h != "" && !slices.Contains(out, h) {
			out = append(out, h)
		}
	}
	return out
}

// roleHead returns the head noun of a description, lower case: its last
// word before a preposition, relative pronoun or comma ("a professor at
// The New School" → "professor", "Kremlin spokesman" → "spokesman"), ""
// when there is none.
func roleHead(desc string) string {
	head := ""
	for _, w := range strings.Fields(desc) {
		l := strings.ToLower(strings.Trim(w, ",;:."))
		switch l {
		case "at", "of", "for", "in", "with", "from", "on", "to", "who", "which", "and", "since":
			return head
		case "a", "an", "the", "this", "that":
			continue
		}
		if strings.HasSuffix(w, ",") {
			return normName(l)
		}
		head = normName(l)
		if strings.Contains(head, " ") {
			head = "" // "city's": a possessive, not the head
		}
	}
	return head
}
